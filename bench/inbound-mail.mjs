// @ts-check
/**
 * A visitor's email answer, timed: from a mail server opening its connection to Heard's SMTP
 * listener on 127.0.0.1 until the answer's new text is readable in the complaint's thread (the
 * visitor's status, as the widget reads it). The server runs in this process on a temporary
 * SQLite file, as `npm start` would with `HEARD_INBOUND_SMTP_PORT`; each answer is one SMTP
 * conversation on a new connection, of which about 100 ms is the listener's pause before its
 * greeting (smtp-server, like many mail servers, waits to catch clients that talk too soon).
 *
 *   node bench/inbound-mail.mjs      # prints the figures as JSON
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import nodemailer from 'nodemailer';
import { createApp } from '../server/app.mjs';
import { replyAddress, splitInboundAddress } from '../server/inbound/reply-address.mjs';
import { sampleComplaint } from '../server/sample-records.mjs';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.mjs';
import { median, quantile } from './stats.mjs';

const INBOUND_ADDRESS = 'reply@inbound.shop.example';

/**
 * @param {{ samples?: number }} [options]
 * @returns {Promise<{ samples: number, medianMs: number, p95Ms: number, acceptedMedianMs: number }>}
 *   `acceptedMedianMs`: until the listener answered 250 (the answer is kept before it does).
 */
export async function measureInboundMail({ samples = 30 } = {}) {
  const replySecret = randomBytes(32).toString('base64url');
  const dir = mkdtempSync(join(tmpdir(), 'heard-inbound-bench-'));
  const store = createSqliteStore({ path: join(dir, 'heard.db') });
  const app = createApp({
    store,
    allowedOrigins: [],
    rateLimit: 0,
    logger: false,
    jobs: { mailFrom: 'Shop <care@shop.example>', inboundAddress: INBOUND_ADDRESS, replySecret },
    inbound: { smtp: { port: 0, host: '127.0.0.1', tls: null }, secret: null, webhookSecret: null },
  });
  app.addHook('onClose', async () => store.close());
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (app.server.address()).port}`;
    const smtpPort = /** @type {{ inboundSmtp: { port: number } }} */ (/** @type {unknown} */ (app)).inboundSmtp.port;
    const inbound = /** @type {{ local: string, domain: string }} */ (splitInboundAddress(INBOUND_ADDRESS));
    // One connection per message, as mail servers deliver answers from many visitors.
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });

    /** @type {number[]} */
    const latencies = [];
    /** @type {number[]} */
    const accepted = [];
    for (let n = 0; n < samples; n += 1) {
      const email = `visitor-${n}@example.com`;
      const statusKey = randomBytes(16).toString('base64url');
      const record = sampleComplaint({ visitor: /** @type {never} */ ({ email, statusKey }) });
      const received = await fetch(`${origin}/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
      if (received.status !== 201) throw new Error(`The receiver answered ${received.status}`);
      const to = /** @type {string} */ (replyAddress(inbound, replySecret, record.id));
      const answer = `The order number is ${55_000 + n}.`;
      const raw = [
        `From: Visitor <${email}>`, `To: ${to}`, 'Subject: Re: We replied to your complaint', `Message-ID: <bench-${n}-${statusKey}@mail.example>`,
        'Content-Type: text/plain; charset=utf-8', '', answer, '', 'On Mon, 7 Dec 2026 at 10:02, Shop <care@shop.example> wrote:', '> Could you send the order number?', '',
      ].join('\r\n');
      const start = performance.now();
      await transport.sendMail({ envelope: { from: email, to: [to] }, raw });
      accepted.push(performance.now() - start);
      for (let read = 0; ; read += 1) {
        if (read === 1000) throw new Error('An accepted answer never appeared in its thread');
        const status = await fetch(`${origin}/complaints/${record.id}/status`, { headers: { authorization: `Bearer ${statusKey}` } });
        if (status.status !== 200) throw new Error(`The status answered ${status.status}`);
        const { messages } = /** @type {{ messages: { text: string }[] }} */ (await status.json());
        if (messages.some((message) => message.text === answer)) break;
      }
      latencies.push(performance.now() - start);
    }
    transport.close();
    return { samples, medianMs: median(latencies), p95Ms: quantile(latencies, 0.95), acceptedMedianMs: median(accepted) };
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await measureInboundMail(), null, 2));
}
