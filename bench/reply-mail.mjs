// @ts-check
/**
 * The loop closing, timed: how long after an agent's reply (`POST /api/complaints/:id/replies`
 * answering 201) the email carrying it reaches the visitor's mail server, here a loopback SMTP
 * server that accepts everything. The server runs in this process on a temporary SQLite file
 * with its worker running, as `npm start` would; the reply's write wakes the worker.
 *
 * Beside it, from the moment the agent sends the reply: how long the API call takes, and when the
 * worker hands the email to the mail transport (Heard's own part: the reply and its job in one
 * commit, the wake-up, composing; the worker is woken before the answer is sent, so this often
 * comes before the call returns). The arrival figure includes one SMTP conversation on a new
 * connection, of which 100 ms is the receiving server's pause before its greeting (smtp-server,
 * like many mail servers, waits to catch clients that talk too soon).
 *
 *   node bench/reply-mail.mjs      # prints the figures as JSON
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { ensureFirstAdmin } from '../server/agents/first-admin.mjs';
import { createApp } from '../server/app.mjs';
import { createMailer } from '../server/jobs/forwarding/email.mjs';
import { sampleComplaint } from '../server/sample-records.mjs';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.mjs';
import { median, quantile } from './stats.mjs';
import { readFlags } from './command-line.mjs';

const ADMIN = { adminEmail: 'bench@shop.example', adminPassword: 'a bench password' };

/**
 * @param {{ samples?: number }} [options]
 * @returns {Promise<{ samples: number, medianMs: number, p95Ms: number, callMedianMs: number, handedOverMedianMs: number }>}
 */
export async function measureReplyMail({ samples = 50 } = {}) {
  /** @type {Map<string, number>} recipient → arrival time */
  const arrivals = new Map();
  /** @type {Map<string, number>} recipient → when the worker handed the email to the transport */
  const handedOver = new Map();
  /** @type {(() => void) | null} */
  let onArrival = null;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // A real mail server looks up the sender's name; on a loopback that only adds a DNS timeout.
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        // The message is in: this is when the visitor's mail server has it.
        for (const rcpt of session.envelope.rcptTo) arrivals.set(rcpt.address, performance.now());
        callback();
        onArrival?.();
      });
    },
  });
  await new Promise((resolve) => smtp.listen(0, '127.0.0.1', () => resolve(undefined)));
  const smtpPort = /** @type {import('node:net').AddressInfo} */ (smtp.server.address()).port;

  const dir = mkdtempSync(join(tmpdir(), 'heard-loop-bench-'));
  const store = createSqliteStore({ path: join(dir, 'heard.db') });
  const app = createApp({
    store,
    allowedOrigins: [],
    rateLimit: 0,
    jobs: { teamEmail: 'team@shop.example', mailFrom: 'Shop <care@shop.example>' },
    mailer: timed(createMailer(`smtp://127.0.0.1:${smtpPort}`), handedOver),
  });
  app.addHook('onClose', async () => store.close());
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (app.server.address()).port}`;
    await ensureFirstAdmin(store, ADMIN);
    const session = await fetch(`${origin}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN.adminEmail, password: ADMIN.adminPassword }) });
    if (session.status !== 200) throw new Error(`Signing in answered ${session.status}`);
    const { token } = /** @type {{ token: string }} */ (await session.json());
    const agent = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    /** @param {() => boolean} done */
    const arrived = (done) => new Promise((resolve) => {
      onArrival = () => {
        if (done()) resolve(undefined);
      };
      onArrival();
    });

    /** @type {number[]} */
    const latencies = [];
    /** @type {number[]} */
    const calls = [];
    /** @type {number[]} */
    const handOvers = [];
    for (let n = 0; n < samples; n += 1) {
      const email = `visitor-${n}@example.com`;
      const record = sampleComplaint({ visitor: { email } });
      const received = await fetch(`${origin}/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
      if (received.status !== 201) throw new Error(`The receiver answered ${received.status}`);
      const sentAt = performance.now();
      const replied = await fetch(`${origin}/api/complaints/${record.id}/replies`, { method: 'POST', headers: agent, body: JSON.stringify({ text: 'A new kettle left our warehouse today.' }) });
      const answeredAt = performance.now();
      if (replied.status !== 201) throw new Error(`The reply answered ${replied.status}`);
      await arrived(() => arrivals.has(email));
      latencies.push(/** @type {number} */ (arrivals.get(email)) - answeredAt);
      calls.push(answeredAt - sentAt);
      handOvers.push(/** @type {number} */ (handedOver.get(email)) - sentAt);
    }
    return {
      samples,
      medianMs: median(latencies),
      p95Ms: quantile(latencies, 0.95),
      callMedianMs: median(calls),
      handedOverMedianMs: median(handOvers),
    };
  } finally {
    await app.close();
    await new Promise((resolve) => smtp.close(() => resolve(undefined)));
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The mailer, noting when each email is handed to it.
 * @param {import('../server/jobs/forwarding/email.mjs').Mailer} mailer
 * @param {Map<string, number>} times recipient → time
 * @returns {import('../server/jobs/forwarding/email.mjs').Mailer}
 */
function timed(mailer, times) {
  return {
    sendMail: (message) => {
      times.set(String(message.to), performance.now());
      return mailer.sendMail(message);
    },
    close: () => mailer.close?.(),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  readFlags('node bench/reply-mail.mjs', `Usage: node bench/reply-mail.mjs [--help]\nHow long a visitor's emailed answer takes to reach the complaint's thread; prints JSON.\n`, {});
  console.log(JSON.stringify(await measureReplyMail(), null, 2));
}
