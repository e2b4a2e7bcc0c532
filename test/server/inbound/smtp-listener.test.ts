/**
 * The SMTP listener a shop points its MX record at: it offers STARTTLS when given a
 * certificate (and a sender requiring TLS gets through), hides it without one, and refuses a
 * message over its size limit without reading it in.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyAddress, splitInboundAddress } from '../../../server/inbound/reply-address.mjs';
import { createSmtpListener } from '../../../server/inbound/smtp-listener.mjs';

const INBOUND = splitInboundAddress('reply@inbound.shop.example')!;
const TO = replyAddress(INBOUND, 'a-secret-of-at-least-thirty-two-characters', '0f8e1c2a-1b2c-4d3e-8f90-123456789abc')!;
const quiet = { info() {}, warn() {}, error() {} };

let folder: string;
let tls: { key: Buffer; cert: Buffer };
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'heard-inbound-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=inbound.shop.example', '-keyout', join(folder, 'key.pem'), '-out', join(folder, 'cert.pem')], { stdio: 'ignore' });
  tls = { key: readFileSync(join(folder, 'key.pem')), cert: readFileSync(join(folder, 'cert.pem')) };
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A listener on a free loopback port that records what it was handed. */
async function listener(options: { tls?: { key: Buffer; cert: Buffer } | null; maxBytes?: number }) {
  const received: Buffer[] = [];
  const smtp = createSmtpListener({
    inbound: INBOUND,
    receive: async (raw) => {
      received.push(Buffer.from(raw));
      return { threaded: true, complaintId: 'x' };
    },
    log: quiet,
    ...options,
  });
  const port = await smtp.listen(0, '127.0.0.1');
  return { port, received, close: () => smtp.close() };
}

const raw = (body: string) => `From: ana@example.com\r\nTo: ${TO}\r\nSubject: Re: x\r\n\r\n${body}\r\n`;

describe('the SMTP listener', () => {
  it('takes mail over STARTTLS when it has a certificate', async () => {
    const smtp = await listener({ tls });
    try {
      const client = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
      await client.sendMail({ envelope: { from: 'ana@example.com', to: [TO] }, raw: raw('Over TLS.') });
      expect(smtp.received.map((message) => message.toString())).toEqual([expect.stringContaining('Over TLS.')]);
    } finally {
      await smtp.close();
    }
  });

  it('offers no STARTTLS without a certificate', async () => {
    const smtp = await listener({ tls: null });
    try {
      const client = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, requireTLS: true });
      await expect(client.sendMail({ envelope: { from: 'ana@example.com', to: [TO] }, raw: raw('Needs TLS.') })).rejects.toThrow(/STARTTLS/);
      expect(smtp.received).toEqual([]);
    } finally {
      await smtp.close();
    }
  });

  it('refuses a message over its size limit, and hands nothing on', async () => {
    const smtp = await listener({ tls: null, maxBytes: 2048 });
    try {
      const client = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
      await expect(client.sendMail({ envelope: { from: 'ana@example.com', to: [TO] }, raw: raw('x'.repeat(4096)) })).rejects.toMatchObject({ responseCode: 552 });
      await client.sendMail({ envelope: { from: 'ana@example.com', to: [TO] }, raw: raw('Small enough.') });
      expect(smtp.received.map((message) => message.toString())).toEqual([expect.stringContaining('Small enough.')]);
    } finally {
      await smtp.close();
    }
  });
});
