// @ts-check
import { randomBytes } from 'node:crypto';
import { createAttemptLimiter } from './attempt-limiter.mjs';
import { digest, normaliseEmail } from './agent-auth.mjs';
import { passwordProblem } from './password-policy.mjs';
import { hashPassword, PASSWORD_LENGTH } from './passwords.mjs';
import { requireAdmin } from './routes.mjs';
import { resetEmail } from './reset-email.mjs';
import { sendEmail } from '../jobs/forwarding/email.mjs';

/** How long a password-reset link works. */
export const RESET_TTL_MS = 30 * 60 * 1000;

/** The one answer to "forgot your password", whether or not the address has an account. */
export const RESET_REQUESTED = 'If an account exists for that address, we have sent a link to choose a new password. It works once, for 30 minutes.';

/**
 * @typedef {{
 *   mailer: import('../jobs/forwarding/email.mjs').Mailer,
 *   from: string,
 *   publicUrl: () => string,
 * }} AccountMail
 * @typedef {{
 *   store: import('../store/store.mjs').Store,
 *   mail?: AccountMail | null,
 *   clock?: { now(): number },
 *   resetLimits?: { perEmail: number, perAddress: number, windowMs: number },
 * }} AccountRoutesOptions
 */

/**
 * An admin's changes to accounts (role, password reset, their history) and the public
 * "forgot your password" pair: asking for a link by email, and choosing a password with one.
 * Registered inside the `/api` plugin like `agentRoutes`.
 * @param {import('fastify').FastifyInstance} api
 * @param {AccountRoutesOptions} options
 */
