import { describe, expect, it } from 'vitest';
import { measureUploads } from '../../bench/uploads.mjs';

describe('upload bench', () => {
  it('keeps every file it sends and says how fast they went', async () => {
    const result = await measureUploads({ files: 6, sizeMb: 0.5, concurrency: 2 });
    expect(result).toMatchObject({ files: 6, bytes: 6 * 512 * 1024, concurrency: 2, kept: 6, refused: 0 });
    expect(result.mbPerSecond).toBeGreaterThan(0);
    expect(result.filesPerSecond).toBeGreaterThan(0);
  });
});
