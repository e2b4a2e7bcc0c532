import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { summariseRecord } from '../../server/receiver/summary.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import type { Store } from '../../server/store/store.mjs';
import { signedIn } from '../support/agents';
import { bothStores } from '../support/postgres';

/** The migration files numbered above `after`, newest first. */
function migrationsAfter(kind: 'sqlite' | 'postgres', after: number): string[] {
  return readdirSync(new URL(`../../server/store/migrations/${kind}/`, import.meta.url))
    .filter((file) => /^\d+_.*\.sql$/.test(file) && Number.parseInt(file, 10) > after)
    .sort()
    .reverse();
}

const SHOP = 'https://shop.example';
const backends = bothStores();

/** A complaint from `visitor` in which they said `text`. */
function saying(text: string, visitor: { name?: string | null; email?: string | null } = {}, overrides: Parameters<typeof sampleComplaint>[0] = {}) {
  const record = sampleComplaint({ ...overrides, visitor: { statusKey: randomBytes(16).toString('base64url'), ...visitor } as never });
  record.messages = [record.messages[0]!, { from: 'visitor', text, at: record.submittedAt }];
  record.restatement = null;
  return record;
}

describe.each(backends)('finding a complaint on %s', (_name, open) => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  let agent: { authorization: string };
  let logs: string[];

  beforeEach(async () => {
    logs = [];
    store = await open();
    app = createApp({
      store,
      allowedOrigins: [SHOP],
      rateLimit: 0,
      jobs: { worker: false },
      logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } },
    });
    await app.ready();
    agent = (await signedIn(app, store, { name: 'Mia', email: `mia-${randomUUID()}@shop.example` })).headers;
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const receive = async (record: ReturnType<typeof saying>) => {
    const response = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) });
    expect(response.statusCode).toBe(201);
    return record;
  };
  const search = (q: string, more = '') => app.inject({ url: `/api/complaints?q=${encodeURIComponent(q)}${more}`, headers: agent });
  const found = async (q: string, more = '') => {
    const response = await search(q, more);
    expect(response.statusCode, q).toBe(200);
    return (response.json().complaints as { id: string }[]).map((complaint) => complaint.id);
  };

  it('finds a complaint by its reference and by the visitor’s email, exactly, whatever the case', async () => {
    const kettle = await receive(saying('The kettle arrived dented.', { name: 'Ana Novak', email: 'Ana.Novak@Mail.example' }));
    const other = await receive(saying('The kettle is still dented.', { name: 'Ben Ito', email: 'ana.novak@mail.example.org' }));

    expect(await found(kettle.reference)).toEqual([kettle.id]);
    expect(await found(` ${kettle.reference.toLowerCase()} `)).toEqual([kettle.id]);
    expect(await found('ana.novak@mail.example')).toEqual([kettle.id]);
    expect(await found('  ANA.NOVAK@MAIL.EXAMPLE ')).toEqual([kettle.id]);
    expect(await found('ana.novak@mail.example.org')).toEqual([other.id]);
    // Part of an address or of a reference finds nothing.
    expect(await found('novak@mail.example')).toEqual([]);
    expect(await found(kettle.reference.slice(0, -1))).toEqual([]);
  });

  it('finds a complaint by the visitor’s name and the words they wrote, the last word as it is being typed', async () => {
    const kettle = await receive(saying('The kettle arrived dented, the lid is cracked. Write to office@kettles.example.', { name: 'Ana Novak' }));
    const toaster = await receive(saying('My toaster burns every slice.', { name: 'Ben Ito' }));

    expect(await found('novak')).toEqual([kettle.id]);
    expect(await found('Ana Novak')).toEqual([kettle.id]);
    expect(await found('cracked')).toEqual([kettle.id]);
    expect(await found('toast')).toEqual([toaster.id]);
    expect(await found('lid crac')).toEqual([kettle.id]);
    // Words are split at punctuation alike on both databases, inside an address too.
    expect(await found('kettles.example')).toEqual([kettle.id]);
    expect(await found('office')).toEqual([kettle.id]);
    // Every word must be there: a name with another complaint's words finds neither.
    expect(await found('ito cracked')).toEqual([]);
    expect(await found('Ben slice')).toEqual([toaster.id]);
    // The bot's own lines are in every transcript; they find nothing.
    expect(await found('listening')).toEqual([]);
  });

  it('finds a complaint by a follow-up the visitor wrote after it, and by an agent’s reply', async () => {
    const record = await receive(saying('The kettle arrived dented.'));
    const key = (record.visitor as { statusKey: string }).statusKey;
    expect(await found('invoice')).toEqual([]);

    const message = { id: randomUUID(), text: 'I attach the invoice number 88213 now.', at: new Date().toISOString() };
    const sent = await app.inject({
      method: 'POST',
      url: `/complaints/${record.id}/messages`,
      headers: { 'content-type': 'application/json', origin: SHOP, authorization: `Bearer ${key}`, 'idempotency-key': message.id },
      payload: JSON.stringify(message),
    });
    expect(sent.statusCode).toBe(201);
    expect(await found('invoice')).toEqual([record.id]);
    expect(await found('88213')).toEqual([record.id]);
    // The complaint's own words and the follow-up's together.
    expect(await found('dented invoice')).toEqual([record.id]);

    const replied = await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/replies`, headers: agent, payload: { text: 'A replacement courier comes on Thursday.' } });
    expect(replied.statusCode).toBe(201);
    expect(await found('courier thursday')).toEqual([record.id]);
  });

  it('folds accents in all four languages, both ways', async () => {
    const hungarian = await receive(saying('Árvíztűrő tükörfúrógép: a vízforraló horpadt.', { name: 'Kovács Éva' }));
    const slovak = await receive(saying('Môj balík prišiel poškodený, kanvica je premačknutá.', { name: 'Ľubica Šťastná' }));
    const plain = await receive(saying('Kettle arrived serult, says arvizturo.', { name: 'Siti Aminah' }));

    expect((await found('arvizturo')).sort()).toEqual([hungarian.id, plain.id].sort());
    expect((await found('árvíztűrő')).sort()).toEqual([hungarian.id, plain.id].sort());
    expect(await found('kovacs eva')).toEqual([hungarian.id]);
    expect(await found('poskodeny')).toEqual([slovak.id]);
    expect(await found('lubica stastna')).toEqual([slovak.id]);
    expect(await found('SÉRÜLT')).toEqual([plain.id]);
    expect(await found('siti amin')).toEqual([plain.id]);
  });

  it('searches within the filters, in the queue’s order, a page at a time, with how many match', async () => {
    const first = await receive(saying('The kettle arrived dented.', {}, { submittedAt: new Date(Date.now() - 3 * 3600_000).toISOString() }));
    const second = await receive(saying('Another dented kettle.', {}, { submittedAt: new Date(Date.now() - 2 * 3600_000).toISOString() }));
    const third = await receive(saying('A dented kettle once more.', {}, { submittedAt: new Date(Date.now() - 3600_000).toISOString() }));
    await receive(saying('The toaster burns.'));
    await store.resolve(first.id, 'Mia', 'Replaced.', new Date().toISOString());

    expect(await found('dented')).toEqual([second.id, third.id, first.id]);
    expect((await search('dented')).json()).toMatchObject({ total: 3, open: 2 });
    expect(await found('dented', '&status=resolved')).toEqual([first.id]);
    expect(await found('dented', '&status=new&limit=1&offset=1')).toEqual([third.id]);
    expect((await search('dented', '&status=new&limit=1')).json()).toMatchObject({ total: 2, open: 2 });
    expect(await found('dented', '&category=billing')).toEqual([]);
    // An empty search is the queue.
    expect(await found('', '&limit=10')).toHaveLength(4);
  });

  it('answers what no complaint holds, and search syntax, with nothing found; a search too long with a sentence; and logs none of it', async () => {
    const record = await receive(saying('The kettle arrived dented.', { name: 'Ana Novak' }));
    const hostile = [
      '!!!', '"', '*', '-', '(', 'kettle OR', 'NEAR(kettle dented)', 'dented NOT kettle', '"kettle" AND', 'kettle*', '^kettle', 'name:kettle',
      "' OR 1=1 --", '%', '_', '\\', 'kettle & !dented', "kettle:* | 'x'", '<script>alert(1)</script>', '🫖', 'ﬁ', '\u202e',
    ];
    for (const q of hostile) {
      const response = await search(q);
      expect(response.statusCode, q).toBe(200);
      expect(response.json().complaints.every((complaint: { id: string }) => complaint.id === record.id), q).toBe(true);
    }
    // Syntax is taken as words: what the words say is still found.
    expect(await found('NEAR(kettle dented)')).toEqual([]);
    expect(await found('kettle* dented')).toEqual([record.id]);
    expect(await found('"kettle" AND')).toEqual([]);
    expect(await found('!!!')).toEqual([]);

    const nul = await search('kettle\u0000');
    expect(nul.statusCode).toBe(400);
    expect(nul.json().message).toMatch(/^[A-Z].*\.$/);

    const long = await search('kettle '.repeat(40));
    expect(long.statusCode).toBe(400);
    expect(long.json().message).toBe('q must be at most 200 characters: a reference, an email, a name or a few words the complaint holds.');

    const twice = await app.inject({ url: '/api/complaints?q=kettle&q=dented', headers: agent });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toBe('q must be given once, as text: a reference, an email, a name or a few words the complaint holds.');

    const secret = 'Novak-ana.novak@mail.example';
    await search(secret);
    await search('Ana Novak');
    const logged = logs.join('\n');
    expect(logged).toContain('/api/complaints');
    expect(logged).not.toContain('Novak');
    expect(logged).not.toContain('kettle');
  });
});

describe.each(backends)('the search after an upgrade on %s', (name, open, openAgain, databaseUrl) => {
  it('finds the complaints, follow-ups and replies kept before it came', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heard-search-'));
    const path = join(dir, 'heard.db');
    const before = name === 'SQLite' ? createSqliteStore({ path }) : await open();
    const record = saying('Árvíztűrő kettle arrived dented.', { name: 'Kovács Éva', email: 'Eva@Mail.example' });
    // A character PostgreSQL cannot read out of a body as text: the migration still indexes it.
    const other = saying('The toaster\u0000 burns.', { name: 'Ben Ito' });
    // A body nested past what SQLite's JSON functions read: the migration still indexes it.
    const deep = saying('The blender is loud.', { name: 'Siti Aminah' });
    let traits: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 1500; i++) traits = { a: traits };
    deep.visitor.traits = traits;
    for (const [i, each] of [record, other, deep].entries()) {
      await before.insertRecord(each, { hash: String(i), receivedAt: new Date().toISOString(), summary: summariseRecord(each) });
    }
    const at = new Date().toISOString();
    expect((await before.addThreadMessage({ complaintId: record.id, id: randomUUID(), text: 'The invoice is attached.', at, receivedAt: at, windowMs: 0 })).outcome).toBe('created');
    expect((await before.addReply(record.id, 'Mia', 'A courier comes on Thursday.', at)).ok).toBe(true);
    await before.close();

    // The database as the release before left it: without the search's migration.
    if (name === 'SQLite') {
      const db = new Database(path);
      // What later migrations made goes first, newest first.
      for (const file of migrationsAfter('sqlite', 21)) {
        const sql = readFileSync(new URL(`../../server/store/migrations/sqlite/${file}`, import.meta.url), 'utf8');
        // A column added is dropped; any other change to a table is undone here by hand.
        const added = [...sql.matchAll(/ALTER TABLE (\w+) ADD COLUMN (\w+)/gi)];
        if ((sql.match(/ALTER TABLE/gi)?.length ?? 0) !== added.length) throw new Error(`${file} alters a table: undo it here by hand.`);
        for (const [, kind, made] of sql.matchAll(/CREATE (TABLE|TRIGGER|INDEX) (\w+)/gi)) db.exec(`DROP ${kind!.toUpperCase()} IF EXISTS ${made}`);
        for (const [, table, column] of added.reverse()) db.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
      }
      db.exec(`DROP TRIGGER complaint_search_message; DROP TRIGGER complaint_search_reply; DROP TRIGGER complaint_search_purge;
        DROP TABLE complaint_search; DROP TABLE complaint_search_rows; DROP INDEX complaints_visitor_email; ALTER TABLE complaints DROP COLUMN visitor_email;`);
      db.pragma('user_version = 20');
      db.close();
    } else {
      const client = new pg.Client({ connectionString: databaseUrl!() });
      await client.connect();
      // The search's migration and every later one, newest first.
      for (const file of migrationsAfter('postgres', 17)) {
        const down = readFileSync(new URL(`../../server/store/migrations/postgres/${file}`, import.meta.url), 'utf8').split('-- Down Migration')[1]!;
        await client.query(down);
        await client.query('DELETE FROM heard_migrations WHERE name = $1', [file.replace(/\.sql$/, '')]);
      }
      await client.end();
    }

    const after = name === 'SQLite' ? createSqliteStore({ path }) : await openAgain!();
    const found = async (q: string) => (await after.listRecords({ q })).map((complaint) => complaint.id);
    try {
      expect(await found('arvizturo dented')).toEqual([record.id]);
      expect(await found('kovacs')).toEqual([record.id]);
      expect(await found('eva@mail.example')).toEqual([record.id]);
      expect(await found(record.reference)).toEqual([record.id]);
      expect(await found('invoice')).toEqual([record.id]);
      expect(await found('courier thurs')).toEqual([record.id]);
      expect(await found('toaster')).toEqual([other.id]);
      expect(await found('blender')).toEqual([deep.id]);
      expect(await after.countRecords({ q: 'dented' })).toEqual({ total: 1, open: 1 });
    } finally {
      await after.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
