// @ts-check
import { randomUUID } from 'node:crypto';
import { normaliseEmail } from '../agents/agent-auth.mjs';
import { passwordProblem } from '../agents/password-policy.mjs';
import { hashPassword } from '../agents/passwords.mjs';
import { createStore } from '../store/index.mjs';
import { readNewPassword } from './password-input.mjs';
import { settings } from './settings.mjs';
import { CommandError, EXIT, parseCommand, UsageError } from './usage.mjs';

const PASSWORD_INPUT = `The password is typed twice, without echo, at a terminal; otherwise it is the first line of
standard input (printf '%s\\n' "$PASSWORD" | heard-server …). It is never an argument, which
would leave it in the shell's history and the list of processes. It must pass the server's
password rules (at least 10 characters, not a common one, not a run of the keyboard, not the
email); a refused one is said with the reason.`;

/** @type {import('./main.mjs').Command} */
const createAdmin = {
  name: 'create-admin',
  summary: 'add an admin account, its password prompted or read from standard input',
  help: `heard-server create-admin [--email] <email> [--name <name>]

Adds an admin account to the configured database (migrating it first if need be).

${PASSWORD_INPUT}

Options:
  --email <email>  the account's email (or give it as the argument)
  --name <name>    the name agents see (default: Admin)
  -h, --help       this text

Exit codes: 0 created, 1 the password was refused, the email has an account already or the
database could not be reached, 2 a wrong command line (a password given as an argument too).
`,
  async run(args, env) {
    const { values, email } = accountArguments(args, { name: { type: 'string' } });
    const name = values.name?.trim() || 'Admin';
    const config = settings(env);
    const password = await newPassword(email);
    const store = await createStore({ databaseUrl: config.databaseUrl, sqlitePath: config.dbPath });
    try {
      const created = await store.createAgent({
        id: randomUUID(),
        name,
        email,
        role: 'admin',
        passwordHash: await hashPassword(password),
        inviteHash: null,
        inviteExpiresAt: null,
        createdAt: new Date().toISOString(),
      });
      if (!created.ok) throw new CommandError(`${email} has an account already; heard-server reset-password ${email} gives it a new password.`);
    } finally {
      await store.close();
    }
    console.log(`Created the admin ${email}; they can sign in at /inbox/.`);
    return EXIT.ok;
  },
};

/** @type {import('./main.mjs').Command} */
const resetPassword = {
  name: 'reset-password',
  summary: 'give an account a new password, prompted or read from standard input',
  help: `heard-server reset-password [--email] <email>

Gives the account with this email a new password and signs it out everywhere (an invite not
yet accepted is used up). For an admin who cannot sign in, or any agent.

${PASSWORD_INPUT}

Options:
  --email <email>  the account's email (or give it as the argument)
  -h, --help       this text

Exit codes: 0 changed, 1 the password was refused, no account has the email or the database
could not be reached, 2 a wrong command line (a password given as an argument too).
`,
  async run(args, env) {
    const { email } = accountArguments(args, {});
    const config = settings(env);
    const store = await createStore({ databaseUrl: config.databaseUrl, sqlitePath: config.dbPath });
    try {
      const account = await store.findAgentByEmail(email);
      if (!account) throw new CommandError(`no account has the email ${email}.`);
      const password = await newPassword(email);
      await store.setAgentPassword(account.id, await hashPassword(password));
    } finally {
      await store.close();
    }
    console.log(`${email} has a new password; their sessions are signed out.`);
    return EXIT.ok;
  },
};

export const accountCommands = [createAdmin, resetPassword];

/**
 * The email, from `--email` or the one argument. A password among the arguments is refused
 * without repeating it.
 * @template {import('node:util').ParseArgsConfig['options']} O
 * @param {string[]} args
 * @param {O} options
 */
function accountArguments(args, options) {
  if (args.some((arg) => /^--?p(ass(word)?)?(=|$)/.test(arg))) {
    throw new UsageError('a password is never taken as an argument: type it when asked, or give it on standard input.');
  }
  const { values, positionals } = (() => {
    try {
      return parseCommand(args, { ...options, email: { type: 'string' } }, { positionals: 1 });
    } catch (error) {
      // An argument too many may be a password: not repeated here.
      if (error instanceof UsageError && error.message.startsWith('Unexpected argument')) {
        throw new UsageError('one argument only, the email: a password is never taken as an argument; type it when asked, or give it on standard input.');
      }
      throw error;
    }
  })();
  const option = /** @type {{ email?: string }} */ (values).email;
  const given = option ?? positionals[0];
  if (given === undefined) throw new UsageError('the account\'s email is missing.');
  if (option !== undefined && positionals.length > 0) {
    throw new UsageError('one argument only, the email: a password is never taken as an argument; type it when asked, or give it on standard input.');
  }
  const email = normaliseEmail(given);
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320) throw new UsageError(`"${given}" is not an email address.`);
  return { values, email };
}

/** @param {string} email */
async function newPassword(email) {
  let password;
  try {
    password = await readNewPassword();
  } catch (error) {
    throw new CommandError(error instanceof Error ? error.message : String(error));
  }
  const problem = passwordProblem(password, email);
  if (problem) throw new CommandError(`the password is refused: ${problem}`);
  return password;
}
