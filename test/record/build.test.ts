import { describe, expect, it } from 'vitest';
import * as A from '../../widget/src/machine/actions';
import type { ComplaintContext } from '../../widget/src/machine/context';
import { cleanIdentity } from '../../widget/src/machine/identity';
import { buildRating, buildRecord } from '../../widget/src/record/build';
import { transcriptText } from '../../widget/src/record/transcript';
import { schemaErrors } from '../support/schema';
import { MAX_CONVERSATION_CHARS, MAX_MESSAGE_LENGTH } from '../../widget/src/machine/limits';
import { readConfig } from '../../server/config.mjs';
import { baseInput, englishFor } from '../machine/harness';

const t = englishFor('seed');

function contextWith(over: Partial<ComplaintContext>): ComplaintContext {
  const c = A.initialContext(baseInput());
  return { ...c, ...A.greet(c), submittedAt: '2026-11-24T10:00:00.000Z', ...over };
}

describe('the record', () => {
  it('is valid even before the visitor said anything (an early handoff)', () => {
    const c = contextWith({ handoff: { requested: true, reason: 'visitor', at: '2026-11-24T10:00:00.000Z' } });
    const record = buildRecord(c, t);
    expect(schemaErrors(record)).toBe('');
    expect(record.triage).toMatchObject({ category: 'other', urgency: 'normal', language: 'en' });
    expect(record.messages.map((m) => m.text)).toEqual([t('greet.hello'), t('greet.prompt')]);
  });

  it('is never refused for a long field: unchecked contact details, a tracking-laden URL, an owner category', () => {
    const long = (n: number) => 'x'.repeat(n);
    const c = contextWith({
      page: { url: `https://shop.example/?${long(6000)}`, referrer: `https://ads.example/${long(5000)}`, title: long(2000) },
      contact: { name: long(900), email: `${long(400)}@example.com`, phone: '+421 905 123 456 or evenings +421 2 5555 6666', accountRef: long(900), followUpConsent: false },
      triage: {
        category: `owner-category-${long(100)}`,
        urgency: 'normal',
        mood: 'calm',
        customerType: 'regular',
        language: 'en',
        vague: false,
        escalation: null,
        signals: [{ field: 'category', value: long(300), cue: long(900) }],
        entities: { orderRefs: [long(300)], emails: [], phones: [], amounts: [], dates: [] },
      },
    });
    const record = buildRecord(c, t);
    expect(schemaErrors(record)).toBe('');
    expect(record.visitor.phone).toBe('+421 905 123 456 or evenings +421 2 5555 6666');
  });

  it('the longest conversation the widget allows fits the reference receiver\'s default body limit', () => {
    let c = contextWith({});
    // Slovak with accents: two bytes a character in UTF-8, the worst case for a Latin script.
    const full = 'Žltý čajník prišiel poškodený, ďalší týždeň bez odpovede. '.repeat(200).slice(0, MAX_MESSAGE_LENGTH);
    for (let i = 0; i < MAX_CONVERSATION_CHARS / MAX_MESSAGE_LENGTH; i++) c = { ...c, ...A.addVisitorMessage(c, { type: 'visitor.say', text: full, at: '2026-11-24T10:00:00.000Z' }) };
    const record = buildRecord(c, t);
    expect(schemaErrors(record)).toBe('');
    expect(Buffer.byteLength(JSON.stringify(record))).toBeLessThan(readConfig({}).bodyLimit);
  });

  it('carries the status key the widget keeps for reading the complaint\'s status later', () => {
    const c = A.initialContext(baseInput({ statusKey: 'Ab3_-Ab3_-Ab3_-Ab3_-Ab' }));
    const record = buildRecord({ ...c, ...A.greet(c), submittedAt: '2026-11-24T10:00:00.000Z' }, t);
    expect(record.visitor.statusKey).toBe('Ab3_-Ab3_-Ab3_-Ab3_-Ab');
    expect(schemaErrors(record)).toBe('');
    // A capability, not something an agent needs to read.
    expect(record.transcriptText).not.toContain('Ab3_-Ab3_');
  });

  it('from a conversation saved before status keys existed, is valid without one', () => {
    const record = buildRecord(contextWith({}), t);
    expect(record.visitor).not.toHaveProperty('statusKey');
    expect(schemaErrors(record)).toBe('');
  });

  it('is refused by the schema with a status key that is not 22 base64url characters', () => {
    const record = buildRecord(contextWith({}), t);
    for (const statusKey of ['short', 'Ab3_-Ab3_-Ab3_-Ab3_-Ab=', 'Ab3+/Ab3_-Ab3_-Ab3_-Ab', 42]) {
      expect(schemaErrors({ ...record, visitor: { ...record.visitor, statusKey } }), String(statusKey)).toContain('statusKey');
    }
  });

  it('a rating travels on its own, keyed to its complaint', () => {
    const rating = buildRating('3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e', 4, '2026-11-24T10:00:00.000Z');
    expect(schemaErrors(rating)).toBe('');
    expect(rating.id).toBe('3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e:csat');
  });

  it("a rating carries its complaint's status key, and the schema takes it", () => {
    const rating = buildRating('3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e', 4, '2026-11-24T10:00:00.000Z', 'Ab3_-Ab3_-Ab3_-Ab3_-Ab');
    expect(schemaErrors(JSON.parse(JSON.stringify(rating)))).toBe('');
    expect(schemaErrors({ ...rating, statusKey: 'short' })).toContain('statusKey');
  });

  it('the transcript an agent reads has the facts first, then every line in order', () => {
    const c = contextWith({});
    const record = buildRecord(c, t);
    const text = transcriptText(record);
    expect(text.startsWith(`Complaint ${record.reference}`)).toBe(true);
    expect(text).toContain('Page: https://shop.example/orders');
    expect(text.indexOf(t('greet.hello'))).toBeLessThan(text.indexOf(t('greet.prompt')));
    expect(record.transcriptText).toBe(text);
  });
});

