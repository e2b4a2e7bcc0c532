import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.mjs';
import { readForwardingConfig } from '../../server/jobs/forwarding/config.mjs';

describe('server configuration from the environment', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(readConfig({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      databaseUrl: null,
      dbPath: resolve('.heard/heard.db'),
      adminEmail: null,
      adminPassword: null,
      allowedOrigins: null,
      bodyLimit: 1024 * 1024,
      rateLimit: 120,
      uploadMbPerMinute: 200,
      attachmentLinkDays: 7,
      emailAttachmentsMaxMb: 10,
      trustProxy: false,
      timeouts: { headersMs: 10_000, requestMs: 30_000, idleMs: 60_000 },
      connectionsPerAddress: 50,
      streamsPerAgent: 10,
      retentionDays: 730,
      replyWindowDays: 14,
      logLevel: 'info',
      identitySecret: null,
      linkSecret: null,
      forwarding: readForwardingConfig({}),
      metrics: null,
      inbound: null,
      attachments: { kind: 'disk', dir: resolve('.heard/attachments') },
    });
  });

  it('reads every variable, trimming the origin list', () => {
    const config = readConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      HEARD_DB: '/tmp/x/heard.db',
      HEARD_ADMIN_EMAIL: ' Owner@Shop.example ',
      HEARD_ADMIN_PASSWORD: 'a long admin password',
      HEARD_ALLOWED_ORIGINS: 'https://shop.example/, https://www.shop.example',
      HEARD_BODY_LIMIT: '65536',
      HEARD_RATE_LIMIT: '0',
      HEARD_UPLOAD_MB_PER_MINUTE: '50',
      HEARD_ATTACHMENT_LINK_DAYS: '2',
      HEARD_EMAIL_ATTACHMENTS_MAX_MB: '0',
      HEARD_TRUST_PROXY: '10.0.0.0/8, 192.0.2.7,2001:db8::/32',
      HEARD_RETENTION_DAYS: '90',
      HEARD_REPLY_WINDOW_DAYS: '0',
      HEARD_HEADERS_TIMEOUT_SECONDS: '5',
      HEARD_REQUEST_TIMEOUT_SECONDS: '20',
      HEARD_IDLE_TIMEOUT_SECONDS: '120',
      HEARD_CONNECTIONS_PER_ADDRESS: '0',
      HEARD_STREAMS_PER_AGENT: '3',
      DATABASE_URL: 'postgres://heard:secret@db.example:5432/heard',
      HEARD_LOG_LEVEL: 'warn',
      HEARD_IDENTITY_SECRET: 'site-secret',
      HEARD_LINK_SECRET: 'k'.repeat(32),
    });
    expect(config).toEqual({
      port: 9000,
      host: '0.0.0.0',
      databaseUrl: 'postgres://heard:secret@db.example:5432/heard',
      dbPath: '/tmp/x/heard.db',
      adminEmail: 'Owner@Shop.example',
      adminPassword: 'a long admin password',
      allowedOrigins: ['https://shop.example', 'https://www.shop.example'],
      bodyLimit: 65536,
      rateLimit: 0,
      uploadMbPerMinute: 50,
      attachmentLinkDays: 2,
      emailAttachmentsMaxMb: 0,
      trustProxy: ['10.0.0.0/8', '192.0.2.7', '2001:db8::/32'],
      timeouts: { headersMs: 5000, requestMs: 20_000, idleMs: 120_000 },
      connectionsPerAddress: 0,
      streamsPerAgent: 3,
      retentionDays: 90,
      replyWindowDays: 0,
      logLevel: 'warn',
      identitySecret: 'site-secret',
      linkSecret: 'k'.repeat(32),
      forwarding: readForwardingConfig({}),
      metrics: null,
      inbound: null,
      attachments: { kind: 'disk', dir: '/tmp/x/attachments' },
    });
  });

  it('trusts forwarded client addresses only from the load balancers named', () => {
    // Trusting every proxy, or a bare hop count, would let a client reaching the server directly
    // name itself any address and slip the rate limits.
    for (const value of ['true', '1', '*', '10.0.0.0/33', 'balancer.internal', '192.0.2.7/8/1']) {
      expect(() => readConfig({ HEARD_TRUST_PROXY: value }), value).toThrow(/HEARD_TRUST_PROXY/);
    }
    expect(readConfig({ HEARD_TRUST_PROXY: '  ' }).trustProxy).toBe(false);
  });

  it('names the variable when a number is wrong', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ HEARD_RATE_LIMIT: '-1' })).toThrow(/HEARD_RATE_LIMIT/);
    expect(() => readConfig({ HEARD_LOG_LEVEL: 'loud' })).toThrow(/HEARD_LOG_LEVEL/);
    // A link secret anyone could guess signs rating links anyone could make; the value is never echoed.
    expect(() => readConfig({ HEARD_LINK_SECRET: 'short-secret' })).toThrow(/HEARD_LINK_SECRET must be at least 32 characters/);
    expect(() => readConfig({ HEARD_LINK_SECRET: 'short-secret' })).not.toThrow(/short-secret/);
    expect(() => readConfig({ HEARD_IDLE_TIMEOUT_SECONDS: '0' })).toThrow(/HEARD_IDLE_TIMEOUT_SECONDS/);
    expect(() => readConfig({ HEARD_CONNECTIONS_PER_ADDRESS: 'many' })).toThrow(/HEARD_CONNECTIONS_PER_ADDRESS/);
    expect(() => readConfig({ HEARD_STREAMS_PER_AGENT: '0' })).toThrow(/HEARD_STREAMS_PER_AGENT/);
  });

  it('refuses a headers timeout longer than the request timeout, which includes the headers', () => {
    expect(() => readConfig({ HEARD_HEADERS_TIMEOUT_SECONDS: '40' })).toThrow(/HEARD_HEADERS_TIMEOUT_SECONDS.*HEARD_REQUEST_TIMEOUT_SECONDS/);
  });

  it('wants the first admin\'s email and password together, and a password long enough', () => {
    expect(() => readConfig({ HEARD_ADMIN_EMAIL: 'owner@shop.example' })).toThrow(/HEARD_ADMIN_PASSWORD/);
    expect(() => readConfig({ HEARD_ADMIN_PASSWORD: 'a long admin password' })).toThrow(/HEARD_ADMIN_EMAIL/);
    expect(() => readConfig({ HEARD_ADMIN_EMAIL: 'owner', HEARD_ADMIN_PASSWORD: 'a long admin password' })).toThrow(/HEARD_ADMIN_EMAIL/);
    expect(() => readConfig({ HEARD_ADMIN_EMAIL: 'owner@shop.example', HEARD_ADMIN_PASSWORD: 'short' })).toThrow(/HEARD_ADMIN_PASSWORD/);
    expect(() => readConfig({ HEARD_ADMIN_EMAIL: 'owner@shop.example', HEARD_ADMIN_PASSWORD: 'short' })).not.toThrow(/short/);
    expect(() => readConfig({ HEARD_RETENTION_DAYS: '0' })).toThrow(/HEARD_RETENTION_DAYS/);
    expect(() => readConfig({ HEARD_REPLY_WINDOW_DAYS: 'two weeks' })).toThrow('HEARD_REPLY_WINDOW_DAYS must be a whole number of at least 0; got "two weeks".');
  });

  it('names DATABASE_URL when it is not a PostgreSQL URL, without repeating a password', () => {
    expect(() => readConfig({ DATABASE_URL: 'mysql://root:hunter2@db.example/heard' })).toThrow(/DATABASE_URL/);
    expect(() => readConfig({ DATABASE_URL: 'mysql://root:hunter2@db.example/heard' })).not.toThrow(/hunter2/);
    expect(() => readConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });

  it('names HEARD_DB when it points at a folder', () => {
    expect(() => readConfig({ HEARD_DB: tmpdir() })).toThrow(/HEARD_DB/);
  });

  describe('email answers (HEARD_INBOUND_*)', () => {
    const ADDRESS = { HEARD_INBOUND_ADDRESS: 'reply@inbound.shop.example' };

    it('takes the inbound address alone, with the listener and the secrets when given', () => {
      expect(readConfig(ADDRESS).inbound).toEqual({ address: 'reply@inbound.shop.example', replySecret: null, smtp: null, secret: null, webhookSecret: null });
      const webhookSecret = `whsec_${Buffer.from('w'.repeat(24)).toString('base64')}`;
      const inbound = readConfig({ ...ADDRESS, HEARD_INBOUND_SMTP_PORT: '2525', HEARD_INBOUND_SECRET: 's'.repeat(32), HEARD_INBOUND_WEBHOOK_SECRET: webhookSecret, HEARD_REPLY_SECRET: 'r'.repeat(32) }).inbound;
      expect(inbound).toEqual({ address: 'reply@inbound.shop.example', replySecret: 'r'.repeat(32), smtp: { port: 2525, host: '0.0.0.0', tls: null }, secret: 's'.repeat(32), webhookSecret });
    });

    it('stops start-up with one line naming the variable, never repeating a secret', () => {
      const cases: [Record<string, string>, RegExp][] = [
        [{ HEARD_INBOUND_ADDRESS: 'not an address' }, /^HEARD_INBOUND_ADDRESS must be one plain address without a \+, such as reply@inbound\.shop\.example; got "not an address"\.$/],
        [{ HEARD_INBOUND_ADDRESS: 'reply+x@inbound.shop.example' }, /^HEARD_INBOUND_ADDRESS must be one plain address without a \+/],
        [{ HEARD_INBOUND_SMTP_PORT: '2525' }, /^HEARD_INBOUND_SMTP_PORT needs HEARD_INBOUND_ADDRESS/],
        [{ ...ADDRESS, HEARD_INBOUND_SMTP_PORT: 'twenty-five' }, /^HEARD_INBOUND_SMTP_PORT must be a whole number/],
        [{ ...ADDRESS, HEARD_INBOUND_SECRET: 'short-inbound-secret' }, /^HEARD_INBOUND_SECRET must be at least 32 characters long, without spaces\.$/],
        [{ ...ADDRESS, HEARD_REPLY_SECRET: 'short-reply-secret' }, /^HEARD_REPLY_SECRET must be at least 32 characters long/],
        [{ ...ADDRESS, HEARD_INBOUND_WEBHOOK_SECRET: 'whsec_***not base64***' }, /^HEARD_INBOUND_WEBHOOK_SECRET must be a Standard Webhooks secret/],
        [{ ...ADDRESS, HEARD_INBOUND_SMTP_PORT: '2525', HEARD_INBOUND_TLS_CERT: '/nowhere/cert.pem' }, /^HEARD_INBOUND_TLS_CERT and HEARD_INBOUND_TLS_KEY go together/],
        [{ ...ADDRESS, HEARD_INBOUND_SMTP_PORT: '2525', HEARD_INBOUND_TLS_CERT: '/nowhere/cert.pem', HEARD_INBOUND_TLS_KEY: '/nowhere/key.pem' }, /^HEARD_INBOUND_TLS_CERT must name a readable PEM file/],
      ];
      for (const [env, message] of cases) {
        let error: unknown;
        try {
          readConfig(env);
        } catch (thrown) {
          error = thrown;
        }
        expect((error as Error | undefined)?.message, JSON.stringify(env)).toMatch(message);
        expect((error as Error).message).not.toMatch(/short-inbound-secret|short-reply-secret|not base64/);
        expect((error as Error).message).not.toContain('\n');
      }
    });
  });
});
