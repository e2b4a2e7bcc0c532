import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/* The bench's command lines as an operator types them: --help says what they take and measures nothing. */

const ROOT = join(import.meta.dirname, '../..');
const ENTRIES = ['bench/run.mjs', 'bench/forwarding.mjs', 'bench/loop.mjs', 'bench/live-thread.mjs', 'bench/reply-mail.mjs'];
const run = (entry: string, ...args: string[]) => spawnSync(process.execPath, [join(ROOT, entry), ...args], { encoding: 'utf8', timeout: 60_000 });

describe.each(ENTRIES)('node %s', (entry) => {
  it('prints its usage for --help and exits 0 without measuring', () => {
    const result = run(entry, '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: /);
    expect(result.stdout).toContain('--help');
    expect(result.stdout).not.toMatch(/^\s*\{/m);
  });

  it('refuses an unknown flag, naming it, with exit 2', () => {
    const result = run(entry, '--bogus');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("'--bogus'");
    expect(result.stdout).toBe('');
  });
});

describe('npm run bench', () => {
  it('refuses a count that is not a number from 1 to 20', () => {
    const result = run('bench/run.mjs', '--runs', 'many');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--runs takes a whole number from 1 to 20, not "many".');
  });
});
