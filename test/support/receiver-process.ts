import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const SERVE = join(import.meta.dirname, '../../server/serve.mjs');

export interface ReceiverProcess {
  child: ChildProcess;
  origin: string;
}

/**
 * Starts `server/serve.mjs` (or `serve`, another copy's) in a child process on a free loopback
 * port with `env` added to the environment; resolves with its origin once it listens. The caller
 * stops it.
 */
export async function startReceiverProcess(env: Record<string, string>, children?: Set<ChildProcess>, serve = SERVE): Promise<ReceiverProcess> {
  const child = spawn(process.execPath, [serve], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', HEARD_RATE_LIMIT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children?.add(child);
  let output = '';
  const origin = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /Heard listening on (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the receiver exited (${code}) before listening`)));
  });
  child.stdout!.resume();
  return { child, origin };
}
