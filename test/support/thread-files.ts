import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { createApp } from '../../server/app.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';

/**
 * A complaint from `origin` with a status key and the visitor's email, received by `app`: its
 * id and key, for the tests of the files a thread's replies and messages send.
 */
export async function receiveComplaint(app: ReturnType<typeof createApp>, origin: string): Promise<{ id: string; key: string }> {
  const key = randomBytes(16).toString('base64url');
  const record = sampleComplaint({ visitor: { statusKey: key, email: 'jana@example.com' } as never } as never);
  const response = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin }, payload: JSON.stringify(record) });
  expect(response.statusCode, response.body).toBe(201);
  return { id: record.id as string, key };
}
