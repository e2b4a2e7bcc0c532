// @ts-check
import { EXIT, parseCommand } from './usage.mjs';

/** @type {import('./main.mjs').Command} */
export const startCommand = {
  name: 'start',
  summary: 'run the server: the receiver, the agents\' inbox and the jobs',
  help: `heard-server start [--demo]

Runs the server with the settings in the environment: the receiver (POST /complaints), the
agents' inbox (/inbox/), its API and the jobs (forwarding, emails, follow-ups). Applies pending
migrations first, and creates the first admin when the database has none. Stops cleanly on
SIGTERM or SIGINT, letting requests in flight finish.

Options:
  --demo      also serve the demo shop page at /
  -h, --help  this text

Exits 1 when a setting is wrong or the database cannot be reached, with one line saying which.
`,
  async run(args) {
    const { values } = parseCommand(args, { demo: { type: 'boolean' } });
    // Loaded here: the other commands need none of the server.
    const { serveFromEnvironment } = await import('../serve.mjs');
    await serveFromEnvironment({ demo: values.demo === true });
    return EXIT.ok;
  },
};