describe('a visitor the host page vouches for', () => {
  const HASH = 'a'.repeat(56) + '0123abcd';
  const identified = (identity: Parameters<typeof cleanIdentity>[0]) => {
    const c = A.initialContext(baseInput({ identity: cleanIdentity(identity) }));
    return buildRecord({ ...c, ...A.greet(c), submittedAt: '2026-11-24T10:00:00.000Z' }, t);
  };

  it('carries the user id and the hash as the site computed them, and stays valid', () => {
    const record = identified({ userId: 'customer 1042', email: 'ana@shop.example', userHash: HASH.toUpperCase() });
    expect(record.visitor).toMatchObject({ userId: 'customer 1042', userHash: HASH, email: 'ana@shop.example' });
    expect(schemaErrors(record)).toBe('');
  });

  it('carries neither field for a visitor nobody vouched for', () => {
    const record = identified({ email: 'ana@shop.example' });
    expect('userId' in record.visitor).toBe(false);
    expect('userHash' in record.visitor).toBe(false);
    expect(schemaErrors(record)).toBe('');
  });

  it('drops a hash that is not an HMAC-SHA256 in hex, and a user id too long to have been signed whole', () => {
    const record = identified({ userId: 'x'.repeat(201), userHash: 'not-a-hash' });
    expect(record.visitor.userId).toBeUndefined();
    expect(record.visitor.userHash).toBeUndefined();
    expect(schemaErrors(record)).toBe('');
  });

  it('a later identify() replaces the signed pair whole: an old hash never vouches for a new user id', () => {
    const first = cleanIdentity({ userId: 'c-1', userHash: HASH });
    expect(cleanIdentity({ userId: 'c-2' }, first)).toMatchObject({ userId: 'c-2' });
    expect(cleanIdentity({ userId: 'c-2' }, first).userHash).toBeUndefined();
    expect(cleanIdentity({ name: 'Ana' }, first)).toMatchObject({ userId: 'c-1', userHash: HASH, name: 'Ana' });
  });

  it('the schema refuses a hash that is not lowercase hex', () => {
    const record = identified({ userId: 'c-1', userHash: HASH });
    expect(schemaErrors({ ...record, visitor: { ...record.visitor, userHash: HASH.toUpperCase() } })).not.toBe('');
  });
});