export async function accountRoutes(api, { store, mail = null, clock = { now: () => Date.now() }, resetLimits = { perEmail: 3, perAddress: 20, windowMs: 15 * 60_000 } }) {
  const { perEmail, perAddress, windowMs } = resetLimits;
  const now = () => clock.now();
  const perClient = createAttemptLimiter({ store, scope: 'reset-address', max: perAddress, windowMs, now });
  const perAccountEmail = createAttemptLimiter({ store, scope: 'reset-email', max: perEmail, windowMs, now });
  const tooMany = { error: 'rate-limited', message: 'Too many password-reset requests; try again later.' };

  /**
   * A new link for the agent, kept only as its hash. `by`: the admin who reset the password (their
   * old one then stops working and their sessions end); null when the agent asked.
   * @param {string} agentId
   * @param {{ id: string, name: string } | null} by
   */
  const newLink = async (agentId, by) => {
    const token = randomBytes(32).toString('base64url');
    const createdAt = new Date(now());
    const expiresAt = new Date(createdAt.getTime() + RESET_TTL_MS).toISOString();
    const made = await store.addPasswordReset({ tokenHash: digest(token), agentId, createdAt: createdAt.toISOString(), expiresAt, by });
    // The token rides in the fragment, which browsers never send to a server or put in a Referer.
    return made ? { path: `/inbox/#reset=${token}`, expiresAt } : null;
  };

  /**
   * Sends the link to the agent; the token is in the email only, never in a log.
   * @param {AccountMail} sender
   * @param {{ name: string, email: string }} agent
   * @param {string} path
   * @param {string | null} by the admin who reset the password
   */
  const mailLink = (sender, agent, path, by = null) =>
    sendEmail(sender.mailer, { ...resetEmail({ name: agent.name, url: new URL(path, sender.publicUrl()).href, minutes: RESET_TTL_MS / 60_000, by }), to: agent.email, from: sender.from });

  api.get('/password-reset', { config: { public: true } }, async () => ({
    available: mail !== null,
    minutes: RESET_TTL_MS / 60_000,
    ...(mail ? {} : { message: 'Resetting a password by email is not available here: ask an admin to reset yours.' }),
  }));

  api.post('/password-reset/request', {
    config: { public: true },
    schema: { body: { type: 'object', required: ['email'], additionalProperties: false, properties: { email: { type: 'string', maxLength: 320 } } } },
  }, async (request, reply) => {
    if (!mail) return reply.code(503).send({ error: 'reset-unavailable', message: 'Resetting a password by email is not available here: ask an admin to reset yours.' });
    const email = normaliseEmail(/** @type {{ email: string }} */ (request.body).email);
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) return reply.code(400).send({ error: 'bad-email', message: 'Enter the email address you sign in with.' });
    // Per client first, then per address; both alike whether or not the address has an account.
    const wait = (await perClient.hit(request.ip)) || (await perAccountEmail.hit(email));
    if (wait > 0) return reply.code(429).header('Retry-After', String(wait)).send(tooMany);
    const account = await store.findAgentByEmail(email);
    const link = account ? await newLink(account.id, null) : null;
    // Sent after the answer, so an address with an account is answered as soon as one without.
    if (account && link) {
      setImmediate(() => {
        mailLink(mail, account, link.path)
          .then((sent) => {
            if (!sent.ok) request.log.warn({ reason: sent.error }, 'password-reset email not sent');
          })
          .catch((error) => request.log.error({ err: error }, 'password-reset email not sent'));
      });
    }
    return reply.code(202).send({ message: RESET_REQUESTED });
  });

  api.post('/password-reset', {
    config: { public: true },
    schema: { body: { type: 'object', required: ['token', 'password'], additionalProperties: false, properties: { token: { type: 'string', minLength: 20, maxLength: 200 }, password: { type: 'string', minLength: PASSWORD_LENGTH.min, maxLength: PASSWORD_LENGTH.max } } } },
  }, async (request, reply) => {
    const body = /** @type {{ token: string, password: string }} */ (request.body);
    if ((await perClient.hit(request.ip)) > 0) return reply.code(429).send(tooMany);
    const at = new Date(now()).toISOString();
    const gone = { error: 'reset-not-found', message: 'This link to reset a password was used already or has expired; ask for a new one.' };
    const agent = await store.findPasswordReset(digest(body.token), at);
    if (!agent) return reply.code(404).send(gone);
    // Checked before the link is used, so a refused password leaves it working.
    const problem = passwordProblem(body.password, agent.email);
    if (problem) return reply.code(400).send({ error: 'weak-password', message: problem });
    const changed = await store.usePasswordReset(digest(body.token), await hashPassword(body.password), at);
    if (!changed) return reply.code(404).send(gone);
    store.events.publish('agents', {}).catch((error) => request.log.error({ err: error }, 'live update not sent'));
    return { message: 'Your password is changed, and every session of yours is signed out; sign in with the new password.', email: changed.email };
  });

  api.get('/agents/history', { preHandler: requireAdmin }, async () => ({ events: await store.listAccountEvents(50) }));

  api.post('/agents/:id/role', {
    preHandler: requireAdmin,
    schema: { body: { type: 'object', required: ['role'], additionalProperties: false, properties: { role: { enum: ['admin', 'agent'] } } } },
  }, async (request, reply) => {
    const { id } = /** @type {{ id: string }} */ (request.params);
    const { role } = /** @type {{ role: 'admin' | 'agent' }} */ (request.body);
    const by = /** @type {import('../store/store.mjs').Agent} */ (request.agent);
    const result = await store.setAgentRole(id, role, { by: { id: by.id, name: by.name }, at: new Date(now()).toISOString() });
    if (!result.ok && result.error === 'not-found') return reply.code(404).send({ error: 'not-found', message: 'No such agent; they may have been removed.' });
    if (!result.ok) {
      return reply.code(409).send({ error: 'last-admin', message: 'This is the only admin: make another agent an admin first, so someone can still manage the team.' });
    }
    if (result.changed) store.events.publish('agents', {}).catch((error) => request.log.error({ err: error }, 'live update not sent'));
    return { agent: result.agent };
  });

  api.post('/agents/:id/password-reset', { preHandler: requireAdmin }, async (request, reply) => {
    const { id } = /** @type {{ id: string }} */ (request.params);
    const by = /** @type {import('../store/store.mjs').Agent} */ (request.agent);
    if (id === by.id) {
      return reply.code(409).send({ error: 'own-account', message: 'To change your own password, sign out and choose "Forgot your password?", or ask another admin.' });
    }
    const agent = await store.getAgent(id);
    const link = agent ? await newLink(id, { id: by.id, name: by.name }) : null;
    if (!agent || !link) return reply.code(404).send({ error: 'not-found', message: 'No such agent; they may have been removed.' });
    store.events.publish('agents', {}).catch((error) => request.log.error({ err: error }, 'live update not sent'));
    if (!mail) return reply.code(201).send({ reset: { path: link.path, expiresAt: link.expiresAt } });
    const sent = await mailLink(mail, agent, link.path, by.name);
    if (!sent.ok) {
      request.log.warn({ reason: sent.error }, 'password-reset email not sent');
      return reply.code(502).send({ error: 'mail-failed', message: `${agent.name} is signed out, but the email with their link could not be sent (${sent.error}); try again.` });
    }
    return reply.code(202).send({ sentTo: agent.email, expiresAt: link.expiresAt });
  });
}
