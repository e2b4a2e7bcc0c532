// @ts-check
import { accountCommands } from './accounts.mjs';
import { backupCommands } from './backup.mjs';
import { checkConfigCommand } from './check-config.mjs';
import { migrateCommand } from './migrate.mjs';
import { startCommand } from './start.mjs';
import { CommandError, EXIT, UsageError } from './usage.mjs';

/**
 * @typedef {{
 *   name: string,
 *   summary: string,
 *   help: string,
 *   run: (args: string[], env: NodeJS.ProcessEnv) => Promise<number>,
 * }} Command
 *   `help` is the command's usage and options, `run` resolves to the exit code.
 */

/** @type {Command[]} */
const COMMANDS = [startCommand, migrateCommand, ...accountCommands, checkConfigCommand, ...backupCommands];

const USAGE = 'Usage: heard-server <command> [options]   (heard-server --help lists the commands)';

const HELP = `heard-server: the Heard server (receiver, inbox, jobs) and its operator's commands.

Usage: heard-server <command> [options]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(16)}${command.summary}`).join('\n')}

Every command reads its settings from the environment (DATABASE_URL, HEARD_DB, HEARD_*),
as the server does; server/README.md lists them. heard-server <command> --help tells more.

Exit codes:
  0  done
  1  the command failed: a bad setting, an unreachable database, a refused password
  2  the command line was wrong: unknown command or option, a missing argument
  3  migrate --check: migrations are pending
  4  backup or restore refused to overwrite a file, or a database a running server holds
`;

/**
 * Runs `heard-server` with `args` (what follows the program's name); resolves to the exit code.
 * Errors are one line on standard error; a wrong command line adds the usage.
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<number>}
 */
export async function main(args, env = process.env) {
  const [name, ...rest] = args;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    const what = name === undefined ? 'no command given.' : name.startsWith('-') ? `unknown option "${name}".` : `unknown command "${name}".`;
    process.stderr.write(`heard-server: ${what}\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, env);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`heard-server ${command.name}: ${error.message}\nUsage: ${command.help.split('\n')[0]}   (heard-server ${command.name} --help tells more)\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`heard-server ${command.name}: ${message}\n`);
    return error instanceof CommandError ? error.code : EXIT.failed;
  }
}
