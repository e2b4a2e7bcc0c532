import { describe, expect, it } from 'vitest';
import { runIngestBench } from '../../server/ingest-bench.mjs';

describe('ingest bench', () => {
  it('stores every distinct record it posts and reports throughput and p99 latency', async () => {
    const result = await runIngestBench({ records: 60, connections: 4 });
    expect(result.non2xx).toBe(0);
    expect(result.stored).toBe(60);
    expect(result.recordsPerSecond).toBeGreaterThan(0);
    expect(Number.isFinite(result.p99Ms)).toBe(true);
  }, 60_000);
});
