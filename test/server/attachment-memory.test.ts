import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/*
 * A 20 MB upload keeps the server's memory flat: in a process of its own, collected before each
 * look, the server holds no more after half the file has reached it, or after all of it, than a
 * small part of the file. A server that kept the body in memory would hold the half it was sent.
 */

const FIXTURE = fileURLToPath(new URL('./fixtures/upload-memory.mjs', import.meta.url));

describe('a 20 MB upload', () => {
  it('is kept without the server holding it in memory, half-way or after', async () => {
    // One-threaded collection frees what it finds before it returns: concurrent sweeping can leave
    // megabytes of buffers already dropped still counted when the machine is busy.
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--single-threaded-gc', FIXTURE], { timeout: 90_000 });
    const { answer, sizeMb, grewMb } = JSON.parse(stdout) as { answer: { status: number; body: string }; sizeMb: number; grewMb: { halfway: number; after: number } };
    expect(answer.status, answer.body).toBe(201);
    expect(JSON.parse(answer.body)).toMatchObject({ type: 'image/png', size: sizeMb * 1024 * 1024 });
    // Half the file is 10 MB: the server holds under a fifth of that.
    expect(grewMb.halfway).toBeLessThan(sizeMb / 10);
    expect(grewMb.after).toBeLessThan(sizeMb / 10);
  }, 120_000);
});
