#!/usr/bin/env node
// @ts-check
import { serveFromEnvironment } from '../serve.mjs';

const USAGE = `Usage: heard-server start [--demo]

  start    the receiver, the agent inbox and the jobs, configured from the environment
           (see the server's README); --demo also serves the demo shop page at /, from a
           checkout of the repository`;

const [command, ...options] = process.argv.slice(2);
if (command === 'start' && options.every((option) => option === '--demo')) {
  await serveFromEnvironment({ demo: options.includes('--demo') });
} else if (command === undefined || command === '--help' || command === 'help') {
  console.log(USAGE);
} else {
  console.error(`heard-server: ${command === 'start' ? `unknown option ${options.find((option) => option !== '--demo')}` : `unknown command ${command}`}\n\n${USAGE}`);
  process.exit(2);
}
