// @ts-check
import { randomUUID } from 'node:crypto';
import { normaliseEmail } from './agent-auth.mjs';
import { passwordProblem } from './password-policy.mjs';
import { generatePassword, hashPassword } from './passwords.mjs';

/** Who the first admin is when nobody said. */
export const DEFAULT_ADMIN_EMAIL = 'admin@localhost';

/**
 * Makes sure someone can sign in: when the database has no admin, creates one from
 * `HEARD_ADMIN_EMAIL` and `HEARD_ADMIN_PASSWORD`, or (neither set) `admin@localhost` with a
 * generated password, which is returned so it can be printed once. Does nothing when an admin
 * exists; instances starting together create one between them.
 * @param {import('../store/store.mjs').Store} store
 * @param {{ adminEmail: string | null, adminPassword: string | null }} config
 * @returns {Promise<{ email: string, generatedPassword: string | null } | null>} the admin created, if one was
 */
export async function ensureFirstAdmin(store, { adminEmail, adminPassword }) {
  if ((await store.listAgents()).some((agent) => agent.role === 'admin')) return null;
  const email = normaliseEmail(adminEmail ?? DEFAULT_ADMIN_EMAIL);
  const problem = adminPassword === null ? null : passwordProblem(adminPassword, email);
  if (problem) throw new Error(`HEARD_ADMIN_PASSWORD is refused: ${problem}`);
  const generatedPassword = adminPassword === null ? generatePassword() : null;
  const created = await store.createFirstAdmin({
    id: randomUUID(),
    name: 'Admin',
    email,
    role: 'admin',
    passwordHash: await hashPassword(adminPassword ?? /** @type {string} */ (generatedPassword)),
    inviteHash: null,
    inviteExpiresAt: null,
    createdAt: new Date().toISOString(),
  });
  return created ? { email, generatedPassword } : null;
}
