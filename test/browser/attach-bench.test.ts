import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchServer, startBenchServer } from '../../bench/server.mjs';
import { assertWidgetBuilt, launchChromium } from './support/widget-server';

let browser: Browser;
let server: BenchServer;

beforeAll(async () => {
  assertWidgetBuilt();
  // This checkout's widget build.
  server = await startBenchServer({ mounts: { '/dist/': join(import.meta.dirname, '../../widget/dist') } });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * The bench's figure, imported by its URL: the bench's Chromium code is checked on its own, not
 * with the project's types.
 */
const { measureAttachPhoto } = (await import(new URL('../../bench/attach.mjs', import.meta.url).href)) as {
  measureAttachPhoto(browser: Browser, server: BenchServer, options: { runs: number }): Promise<{ runs: number; width: number; height: number; cpuSlowdown: number; photoBytes: number; samplesMs: number[]; medianMs: number }>;
};

describe('the bench\'s photo figure', () => {
  it('takes a 12-megapixel photo through the attach control to its thumbnail and says how long that took', async () => {
    const result = await measureAttachPhoto(browser, server, { runs: 1 });
    expect(result).toMatchObject({ runs: 1, width: 4000, height: 3000, cpuSlowdown: 4 });
    // A photo of the size a phone's camera writes, not a few kilobytes of flat colour.
    expect(result.photoBytes).toBeGreaterThan(1024 * 1024);
    expect(result.samplesMs).toHaveLength(1);
    expect(result.medianMs).toBeGreaterThan(0);
  }, 120_000);
});
