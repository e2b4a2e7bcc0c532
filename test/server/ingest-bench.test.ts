import { describe, expect, it } from 'vitest';
import { INGEST_SETUPS, runIngestBench } from '../../bench/ingest-bench.mjs';

describe('ingest bench', () => {
  for (const setup of INGEST_SETUPS) {
    it(`stores every distinct record it posts and answers each 201: ${setup.label}`, async () => {
      const result = await runIngestBench({ backend: setup.backend, instances: setup.instances, records: 60, connections: 4 });
      expect(result).toMatchObject({ backend: setup.backend, instances: setup.instances, records: 60, stored: 60, non2xx: 0, errors: 0 });
      expect(Number.isFinite(result.p99Ms)).toBe(true);
      // The receivers run with metrics on, and their counters saw every record.
      expect(result.metrics).toEqual({ on: true, recordsCounted: 60 });
    }, 120_000);
  }
});
