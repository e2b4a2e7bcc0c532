/**
 * What the inbox's API tells an agent about a reply's way to the visitor: before sending, whether
 * it will go by email too (and to which address, shortened) or only to the widget, and why; after
 * sending, each reply's email as sent, waiting, failed after its retries, or not emailed. On
 * SQLite and PostgreSQL alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createWorker } from '../../../server/jobs/worker.mjs';
import { sampleComplaint } from '../../../server/sample-records.mjs';
import type { ComplaintRecord } from '../../../server/store/store.mjs';
import { signedIn } from '../../support/agents.ts';
import { mailApp } from '../../support/job-app.ts';
import { startMailServer, type MailPeer } from '../../support/forwarding-peers.ts';
import { bothStores } from '../../support/postgres.ts';

type Worker = ReturnType<typeof createWorker>;
const JSON_HEADERS = { 'content-type': 'application/json' };

let smtp: MailPeer;
beforeAll(async () => {
  smtp = await startMailServer();
});
afterAll(async () => {
  await smtp?.close();
});

const backends = bothStores({ poolSize: 4 });

describe.each(backends)('reply delivery in the inbox API on %s', (_name, open) => {
  /** A server with a fake clock and a worker the test runs; `mail: false` has no mail server. */
  const start = async ({ mail = true } = {}) => {
    let now = Date.now();
    const store = await open();
    const { app } = await mailApp(store, { smtpUrl: mail ? smtp.url : null, clock: { now: () => now } });
    const { headers } = await signedIn(app, store, { name: 'Bea' });
    const worker = (app as unknown as { jobWorker: Worker }).jobWorker;
    return {
      app,
      store,
      /** Moves the fake clock on (never behind real time) and runs every job then due. */
      async drain(seconds = 0) {
        now = Math.max(now, Date.now()) + seconds * 1000;
        while ((await worker.runDue()) > 0) {
          // until nothing is due
        }
      },
      async receive(record: ComplaintRecord) {
        expect((await app.inject({ method: 'POST', url: '/complaints', headers: JSON_HEADERS, payload: JSON.stringify(record) })).statusCode).toBe(201);
      },
      reply: (id: string, text: string) => app.inject({ method: 'POST', url: `/api/complaints/${id}/replies`, headers, payload: { text } }),
      resolve: (id: string, reply: string) => app.inject({ method: 'POST', url: `/api/complaints/${id}/resolve`, headers, payload: { note: 'Done.', reply } }),
      get: async (id: string) => {
        const response = await app.inject({ url: `/api/complaints/${id}`, headers });
        expect(response.statusCode).toBe(200);
        return response.json().complaint;
      },
    };
  };

  it('says before sending whether a reply goes by email, to which address, or why only to the widget', async () => {
    const server = await start();
    try {
      const emailed = sampleComplaint({ visitor: { email: 'ana.novak@shop.example' } });
      const noEmail = sampleComplaint({ visitor: { email: null } as never });
      const twoAddresses = sampleComplaint({ visitor: { email: 'ana@shop.example, someone@else.example' } });
      for (const record of [emailed, noEmail, twoAddresses]) await server.receive(record);

      expect((await server.get(emailed.id)).replyDelivery).toEqual({ email: 'a…@shop.example', why: null });
      expect((await server.get(noEmail.id)).replyDelivery).toEqual({ email: null, why: 'no-email' });
      expect((await server.get(twoAddresses.id)).replyDelivery).toEqual({ email: null, why: 'unusable-email' });
      // The answer to a piece of work carries it too, so the inbox can show it without asking again.
      const replied = await server.reply(emailed.id, 'We are on it.');
      expect(replied.statusCode).toBe(201);
      expect(replied.json().complaint.replyDelivery).toEqual({ email: 'a…@shop.example', why: null });
    } finally {
      await server.app.close();
    }

    const noMail = await start({ mail: false });
    try {
      const record = sampleComplaint({ visitor: { email: 'ana@shop.example' } });
      await noMail.receive(record);
      expect((await noMail.get(record.id)).replyDelivery).toEqual({ email: null, why: 'mail-not-configured' });
      expect((await noMail.reply(record.id, 'Only in the widget.')).statusCode).toBe(201);
      expect((await noMail.get(record.id)).replies.map((reply: { email: string }) => reply.email)).toEqual(['none']);
    } finally {
      await noMail.app.close();
    }
  }, 60_000);

  it("shows each reply's email as waiting, sent, failed after its retries, or not emailed", async () => {
    smtp.mail.length = 0;
    smtp.setRefusals(() => undefined);
    const server = await start();
    try {
      const emailed = sampleComplaint({ visitor: { email: 'ana@shop.example' } });
      const noEmail = sampleComplaint({ visitor: { email: null } as never });
      await server.receive(emailed);
      await server.receive(noEmail);
      const states = async (id: string) => (await server.get(id)).replies.map((reply: { text: string, email: string }) => `${reply.text} ${reply.email}`);

      expect((await server.reply(emailed.id, 'A new kettle is on its way.')).statusCode).toBe(201);
      expect((await server.reply(noEmail.id, 'A new kettle is on its way.')).statusCode).toBe(201);
      expect(await states(emailed.id)).toEqual(['A new kettle is on its way. pending']);
      expect(await states(noEmail.id)).toEqual(['A new kettle is on its way. none']);

      await server.drain();
      await smtp.waitForMail(1);
      expect(await states(emailed.id)).toEqual(['A new kettle is on its way. sent']);

      // The mail server now refuses every attempt: waiting while retries remain, then failed.
      smtp.setRefusals(() => 451);
      expect((await server.resolve(emailed.id, 'Refunded today.')).statusCode).toBe(200);
      await server.drain();
      expect(await states(emailed.id)).toEqual(['A new kettle is on its way. sent', 'Refunded today. pending']);
      await server.drain(60);
      await server.drain(60);
      expect(await states(emailed.id)).toEqual(['A new kettle is on its way. sent', 'Refunded today. failed']);
      expect(smtp.mail).toHaveLength(1);
    } finally {
      smtp.setRefusals(() => undefined);
      await server.app.close();
    }
  }, 60_000);

  it('tells the open inbox when a reply email settles', async () => {
    smtp.setRefusals(() => undefined);
    const server = await start();
    try {
      const record = sampleComplaint({ visitor: { email: 'ana@shop.example' } });
      await server.receive(record);
      const heard: string[] = [];
      const stop = server.store.events.subscribe((type, data) => {
        if (type === 'updated') heard.push((data as { id: string }).id);
      });
      const hearOf = (id: string) =>
        new Promise<void>((resolve) => {
          const check = () => (heard.includes(id) ? resolve() : setTimeout(check, 5));
          check();
        });
      try {
        expect((await server.reply(record.id, 'On its way.')).statusCode).toBe(201);
        // The reply's own update first; then the one for its email, once sent.
        await hearOf(record.id);
        heard.length = 0;
        await server.drain();
        await hearOf(record.id);
      } finally {
        stop();
      }
      expect(heard).toContain(record.id);
      expect((await server.get(record.id)).replies[0].email).toBe('sent');
    } finally {
      await server.app.close();
    }
  }, 60_000);
});
