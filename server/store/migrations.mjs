// @ts-check
/**
 * Schema migrations, applied in order on open; `PRAGMA user_version` records how many ran.
 * A step is SQL, or a function for data that SQL cannot move safely. Append new steps; never
 * edit one that has shipped.
 * @type {(string | ((db: import('better-sqlite3').Database) => void))[]}
 */
export const MIGRATIONS = [
  `
  CREATE TABLE receipts (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('complaint', 'rating')),
    body_hash TEXT NOT NULL,
    receipt TEXT NOT NULL
  );
  CREATE TABLE complaints (
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL,
    body TEXT NOT NULL,
    received_at TEXT NOT NULL,
    submitted_ms INTEGER NOT NULL,
    category TEXT NOT NULL,
    language TEXT NOT NULL,
    urgency_rank INTEGER NOT NULL,
    escalated INTEGER NOT NULL,
    due_ms INTEGER,
    follow_up_ms INTEGER,
    follow_up_consent INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'claimed', 'resolved')),
    claimed_by TEXT,
    claimed_at TEXT,
    resolved_by TEXT,
    resolved_at TEXT,
    resolved_ms INTEGER,
    resolution_note TEXT,
    followed_up_at TEXT,
    csat INTEGER
  );
  CREATE INDEX complaints_queue ON complaints (status, escalated DESC, urgency_rank, submitted_ms);
  CREATE INDEX complaints_submitted ON complaints (submitted_ms);
  CREATE TABLE ratings (
    id TEXT PRIMARY KEY,
    complaint_id TEXT NOT NULL,
    csat INTEGER NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX ratings_complaint ON ratings (complaint_id);
  `,
  // Trends count signals from a table of their own: no query reads a stored body, so no body,
  // however it is shaped, can break one. Existing rows are filled in by `backfillSignals`.
  `
  CREATE TABLE complaint_signals (
    complaint_id TEXT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    submitted_ms INTEGER NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    cue TEXT NOT NULL
  );
  CREATE INDEX complaint_signals_submitted ON complaint_signals (submitted_ms);
  CREATE INDEX complaint_signals_complaint ON complaint_signals (complaint_id);
  `,
  backfillSignals,
];

/**
 * Copies each stored complaint's signals into `complaint_signals`. Bodies are parsed here, in
 * JavaScript, where any depth parses, rather than by SQLite's JSON functions, which refuse
 * deep nesting; a body that does not parse contributes no signals.
 * @param {import('better-sqlite3').Database} db
 */
function backfillSignals(db) {
  const insert = db.prepare('INSERT INTO complaint_signals (complaint_id, submitted_ms, field, value, cue) VALUES (?, ?, ?, ?, ?)');
  const page = db.prepare('SELECT rowid, id, submitted_ms, body FROM complaints WHERE rowid > ? ORDER BY rowid LIMIT 200');
  // A page at a time: bodies can be large, and a statement cannot write while another iterates.
  let after = 0;
  for (;;) {
    const rows = /** @type {{ rowid: number, id: string, submitted_ms: number, body: string }[]} */ (page.all(after));
    if (rows.length === 0) return;
    for (const row of rows) addSignals(insert, row);
    after = /** @type {{ rowid: number }} */ (rows.at(-1)).rowid;
  }
}

/**
 * @param {import('better-sqlite3').Statement} insert
 * @param {{ id: string, submitted_ms: number, body: string }} row
 */
function addSignals(insert, row) {
  let signals;
  try {
    signals = JSON.parse(row.body)?.triage?.signals;
  } catch {
    return;
  }
  if (!Array.isArray(signals)) return;
  for (const signal of signals) {
    if (signal && typeof signal.field === 'string' && typeof signal.value === 'string' && typeof signal.cue === 'string') {
      insert.run(row.id, row.submitted_ms, signal.field, signal.value, signal.cue);
    }
  }
}
