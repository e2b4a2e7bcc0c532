import { describe, expect, it } from 'vitest';
import { readForwardingConfig } from '../../../../server/jobs/forwarding/config.mjs';

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

describe('forwarding settings from the environment', () => {
  it('has no destinations and a three-day retry schedule by default', () => {
    const config = readForwardingConfig({});
    expect(config.destinations).toEqual([]);
    expect(config.retrySchedule[0]).toBe(5);
    expect(config.allowPrivate).toBe(false);
  });

  it('configures a webhook, a team address and a chat channel for every event type', () => {
    const config = readForwardingConfig({
      HEARD_WEBHOOK_URL: 'https://desk.shop.example/heard',
      HEARD_WEBHOOK_SECRET: SECRET,
      HEARD_SMTP_URL: 'smtp://mail.shop.example:587',
      HEARD_NOTIFY_EMAIL: 'team@shop.example',
      HEARD_SLACK_WEBHOOK_URL: 'https://chat.shop.example/hooks/abc',
    });
    expect(config.destinations.map((destination) => [destination.id, destination.kind])).toEqual([
      ['env-webhook', 'webhook'],
      ['env-email', 'email'],
      ['env-slack', 'slack'],
    ]);
    expect(config.destinations[0]?.events).toContain('rating.created');
    expect(config.destinations[2]?.config).toEqual({ url: 'https://chat.shop.example/hooks/abc', personalData: false });
  });

  it('answers visitors\' emails to HEARD_REPLY_TO, else to the team address, else to no one but the sender', () => {
    const smtp = { HEARD_SMTP_URL: 'smtp://mail.shop.example:587' };
    expect(readForwardingConfig(smtp).teamEmail).toBeNull();
    expect(readForwardingConfig({ ...smtp, HEARD_NOTIFY_EMAIL: 'team@shop.example' }).teamEmail).toBe('team@shop.example');
    expect(readForwardingConfig({ ...smtp, HEARD_NOTIFY_EMAIL: 'team@shop.example', HEARD_REPLY_TO: ' care@shop.example ' }).teamEmail).toBe('care@shop.example');
    expect(() => readForwardingConfig({ ...smtp, HEARD_REPLY_TO: 'care@shop.example, other@example.com' })).toThrow(/^HEARD_REPLY_TO must be one email address/);
    expect(() => readForwardingConfig({ HEARD_REPLY_TO: 'care@shop.example' })).toThrow(/^HEARD_REPLY_TO needs HEARD_SMTP_URL/);
  });

  it('stops start-up with one message naming the variable', () => {
    expect(() => readForwardingConfig({ HEARD_WEBHOOK_URL: 'https://desk.shop.example/heard' })).toThrow(/^HEARD_WEBHOOK_SECRET/);
    expect(() => readForwardingConfig({ HEARD_WEBHOOK_URL: 'https://desk.shop.example/heard', HEARD_WEBHOOK_SECRET: 'hunter2' })).toThrow(/^HEARD_WEBHOOK_SECRET/);
    expect(() => readForwardingConfig({ HEARD_NOTIFY_EMAIL: 'team@shop.example' })).toThrow(/HEARD_SMTP_URL/);
    expect(() => readForwardingConfig({ HEARD_FORWARD_RETRY_SECONDS: 'soon' })).toThrow(/^HEARD_FORWARD_RETRY_SECONDS/);
    expect(() => readForwardingConfig({ HEARD_ALLOW_PRIVATE_DESTINATIONS: 'yes' })).toThrow(/^HEARD_ALLOW_PRIVATE_DESTINATIONS/);
  });

  it('refuses a local destination unless private destinations are allowed, without repeating the URL', () => {
    const env = { HEARD_SLACK_WEBHOOK_URL: 'http://127.0.0.1:9000/hooks/T0SECRET' };
    expect(() => readForwardingConfig(env)).toThrow(/^HEARD_SLACK_WEBHOOK_URL: .*HEARD_ALLOW_PRIVATE_DESTINATIONS=1/);
    expect(() => readForwardingConfig(env)).not.toThrow(/T0SECRET/);
    expect(readForwardingConfig({ ...env, HEARD_ALLOW_PRIVATE_DESTINATIONS: '1' }).destinations).toHaveLength(1);
  });
});
