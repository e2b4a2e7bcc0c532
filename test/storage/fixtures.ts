import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import type { ComplaintRecord } from '../../widget/src/record/record';

/** The endpoint the tests' widget posts to. */
export const ENDPOINT = 'https://shop.example/complaints';

/** A fresh, empty IndexedDB as a new browser profile would have. */
export function freshIndexedDB(): IDBFactory {
  return new IDBFactory();
}

/** Fake timers that leave fake-indexeddb's own scheduling (setImmediate) alone. */
export function useFakeClock(start = Date.UTC(2025, 0, 15, 9)): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], now: start });
}

export function quietLogger() {
  return { warn: vi.fn<(...messages: unknown[]) => void>() };
}

/** A complaint record with the given number, enough for storage and delivery. */
export function complaint(n: number, extra: Partial<ComplaintRecord> = {}): ComplaintRecord {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    schemaVersion: 1,
    type: 'complaint',
    id,
    reference: `HRD-${String(n).padStart(6, '0')}`,
    createdAt: '2025-01-15T09:00:00.000Z',
    submittedAt: '2025-01-15T09:05:00.000Z',
    locale: 'en',
    page: { url: 'https://shop.example/orders', referrer: null, title: 'Orders' },
    visitor: {
      name: null,
      email: null,
      phone: null,
      accountRef: null,
      followUpConsent: false,
      traits: {},
      previousComplaints: 0,
    },
    messages: [{ from: 'visitor', text: `My parcel ${n} never arrived.`, at: '2025-01-15T09:01:00.000Z' }],
    restatement: null,
    triage: {
      category: 'delivery',
      urgency: 'normal',
      mood: 'calm',
      customerType: 'regular',
      language: 'en',
      signals: [],
      entities: { orderRefs: [], emails: [], phones: [], amounts: [], dates: [] },
    },
    desiredOutcome: null,
    commitment: null,
    followUpAt: null,
    handoff: null,
    csat: null,
    transcriptText: `Visitor: My parcel ${n} never arrived.`,
    ...extra,
  };
}

/** Seeded pseudo-random numbers in [0, 1) (mulberry32), so failures are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Advances fake time in small steps, letting fake-indexeddb (which runs on real
 * `setImmediate`) keep up, until `done()` holds or `maxMs` of fake time has passed.
 */
export async function runUntil(done: () => boolean | Promise<boolean>, maxMs = 60_000, stepMs = 50): Promise<void> {
  for (let elapsed = 0; elapsed <= maxMs; elapsed += stepMs) {
    if (await done()) return;
    await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(stepMs);
  }
}
