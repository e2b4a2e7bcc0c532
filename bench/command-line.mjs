// @ts-check
import { parseArgs } from 'node:util';

/**
 * Reads a bench command's flags with node:util's parseArgs, strictly. `--help` prints `usage`
 * and exits 0; an unknown flag, a missing value or a stray argument is said in one line with
 * the usage, exit 2, before anything is measured.
 * @template {NonNullable<import('node:util').ParseArgsConfig['options']>} O
 * @param {string} name the command as typed, e.g. `npm run bench --`
 * @param {string} usage
 * @param {O} options
 * @param {string[]} [args]
 */
export function readFlags(name, usage, options, args = process.argv.slice(2)) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    process.stderr.write(`${name}: ${message}\n${usage}`);
    process.exit(2);
  }
  if (parsed.values.help) {
    process.stdout.write(usage);
    process.exit(0);
  }
  return parsed.values;
}

/**
 * A `--flag N` count kept within 1…20; anything else is a usage error.
 * @param {string} name @param {string} usage @param {string} flag @param {string | undefined} value @param {number} fallback
 */
export function countFlag(name, usage, flag, value, fallback) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 20) {
    process.stderr.write(`${name}: --${flag} takes a whole number from 1 to 20, not "${value}".\n${usage}`);
    process.exit(2);
  }
  return n;
}
