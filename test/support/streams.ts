import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { sampleComplaint } from '../../server/sample-records.mjs';

/** A status key as the widget makes one: 128 random bits, base64url. */
export const newKey = () => randomBytes(16).toString('base64url');

/** Reads a stream until `seen` says what has arrived is enough, or it ends; the text read. */
export const readUntil = async (reader: ReadableStreamDefaultReader<Uint8Array>, seen: (text: string) => boolean) => {
  let text = '';
  while (!seen(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  return text;
};

/** Sends a complaint with a fresh status key to the receiver at `base`, from `origin`; it must be stored. */
export const receiveWithKey = async (base: string, origin: string) => {
  const key = newKey();
  const record = sampleComplaint({ visitor: { statusKey: key } as never });
  const response = await fetch(`${base}/complaints`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(record) });
  expect(response.status).toBe(201);
  return { id: record.id, key };
};
