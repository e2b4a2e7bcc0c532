import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { digest } from '../../server/agents/agent-auth.mjs';
import { createAttemptLimiter } from '../../server/agents/attempt-limiter.mjs';
import { ensureFirstAdmin } from '../../server/agents/first-admin.mjs';
import { createApp } from '../../server/app.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import type { Store } from '../../server/store/store.mjs';
import { addAgent, PASSWORD, signIn } from '../support/agents';
import { bothStores } from '../support/postgres';

type App = ReturnType<typeof createApp>;

describe('the sign-in attempt counter', () => {
  it('keeps a limit reached while a flood of other keys fills its table', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const limiter = createAttemptLimiter({ store, scope: 'test', max: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) expect(await limiter.hit('mia@shop.example')).toBe(0);
    expect(await limiter.hit('mia@shop.example')).toBeGreaterThan(0);
    for (let i = 0; i < 5_000; i++) await limiter.hit(`flood-${i}@shop.example`);
    expect(await limiter.hit('mia@shop.example')).toBeGreaterThan(0);
    await store.close();
  });
});
type Headers = { authorization: string };

const backends = bothStores();

describe.each(backends)('agent accounts on %s', (_name, open) => {
  let store: Store;
  let app: App;

  beforeEach(async () => {
    store = await open();
    app = createApp({ store, allowedOrigins: [], rateLimit: 0, signInLimits: { perEmail: 3, perAddress: 6, windowMs: 60_000, delayMs: 1, maxDelayMs: 5 } });
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Partial<Headers> = {}, payload?: unknown) =>
    app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const receive = async () => {
    const record = sampleComplaint();
    const response = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) });
    expect(response.statusCode).toBe(201);
    return record;
  };

  describe('signing in', () => {
    it('answers a token, when it expires and who is signed in; the token opens every /api/ call', async () => {
      const mia = await addAgent(store, { name: 'Mia', email: 'mia@shop.example' });
      // Emails are not case-sensitive.
      const response = await call('POST', '/api/session', {}, { email: ' Mia@Shop.Example ', password: PASSWORD });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toEqual({ token: expect.any(String), expiresAt: expect.any(String), agent: { id: mia.id, name: 'Mia', email: 'mia@shop.example', role: 'agent' } });
      expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
      expect(response.headers['cache-control']).toBe('no-store');

      const me = await call('GET', '/api/me', { authorization: `Bearer ${body.token}` });
      expect(me.json()).toEqual({ agent: body.agent });
      expect((await call('GET', '/api/complaints', { authorization: `Bearer ${body.token}` })).statusCode).toBe(200);
    });

    it('keeps only a hash of the token: the token itself finds no session in the database', async () => {
      const mia = await addAgent(store);
      const { token } = (await call('POST', '/api/session', {}, { email: mia.email, password: PASSWORD })).json();
      const now = new Date().toISOString();
      expect(await store.findSession(token, now)).toBeNull();
      expect(await store.findSession(digest(token), now)).toMatchObject({ id: mia.id });
    });

    it('answers a wrong password, an unknown email and an invite not yet accepted alike', async () => {
      const mia = await addAgent(store);
      const invited = await call('POST', '/api/agents', (await signIn(app, (await addAgent(store, { role: 'admin' })).email)), {
        name: 'Pending',
        email: 'pending@shop.example',
      });
      expect(invited.statusCode).toBe(201);
      const answers = await Promise.all([
        call('POST', '/api/session', {}, { email: mia.email, password: 'not the password' }),
        call('POST', '/api/session', {}, { email: 'nobody@shop.example', password: 'not the password' }),
        call('POST', '/api/session', {}, { email: 'pending@shop.example', password: 'not the password' }),
      ]);
      for (const answer of answers) {
        expect(answer.statusCode).toBe(401);
        expect(answer.body).toBe(answers[0]!.body);
      }
      expect(answers[0]!.json().error).toBe('invalid-credentials');
    });

    it('ends a session on sign-out, on this and every later call', async () => {
      const mia = await addAgent(store);
      const headers = await signIn(app, mia.email);
      const other = await signIn(app, mia.email);
      expect((await call('DELETE', '/api/session', headers)).statusCode).toBe(204);
      expect((await call('GET', '/api/me', headers)).statusCode).toBe(401);
      // Another session of the same agent (another browser) goes on.
      expect((await call('GET', '/api/me', other)).statusCode).toBe(200);
    });

    it('limits sign-in attempts per email, even with the right password, then per address', async () => {
      const mia = await addAgent(store);
      const attempt = (email: string, password = 'not the password') => call('POST', '/api/session', {}, { email, password });
      for (let i = 0; i < 3; i++) expect((await attempt(mia.email)).statusCode).toBe(401);
      const limited = await attempt(mia.email, PASSWORD);
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Other emails from this address still get through, until the address has had its share.
      expect((await attempt('someone@shop.example')).statusCode).toBe(401);
      expect((await attempt('someone-else@shop.example')).statusCode).toBe(401);
      expect((await attempt('a-third@shop.example')).statusCode).toBe(429);
    });
  });

  describe('roles', () => {
    it('lets only an admin list, add and remove agents', async () => {
      const agent = await signIn(app, (await addAgent(store)).email);
      for (const [method, url] of [['GET', '/api/agents'], ['POST', '/api/agents'], ['DELETE', '/api/agents/anyone']] as const) {
        const response = await call(method, url, agent, method === 'POST' ? { name: 'Eve', email: 'eve@shop.example', password: 'a good long password' } : undefined);
        expect(response.statusCode, `${method} ${url}`).toBe(403);
      }
      expect(await store.findAgentByEmail('eve@shop.example')).toBeNull();
    });

    it('has an admin add an agent with a password, who then signs in, and remove them, which ends their sessions', async () => {
      const admin = await signIn(app, (await addAgent(store, { role: 'admin' })).email);
      const added = await call('POST', '/api/agents', admin, { name: 'Tomas', email: 'Tomas@Shop.example', password: 'tomas has a long password' });
      expect(added.statusCode).toBe(201);
      expect(added.json()).toEqual({ agent: expect.objectContaining({ name: 'Tomas', email: 'tomas@shop.example', role: 'agent', invitePending: false }) });
      expect(added.body).not.toContain('scrypt');

      const tomas = await signIn(app, 'tomas@shop.example', 'tomas has a long password');
      const listed = (await call('GET', '/api/agents', admin)).json().agents;
      expect(listed.map((agent: { email: string }) => agent.email)).toContain('tomas@shop.example');
      expect(JSON.stringify(listed)).not.toContain('scrypt');

      expect((await call('POST', '/api/agents', admin, { name: 'Again', email: 'tomas@shop.example', password: 'another long password' })).statusCode).toBe(409);
      expect((await call('DELETE', `/api/agents/${added.json().agent.id}`, admin)).statusCode).toBe(204);
      expect((await call('GET', '/api/me', tomas)).statusCode).toBe(401);
      expect((await call('POST', '/api/session', {}, { email: 'tomas@shop.example', password: 'tomas has a long password' })).statusCode).toBe(401);
    });

    it('does not let an admin remove their own account', async () => {
      const me = await addAgent(store, { role: 'admin' });
      const admin = await signIn(app, me.email);
      expect((await call('DELETE', `/api/agents/${me.id}`, admin)).statusCode).toBe(409);
      expect(await store.getAgent(me.id)).not.toBeNull();
    });

    it('invites an agent by a one-time link, with which they choose a password and are signed in', async () => {
      const admin = await signIn(app, (await addAgent(store, { role: 'admin' })).email);
      const added = (await call('POST', '/api/agents', admin, { name: 'Lenka', email: 'lenka@shop.example' })).json();
      expect(added.agent.invitePending).toBe(true);
      const token = /#invite=([\w-]+)$/.exec(added.invite.path)![1]!;
      expect(added.invite.path.startsWith('/inbox/#invite=')).toBe(true);
      expect(Date.parse(added.invite.expiresAt)).toBeGreaterThan(Date.now());

      expect((await call('POST', '/api/invites/accept', {}, { token, password: 'short' })).statusCode).toBe(400);
      const accepted = await call('POST', '/api/invites/accept', {}, { token, password: 'lenka chose this one' });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json().agent).toMatchObject({ name: 'Lenka', email: 'lenka@shop.example', role: 'agent' });
      expect((await call('GET', '/api/me', { authorization: `Bearer ${accepted.json().token}` })).statusCode).toBe(200);

      expect((await call('POST', '/api/invites/accept', {}, { token, password: 'someone else now' })).statusCode).toBe(404);
      await signIn(app, 'lenka@shop.example', 'lenka chose this one');
    });
  });

  describe('work as the signed-in agent', () => {
    it('lets only the claimant or an admin resolve or release a claimed complaint, and keeps the trail', async () => {
      const mia = await signIn(app, (await addAgent(store, { name: 'Mia' })).email);
      const tomas = await signIn(app, (await addAgent(store, { name: 'Tomas' })).email);
      const admin = await signIn(app, (await addAgent(store, { name: 'Ada', role: 'admin' })).email);
      const record = await receive();
      const url = (action: string) => `/api/complaints/${record.id}/${action}`;

      // A name in the body is not who claims: the session is.
      expect((await call('POST', url('claim'), mia, { agent: 'Tomas' })).json().complaint).toMatchObject({ claimedBy: 'Mia' });
      for (const action of ['resolve', 'release']) {
        const refused = await call('POST', url(action), tomas, action === 'resolve' ? { note: 'Not mine.' } : undefined);
        expect(refused.statusCode, action).toBe(403);
        expect(refused.json().message).toContain('Mia');
      }
      expect((await call('POST', url('release'), mia)).json().complaint).toMatchObject({ status: 'new', claimedBy: null });
      expect((await call('POST', url('claim'), tomas)).statusCode).toBe(200);
      const resolved = await call('POST', url('resolve'), admin, { note: 'Refunded by the supervisor.' });
      expect(resolved.json().complaint).toMatchObject({ status: 'resolved', resolvedBy: 'Ada', claimedBy: 'Tomas' });

      const { complaint } = (await call('GET', `/api/complaints/${record.id}`, mia)).json();
      expect(complaint.audit.map((event: { action: string; agentName: string }) => `${event.action} ${event.agentName}`)).toEqual([
        'claimed Mia',
        'released Mia',
        'claimed Tomas',
        'resolved Ada',
      ]);
      for (const event of complaint.audit) expect(Number.isNaN(Date.parse(event.at))).toBe(false);
    });

    it('records who marked a follow-up done', async () => {
      const mia = await signIn(app, (await addAgent(store, { name: 'Mia' })).email);
      const record = await receive();
      await store.resolve(record.id, 'Mia', 'Replaced.', new Date(Date.now() - 30 * 3600_000).toISOString());
      expect((await call('POST', `/api/complaints/${record.id}/follow-up`, mia)).statusCode).toBe(200);
      const { complaint } = (await call('GET', `/api/complaints/${record.id}`, mia)).json();
      expect(complaint.audit.at(-1)).toMatchObject({ action: 'followed-up', agentName: 'Mia' });
    });
  });

  describe('choosing a password', () => {
    const weak: [string, RegExp][] = [
      ['          ', /over and over/],
      ['zzzzzzzzzzzz', /over and over/],
      ['1234567890', /run of the keyboard or the alphabet/],
      ['qwertyuiop', /run of the keyboard or the alphabet/],
      ['password123', /most common/],
    ];

    it('refuses trivial and common passwords, and the account\'s own email, when an admin sets one, saying why', async () => {
      const admin = await signIn(app, (await addAgent(store, { role: 'admin' })).email);
      for (const [password, reason] of [...weak, ['new@shop.example', /own email/] as [string, RegExp]]) {
        const response = await call('POST', '/api/agents', admin, { name: 'New', email: 'new@shop.example', password });
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: 'weak-password', message: expect.stringMatching(reason) });
      }
      expect(await store.findAgentByEmail('new@shop.example')).toBeNull();
      expect((await call('POST', '/api/agents', admin, { name: 'New', email: 'new@shop.example', password: 'a lantern by the harbour' })).statusCode).toBe(201);
    });

    it('refuses them when an invite is accepted, and the invite still works afterwards', async () => {
      const admin = await signIn(app, (await addAgent(store, { role: 'admin' })).email);
      const invited = (await call('POST', '/api/agents', admin, { name: 'Pending', email: 'pending@shop.example' })).json();
      const token = invited.invite.path.split('#invite=')[1];
      for (const [password, reason] of weak) {
        const response = await call('POST', '/api/invites/accept', {}, { token, password });
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: 'weak-password', message: expect.stringMatching(reason) });
      }
      expect((await call('POST', '/api/invites/accept', {}, { token, password: 'a lantern by the harbour' })).statusCode).toBe(200);
    });

    it('refuses a trivial first-admin password from the settings, saying why', async () => {
      await expect(ensureFirstAdmin(store, { adminEmail: 'owner@shop.example', adminPassword: '          ' })).rejects.toThrow(/HEARD_ADMIN_PASSWORD.*over and over/);
      await expect(ensureFirstAdmin(store, { adminEmail: 'owner@shop.example', adminPassword: 'owner@shop.example' })).rejects.toThrow(/own email/);
      expect(await store.findAgentByEmail('owner@shop.example')).toBeNull();
    });
  });

  describe('an account under attack', () => {
    const from = (remoteAddress: string, email: string, password = 'not the password') =>
      app.inject({ method: 'POST', url: '/api/session', remoteAddress, payload: { email, password } });

    it('refuses the attacking address, but lets the owner in with the right password from another address', async () => {
      const admin = await addAgent(store, { role: 'admin', email: 'admin@shop.example' });
      // Emails are normalised, so every spelling counts against the same account.
      for (const email of [' ADMIN@shop.example ', 'Admin@Shop.Example', 'admin@shop.example']) expect((await from('203.0.113.7', email)).statusCode).toBe(401);
      expect((await from('203.0.113.7', 'admin@shop.example', PASSWORD)).statusCode).toBe(429);
      const owner = await from('198.51.100.20', 'admin@shop.example', PASSWORD);
      expect(owner.statusCode).toBe(200);
      expect(owner.json().agent).toMatchObject({ id: admin.id });
      // The attacker is still refused after the owner signed in.
      expect((await from('203.0.113.7', 'admin@shop.example')).statusCode).toBe(429);
    });
  });

  describe('the first admin', () => {
    it('is created with a generated password for admin@localhost when nothing is configured, once', async () => {
      const created = await ensureFirstAdmin(store, { adminEmail: null, adminPassword: null });
      expect(created).toEqual({ email: 'admin@localhost', generatedPassword: expect.stringMatching(/^[\w-]{20,}$/) });
      const headers = await signIn(app, 'admin@localhost', created!.generatedPassword!);
      expect((await call('GET', '/api/me', headers)).json().agent).toMatchObject({ role: 'admin' });
      expect(await ensureFirstAdmin(store, { adminEmail: null, adminPassword: null })).toBeNull();
    });

    it('is created from HEARD_ADMIN_EMAIL and HEARD_ADMIN_PASSWORD when no admin exists, and not otherwise', async () => {
      expect(await ensureFirstAdmin(store, { adminEmail: 'Owner@Shop.example', adminPassword: 'the owner password' })).toEqual({
        email: 'owner@shop.example',
        generatedPassword: null,
      });
      await signIn(app, 'owner@shop.example', 'the owner password');
      expect(await ensureFirstAdmin(store, { adminEmail: 'second@shop.example', adminPassword: 'another password' })).toBeNull();
      expect(await store.findAgentByEmail('second@shop.example')).toBeNull();
    });
  });
});
