import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.mjs';

describe('server configuration from the environment', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(readConfig({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dbPath: resolve('.heard/heard.db'),
      agentToken: null,
      allowedOrigins: null,
      bodyLimit: 1024 * 1024,
      rateLimit: 120,
      logLevel: 'info',
      identitySecret: null,
    });
  });

  it('reads every variable, trimming the origin list', () => {
    const config = readConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      HEARD_DB: '/tmp/x/heard.db',
      HEARD_AGENT_TOKEN: 'secret',
      HEARD_ALLOWED_ORIGINS: 'https://shop.example/, https://www.shop.example',
      HEARD_BODY_LIMIT: '65536',
      HEARD_RATE_LIMIT: '0',
      HEARD_LOG_LEVEL: 'warn',
      HEARD_IDENTITY_SECRET: 'site-secret',
    });
    expect(config).toEqual({
      port: 9000,
      host: '0.0.0.0',
      dbPath: '/tmp/x/heard.db',
      agentToken: 'secret',
      allowedOrigins: ['https://shop.example', 'https://www.shop.example'],
      bodyLimit: 65536,
      rateLimit: 0,
      logLevel: 'warn',
      identitySecret: 'site-secret',
    });
  });

  it('names the variable when a number is wrong', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ HEARD_RATE_LIMIT: '-1' })).toThrow(/HEARD_RATE_LIMIT/);
    expect(() => readConfig({ HEARD_LOG_LEVEL: 'loud' })).toThrow(/HEARD_LOG_LEVEL/);
  });
});
