// @ts-check
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createAttemptLimiter } from './attempt-limiter.mjs';
import { digest, normaliseEmail } from './agent-auth.mjs';
import { passwordProblem } from './password-policy.mjs';
import { hashPassword, PASSWORD_LENGTH } from './passwords.mjs';

/** How long an invite link works. */
const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A preHandler for routes only an admin may use.
 * @param {import('fastify').FastifyRequest} request
 * @param {import('fastify').FastifyReply} reply
 */
export async function requireAdmin(request, reply) {
  if (request.agent?.role !== 'admin') {
    return reply.code(403).send({ error: 'forbidden', message: 'Only an admin can do this.' });
  }
}

const email = { type: 'string', minLength: 3, maxLength: 320, pattern: '^[^\\s@]+@[^\\s@]+$' };
const password = { type: 'string', minLength: PASSWORD_LENGTH.min, maxLength: PASSWORD_LENGTH.max };
const name = { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' };

/**
 * @typedef {{
 *   store: import('../store/store.mjs').Store,
 *   auth: ReturnType<typeof import('./agent-auth.mjs').createAgentAuth>,
 *   signInLimits?: { perEmail: number, perAddress: number, windowMs: number, delayMs?: number, maxDelayMs?: number },
 * }} AgentRoutesOptions
 */

/**
 * Sessions (`/session`, `/me`), accounts (`/agents`, admins only) and invites. Registered inside
 * the `/api` plugin, whose hook sets `request.agent` on every call but the public ones here.
 * @param {import('fastify').FastifyInstance} api
 * @param {AgentRoutesOptions} options
 */
export async function agentRoutes(api, { store, auth, signInLimits = { perEmail: 10, perAddress: 50, windowMs: 15 * 60_000 } }) {
  const { perEmail, perAddress, windowMs, delayMs = 500, maxDelayMs = 10_000 } = signInLimits;
  // Counted per address first, so a flood from one address is cut off before it fills the other
  // tables; then per account and address, so wrong passwords from one address do not keep the
  // account's owner out from another. An account's failures from everywhere only slow its sign-ins.
  // Kept in the database, so every instance on it counts the same attempts.
  const byAddress = createAttemptLimiter({ store, scope: 'address', max: perAddress, windowMs });
  const byAccountAndAddress = createAttemptLimiter({ store, scope: 'account-address', max: perEmail, windowMs });
  const failuresByAccount = createAttemptLimiter({ store, scope: 'account-failures', max: perEmail, windowMs });

  api.post('/session', {
    config: { public: true },
    schema: { body: { type: 'object', required: ['email', 'password'], properties: { email: { type: 'string', maxLength: 320 }, password: { type: 'string', maxLength: PASSWORD_LENGTH.max } } } },
  }, async (request, reply) => {
    const body = /** @type {{ email: string, password: string }} */ (request.body);
    const key = normaliseEmail(body.email);
    const pair = `${request.ip} ${key}`;
    const wait = (await byAddress.hit(request.ip)) || (await byAccountAndAddress.hit(pair));
    if (wait > 0) {
      return reply.code(429).header('Retry-After', String(wait)).send({ error: 'rate-limited', message: 'Too many sign-in attempts; try again later.' });
    }
    // An account under attack answers every sign-in more slowly, the more failures it has had.
    const over = (await failuresByAccount.count(key)) - perEmail;
    if (over >= 0) await sleep(Math.min(delayMs * 2 ** Math.min(over, 20), maxDelayMs));
    const session = await auth.signIn(key, body.password);
    if (!session) {
      await failuresByAccount.hit(key);
      return reply.code(401).send({ error: 'invalid-credentials', message: 'That email and password do not match an account.' });
    }
    await byAccountAndAddress.clear(pair);
    return session;
  });

  api.delete('/session', async (request, reply) => {
    await auth.signOut(request.headers.authorization);
    return reply.code(204).send();
  });

  api.get('/me', async (request) => ({ agent: request.agent }));

  api.post('/invites/accept', {
    config: { public: true },
    schema: { body: { type: 'object', required: ['token', 'password'], properties: { token: { type: 'string', minLength: 20, maxLength: 200 }, password } } },
  }, async (request, reply) => {
    const body = /** @type {{ token: string, password: string }} */ (request.body);
    // Checked before the address is counted: it tells nothing about the token.
    const problem = passwordProblem(body.password);
    if (problem) return reply.code(400).send({ error: 'weak-password', message: problem });
    if ((await byAddress.hit(request.ip)) > 0) {
      return reply.code(429).send({ error: 'rate-limited', message: 'Too many attempts; try again later.' });
    }
    const agent = await store.acceptInvite(digest(body.token), await hashPassword(body.password), new Date().toISOString());
    if (!agent) return reply.code(404).send({ error: 'invite-not-found', message: 'This invite link was used already or has expired; ask an admin for a new one.' });
    // An admin's list of agents says "active" now, not "invited".
    store.events.publish('agents', {}).catch((error) => request.log.error({ err: error }, 'live update not sent'));
    return auth.startSession(agent);
  });

  api.get('/agents', { preHandler: requireAdmin }, async () => ({
    agents: (await store.listAgents()).map(({ passwordHash: _hash, ...agent }) => agent),
  }));

  api.post('/agents', {
    preHandler: requireAdmin,
    schema: {
      body: {
        type: 'object',
        required: ['name', 'email'],
        additionalProperties: false,
        properties: { name, email, role: { enum: ['admin', 'agent'] }, password },
      },
    },
  }, async (request, reply) => {
    const body = /** @type {{ name: string, email: string, role?: 'admin' | 'agent', password?: string }} */ (request.body);
    const problem = body.password === undefined ? null : passwordProblem(body.password, body.email);
    if (problem) return reply.code(400).send({ error: 'weak-password', message: problem });
    const invite = body.password === undefined ? randomBytes(32).toString('base64url') : null;
    const inviteExpiresAt = invite ? new Date(Date.now() + INVITE_TTL_MS).toISOString() : null;
    const created = await store.createAgent({
      id: randomUUID(),
      name: body.name.trim(),
      email: normaliseEmail(body.email),
      role: body.role ?? 'agent',
      passwordHash: body.password === undefined ? null : await hashPassword(body.password),
      inviteHash: invite ? digest(invite) : null,
      inviteExpiresAt,
      createdAt: new Date().toISOString(),
    });
    if (!created.ok) return reply.code(409).send({ error: 'email-taken', message: 'An agent with this email already exists.' });
    const { passwordHash: _hash, ...agent } = created.agent;
    // The link is shown once, to the admin; only its hash is kept. The token rides in the
    // fragment, which browsers never send to a server or put in a Referer.
    return reply.code(201).send({ agent, ...(invite ? { invite: { path: `/inbox/#invite=${invite}`, expiresAt: inviteExpiresAt } } : {}) });
  });

  api.delete('/agents/:id', { preHandler: requireAdmin }, async (request, reply) => {
    const { id } = /** @type {{ id: string }} */ (request.params);
    // An admin cannot remove themselves, so there is always an admin left.
    if (id === request.agent?.id) return reply.code(409).send({ error: 'cannot-remove-self', message: 'You cannot remove your own account.' });
    if (!(await store.removeAgent(id))) return reply.code(404).send({ error: 'not-found', message: 'No such agent.' });
    return reply.code(204).send();
  });
}
