/**
 * How well the new text of an email answer holds on answers the stripper was never tuned to:
 * the unseen set, each raw email through the inbound path Heard runs (mailparser, automatic-mail
 * checks, the signed reply address, the new text and its caps), compared exactly with its label.
 * The floors sit just under what the stripper reaches today, per language: a change that loses
 * answers fails here; the set never guides the stripper (its tuning cases are reply-fixtures.ts).
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createInbound, type InboundMessage } from '../../../server/inbound/receive.mjs';
import { replyAddress } from '../../../server/inbound/reply-address.mjs';
import { UNSEEN_REPLIES } from './unseen-replies.ts';

const INBOUND = { local: 'reply', domain: 'inbound.shop.example' };
const SECRET = randomBytes(32).toString('base64url');
const COMPLAINT = '0b7e7c2e-3f0a-4c61-9a8e-2d51f1e0c9a4';

/** Exact matches today (en 7, ms 7, hu 7, sk 8 of 8), less one. */
const FLOORS = { en: 6, ms: 6, hu: 6, sk: 7 } as const;

/** The text the thread would keep for one raw email, or why it was not threaded. */
async function threadedText(raw: string): Promise<string> {
  const kept: InboundMessage[] = [];
  const quiet = { info: () => {}, warn: () => {} };
  const inbound = createInbound({
    inbound: INBOUND,
    secret: () => SECRET,
    store: { getRecord: async () => ({ record: { visitor: { email: 'visitor@mail.example' } } }) },
    threadMessage: async (message) => {
      kept.push(message);
      return { threaded: true };
    },
    log: quiet,
  });
  const outcome = await inbound.receive(raw, { recipients: [replyAddress(INBOUND, SECRET, COMPLAINT)!], returnPath: 'visitor@mail.example', via: 'smtp' });
  return outcome.threaded ? kept[0]!.text : `(not threaded: ${outcome.reason})`;
}

describe('the new text of answers the stripper never saw', () => {
  it('has 8 labelled answers in each of the four languages', () => {
    for (const language of ['en', 'ms', 'hu', 'sk']) expect(UNSEEN_REPLIES.filter((reply) => reply.language === language)).toHaveLength(8);
  });

  it.each(Object.entries(FLOORS))('%s: at least the floor of exact matches', async (language, floor) => {
    const replies = UNSEEN_REPLIES.filter((reply) => reply.language === language);
    const misses: string[] = [];
    for (const reply of replies) {
      const text = await threadedText(reply.raw);
      if (text !== reply.newText) misses.push(`${reply.name}: got ${JSON.stringify(text)}`);
    }
    const matched = replies.length - misses.length;
    console.log(`${language}: ${matched}/${replies.length} exact${misses.length ? `; missed:\n  ${misses.join('\n  ')}` : ''}`);
    expect(matched, misses.join('\n')).toBeGreaterThanOrEqual(floor);
  });
});
