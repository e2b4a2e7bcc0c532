import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../server/agents/passwords.mjs';
import type { Role, Store } from '../../server/store/store.mjs';

/** The password every test account has. */
export const PASSWORD = 'correct horse battery staple';

// scrypt is slow on purpose; one hash serves every account of a test run.
let hashed: Promise<string> | undefined;

/** Adds an account straight into the store, as an admin would through the API. */
export async function addAgent(store: Store, { name = 'Mia Horváth', email = `${randomUUID()}@shop.example`, role = 'agent' as Role } = {}) {
  hashed ??= hashPassword(PASSWORD);
  const agent = { id: randomUUID(), name, email, role };
  const created = await store.createAgent({ ...agent, passwordHash: await hashed, inviteHash: null, inviteExpiresAt: null, createdAt: new Date().toISOString() });
  if (!created.ok) throw new Error(`could not add ${email}`);
  return agent;
}

interface Injector {
  inject(options: { method: 'POST'; url: string; payload: unknown }): PromiseLike<{ statusCode: number; json(): any }>;
}

/** Signs an account in through `POST /api/session`; resolves with the headers its calls carry. */
export async function signIn(app: Injector, email: string, password = PASSWORD) {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${email} answered ${response.statusCode}`);
  const { token } = response.json();
  return { authorization: `Bearer ${token}` };
}

/** Adds an account and signs it in: the usual start of a test of the agents' API. */
export async function signedIn(app: Injector, store: Store, options: Parameters<typeof addAgent>[1] = {}) {
  const agent = await addAgent(store, options);
  return { agent, headers: await signIn(app, agent.email) };
}
