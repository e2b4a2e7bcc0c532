// @ts-check
import { parseArgs } from 'node:util';

/** What `heard-server` exits with; server/README.md lists them. */
export const EXIT = {
  ok: 0,
  /** The command failed: a bad setting, an unreachable database, a refused password, no such account. */
  failed: 1,
  /** The command line was wrong: unknown command or option, a missing argument. */
  usage: 2,
  /** `migrate --check`: the database has migrations to apply. */
  pending: 3,
  /** `backup` or `restore` would overwrite a file or a database in use, and did not. */
  refused: 4,
};

/** A mistake on the command line: said in one line, with the usage, exit 2. */
export class UsageError extends Error {}

/** A command that could not do its work: said in one line, exit `code`. */
export class CommandError extends Error {
  /** @param {string} message @param {number} [code] */
  constructor(message, code = EXIT.failed) {
    super(message);
    this.code = code;
  }
}

/**
 * Reads a command's arguments with node:util's parseArgs, strictly: an unknown option, a
 * missing value or an extra argument is a UsageError. `--help` is known to every command.
 * @template {import('node:util').ParseArgsConfig['options']} O
 * @param {string[]} args
 * @param {O} options
 * @param {{ positionals?: number }} [limits] how many arguments besides the options
 */
export function parseCommand(args, options, { positionals = 0 } = {}) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? (error.message.split('\n')[0] ?? '').replace(/\. To specify a positional argument.*$/, '.') : String(error));
  }
  if (parsed.positionals.length > positionals) {
    throw new UsageError(`Unexpected argument "${parsed.positionals[positionals]}".`);
  }
  return parsed;
}
