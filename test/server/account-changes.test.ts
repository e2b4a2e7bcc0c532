import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { hashPassword } from '../../server/agents/passwords.mjs';
import type { Store } from '../../server/store/store.mjs';
import { addAgent, PASSWORD, signIn } from '../support/agents';
import { bothStores } from '../support/postgres';

type App = ReturnType<typeof createApp>;
interface Sent {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
}

const backends = bothStores();
const NEW_PASSWORD = 'a brand new passphrase';
const SAME_ANSWER = 'If an account exists for that address, we have sent a link to choose a new password. It works once, for 30 minutes.';

describe.each(backends)('roles and password resets on %s', (_name, open) => {
  let store: Store;
  let app: App;
  let sent: Sent[];
  let now: number;

  let logged: string[];
  /** An app with a mail server that keeps what it is given, or none; its clock is `now`. */
  const start = async (withMail: boolean) => {
    sent = [];
    logged = [];
    app = createApp({
      store,
      logger: { level: 'trace', stream: { write: (line: string) => void logged.push(line) } },
      allowedOrigins: [],
      rateLimit: 0,
      clock: { now: () => now },
      jobs: { worker: false, publicUrl: 'https://help.shop.example', mailFrom: 'Heard <heard@shop.example>' },
      mailer: withMail ? { sendMail: async (message) => (sent.push(message as Sent), { accepted: [message.to] }) } : null,
      resetLimits: { perEmail: 3, perAddress: 8, windowMs: 60_000 },
    });
    await app.ready();
  };

  beforeEach(async () => {
    now = Date.now();
    store = await open();
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, payload?: unknown) =>
    app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  /** The mail server has the message once the answer is out; wait for it without a fixed delay. */
  const nextMail = async (count: number) => {
    for (let i = 0; i < 100 && sent.length < count; i++) await new Promise((resolve) => setImmediate(resolve));
    return sent[count - 1];
  };
  const tokenOf = (mail: Sent | undefined) => /#reset=([\w-]+)/.exec(mail?.text ?? '')?.[1] ?? '';

  describe('an admin changes an agent\'s role', () => {
    it('makes an agent an admin and back; a demoted admin\'s open session loses admin rights on its next request', async () => {
      await start(false);
      const admin = await signIn(app, (await addAgent(store, { role: 'admin', name: 'Ana' })).email);
      const tomas = await addAgent(store, { name: 'Tomas' });
      const tomasSession = await signIn(app, tomas.email);
      expect((await call('GET', '/api/agents', tomasSession)).statusCode).toBe(403);

      const promoted = await call('POST', `/api/agents/${tomas.id}/role`, admin, { role: 'admin' });
      expect(promoted.statusCode).toBe(200);
      expect(promoted.json().agent).toMatchObject({ id: tomas.id, role: 'admin' });
      expect((await call('GET', '/api/agents', tomasSession)).statusCode).toBe(200);

      expect((await call('POST', `/api/agents/${tomas.id}/role`, admin, { role: 'agent' })).statusCode).toBe(200);
      expect((await call('GET', '/api/agents', tomasSession)).statusCode).toBe(403);
      expect((await call('GET', '/api/me', tomasSession)).json().agent.role).toBe('agent');

      const history = (await call('GET', '/api/agents/history', admin)).json().events;
      expect(history.map((event: { action: string; agentName: string; byName: string; detail: unknown }) => [event.action, event.agentName, event.byName, event.detail])).toEqual([
        ['role-changed', 'Tomas', 'Ana', { from: 'admin', to: 'agent' }],
        ['role-changed', 'Tomas', 'Ana', { from: 'agent', to: 'admin' }],
      ]);
    });

    it('refuses to demote the last admin, saying why, and lets only an admin change roles', async () => {
      await start(false);
      const ana = await addAgent(store, { role: 'admin' });
      const admin = await signIn(app, ana.email);
      const refused = await call('POST', `/api/agents/${ana.id}/role`, admin, { role: 'agent' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toEqual({ error: 'last-admin', message: expect.stringContaining('only admin') });
      expect((await store.getAgent(ana.id))?.role).toBe('admin');

      const agent = await signIn(app, (await addAgent(store)).email);
      expect((await call('POST', `/api/agents/${ana.id}/role`, agent, { role: 'agent' })).statusCode).toBe(403);
      expect((await call('POST', `/api/agents/${ana.id}/role`, admin, { role: 'owner' })).statusCode).toBe(400);
      expect((await call('POST', '/api/agents/nobody/role', admin, { role: 'admin' })).statusCode).toBe(404);

      // With a second admin, the first may step down.
      const other = await addAgent(store);
      expect((await call('POST', `/api/agents/${other.id}/role`, admin, { role: 'admin' })).statusCode).toBe(200);
      expect((await call('POST', `/api/agents/${ana.id}/role`, admin, { role: 'agent' })).statusCode).toBe(200);
      expect((await call('GET', '/api/agents', admin)).statusCode).toBe(403);
    });
    it('keeps one admin when the last two demote each other at the same moment', async () => {
      await start(false);
      const ana = await addAgent(store, { role: 'admin' });
      const ben = await addAgent(store, { role: 'admin' });
      const [anaSession, benSession] = [await signIn(app, ana.email), await signIn(app, ben.email)];
      const answers = await Promise.all([
        call('POST', `/api/agents/${ben.id}/role`, anaSession, { role: 'agent' }),
        call('POST', `/api/agents/${ana.id}/role`, benSession, { role: 'agent' }),
      ]);
      const admins = (await store.listAgents()).filter((agent) => agent.role === 'admin');
      expect(admins).toHaveLength(1);
      // The other is refused: as the last admin (409), or, once demoted, as no admin at all (403).
      const [done, refused] = answers.map((answer) => answer.statusCode).sort();
      expect(done).toBe(200);
      expect([403, 409]).toContain(refused);
    });
  });

  describe('an admin resets a password', () => {
    it('without a mail server: signs the agent out everywhere, stops the old password and shows a one-time link', async () => {
      await start(false);
      const admin = await signIn(app, (await addAgent(store, { role: 'admin', name: 'Ana' })).email);
      const mia = await addAgent(store, { name: 'Mia' });
      const session = await signIn(app, mia.email);

      const reset = await call('POST', `/api/agents/${mia.id}/password-reset`, admin);
      expect(reset.statusCode).toBe(201);
      const { path, expiresAt } = reset.json().reset;
      expect(path).toMatch(/^\/inbox\/#reset=[\w-]{43}$/);
      expect(Date.parse(expiresAt) - now).toBe(30 * 60_000);
      expect((await call('GET', '/api/me', session)).statusCode).toBe(401);
      expect((await call('POST', '/api/session', {}, { email: mia.email, password: PASSWORD })).statusCode).toBe(401);

      const token = path.split('#reset=')[1];
      expect((await call('POST', '/api/password-reset', {}, { token, password: NEW_PASSWORD })).statusCode).toBe(200);
      await signIn(app, mia.email, NEW_PASSWORD);
      const actions = (await call('GET', '/api/agents/history', admin)).json().events.map((event: { action: string; byName: string | null }) => [event.action, event.byName]);
      expect(actions).toEqual([['password-reset', null], ['password-reset-started', 'Ana']]);
    });

    it('with a mail server: emails the link to the agent, never to the admin', async () => {
      await start(true);
      const admin = await signIn(app, (await addAgent(store, { role: 'admin', name: 'Ana' })).email);
      const mia = await addAgent(store, { name: 'Mia', email: 'mia@shop.example' });
      const reset = await call('POST', `/api/agents/${mia.id}/password-reset`, admin);
      expect(reset.statusCode).toBe(202);
      expect(reset.json()).toEqual({ sentTo: 'mia@shop.example', expiresAt: expect.any(String) });
      expect(reset.body).not.toContain('#reset=');
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ to: 'mia@shop.example', from: 'Heard <heard@shop.example>' });
      expect(sent[0]!.text).toContain('Ana, an admin, has reset');
      const token = tokenOf(sent[0]);
      expect((await call('POST', '/api/password-reset', {}, { token, password: NEW_PASSWORD })).statusCode).toBe(200);
    });

    it('is for admins only, and not for one\'s own account', async () => {
      await start(false);
      const ana = await addAgent(store, { role: 'admin' });
      const admin = await signIn(app, ana.email);
      const agent = await signIn(app, (await addAgent(store)).email);
      expect((await call('POST', `/api/agents/${ana.id}/password-reset`, agent)).statusCode).toBe(403);
      expect((await call('POST', `/api/agents/${ana.id}/password-reset`, admin)).statusCode).toBe(409);
      expect((await call('GET', '/api/me', admin)).statusCode).toBe(200);
    });
  });

  describe('an agent who forgot their password', () => {
    it('gets an email with a link that sets a new password once and signs out every session', async () => {
      await start(true);
      const mia = await addAgent(store, { name: 'Mia <b>', email: 'mia@shop.example' });
      const phone = await signIn(app, mia.email);
      const asked = await call('POST', '/api/password-reset/request', {}, { email: ' MIA@shop.example ' });
      expect(asked.statusCode).toBe(202);
      expect(asked.json()).toEqual({ message: SAME_ANSWER });

      const mail = await nextMail(1);
      expect(mail).toMatchObject({ to: 'mia@shop.example', subject: 'Reset your Heard password' });
      const url = /https:\/\/help\.shop\.example\/inbox\/#reset=[\w-]{43}/.exec(mail!.text)?.[0];
      expect(url).toBeDefined();
      expect(mail!.text).toContain('30 minutes');
      // The HTML shows the link as its own text, and the name as text, not markup.
      expect(mail!.html).toContain(`>${url}</a>`);
      expect(mail!.html).toContain('Mia &#60;b&#62;');
      // The old password still works until the link is used.
      await signIn(app, mia.email);

      const token = tokenOf(mail);
      const weak = await call('POST', '/api/password-reset', {}, { token, password: 'mia@shop.example' });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().error).toBe('weak-password');
      const done = await call('POST', '/api/password-reset', {}, { token, password: NEW_PASSWORD });
      expect(done.statusCode).toBe(200);
      expect((await call('GET', '/api/me', phone)).statusCode).toBe(401);
      expect((await call('POST', '/api/session', {}, { email: mia.email, password: PASSWORD })).statusCode).toBe(401);
      await signIn(app, mia.email, NEW_PASSWORD);

      const again = await call('POST', '/api/password-reset', {}, { token, password: 'yet another passphrase' });
      expect(again.statusCode).toBe(404);
      expect(again.json().message).toContain('used already or has expired');
    });

    it('answers an address without an account exactly as one with, and sends nothing', async () => {
      await start(true);
      await addAgent(store, { email: 'mia@shop.example' });
      const known = await call('POST', '/api/password-reset/request', {}, { email: 'mia@shop.example' });
      const unknown = await call('POST', '/api/password-reset/request', {}, { email: 'nobody@shop.example' });
      expect(unknown.statusCode).toBe(known.statusCode);
      expect(unknown.body).toBe(known.body);
      await nextMail(1);
      await new Promise((resolve) => setImmediate(resolve));
      expect(sent.map((mail) => mail.to)).toEqual(['mia@shop.example']);
    });

    it('refuses a link after 30 minutes, and a wrong one', async () => {
      await start(true);
      const mia = await addAgent(store, { email: 'mia@shop.example' });
      await call('POST', '/api/password-reset/request', {}, { email: mia.email });
      const token = tokenOf(await nextMail(1));
      expect(token).toMatch(/^[\w-]{43}$/);
      expect((await call('POST', '/api/password-reset', {}, { token: `${token.slice(0, -2)}xx`, password: NEW_PASSWORD })).statusCode).toBe(404);
      now += 30 * 60_000 + 1;
      const late = await call('POST', '/api/password-reset', {}, { token, password: NEW_PASSWORD });
      expect(late.statusCode).toBe(404);
      await signIn(app, mia.email);
      // A link still works a moment before its 30 minutes are over.
      await call('POST', '/api/password-reset/request', {}, { email: mia.email });
      const fresh = tokenOf(await nextMail(2));
      now += 30 * 60_000 - 1;
      expect((await call('POST', '/api/password-reset', {}, { token: fresh, password: NEW_PASSWORD })).statusCode).toBe(200);
    });

    it('voids every other link of the agent once one is used', async () => {
      await start(true);
      const mia = await addAgent(store, { email: 'mia@shop.example' });
      await call('POST', '/api/password-reset/request', {}, { email: mia.email });
      await call('POST', '/api/password-reset/request', {}, { email: mia.email });
      const first = tokenOf(await nextMail(1));
      const second = tokenOf(await nextMail(2));
      expect(first).not.toBe(second);
      expect((await call('POST', '/api/password-reset', {}, { token: second, password: NEW_PASSWORD })).statusCode).toBe(200);
      expect((await call('POST', '/api/password-reset', {}, { token: first, password: 'yet another passphrase' })).statusCode).toBe(404);
    });

    it('voids the links an agent was sent once an operator sets their password from the command line', async () => {
      await start(true);
      const mia = await addAgent(store, { email: 'mia@shop.example' });
      await call('POST', '/api/password-reset/request', {}, { email: mia.email });
      const token = tokenOf(await nextMail(1));
      // What `heard-server reset-password` does.
      expect(await store.setAgentPassword(mia.id, await hashPassword('the operator chose this one'))).toBe(true);
      expect((await call('POST', '/api/password-reset', {}, { token, password: NEW_PASSWORD })).statusCode).toBe(404);
    });

    it('limits requests per address and per client, alike for addresses with and without an account', async () => {
      await start(true);
      await addAgent(store, { email: 'mia@shop.example' });
      for (const email of ['mia@shop.example', 'nobody@shop.example']) {
        for (let i = 0; i < 3; i++) expect((await call('POST', '/api/password-reset/request', {}, { email })).statusCode).toBe(202);
        const limited = await call('POST', '/api/password-reset/request', {}, { email });
        expect(limited.statusCode).toBe(429);
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      }
      // 8 requests from this client so far; other addresses are now refused too.
      expect((await call('POST', '/api/password-reset/request', {}, { email: 'third@shop.example' })).statusCode).toBe(429);
      await nextMail(3);
      expect(sent).toHaveLength(3);
    });

    it('never writes a link\'s token or a new password to the log', async () => {
      await start(true);
      const admin = await signIn(app, (await addAgent(store, { role: 'admin' })).email);
      const mia = await addAgent(store, { email: 'mia@shop.example' });
      await call('POST', '/api/password-reset/request', {}, { email: mia.email });
      const token = tokenOf(await nextMail(1));
      await call('POST', '/api/password-reset', {}, { token, password: NEW_PASSWORD });
      await call('POST', `/api/agents/${mia.id}/password-reset`, admin);
      const adminToken = tokenOf(await nextMail(2));
      expect(logged.length).toBeGreaterThan(0);
      const log = logged.join('\n');
      for (const secret of [token, adminToken, NEW_PASSWORD]) expect(log).not.toContain(secret);
    });

    it('without a mail server, says it is not available and to ask an admin', async () => {
      await start(false);
      await addAgent(store, { email: 'mia@shop.example' });
      expect((await call('GET', '/api/password-reset')).json()).toEqual({ available: false, minutes: 30, message: expect.stringContaining('ask an admin') });
      const asked = await call('POST', '/api/password-reset/request', {}, { email: 'mia@shop.example' });
      expect(asked.statusCode).toBe(503);
      expect(asked.json().message).toContain('ask an admin');
    });
  });
});
