import { describe, expect, it } from 'vitest';
import { initialContext } from '../../widget/src/machine/actions';
import { isValidEmail, isValidPhone, missingContact, validateContact } from '../../widget/src/machine/contact';
import type { ComplaintContext } from '../../widget/src/machine/context';
import type { ComplaintEvent } from '../../widget/src/machine/events';
import * as G from '../../widget/src/machine/guards';
import { MAX_MESSAGE_LENGTH } from '../../widget/src/machine/limits';
import { baseInput } from './harness';

const ctx = (over: Partial<ComplaintContext> = {}): ComplaintContext => ({ ...initialContext(baseInput()), ...over });
const say = (text: string): ComplaintEvent => ({ type: 'visitor.say', text, at: '2026-11-24T10:00:00Z' });

describe('guards, without an actor', () => {
  it('isBlank sees through spaces and invisible characters', () => {
    expect(G.isBlank(' \n\t\u200B\uFEFF')).toBe(true);
    expect(G.isBlank(' a ')).toBe(false);
  });

  it('a message is accepted up to the limit and no further', () => {
    expect(G.isTooLong({ context: ctx(), event: say('x'.repeat(MAX_MESSAGE_LENGTH)) })).toBe(false);
    expect(G.isTooLong({ context: ctx(), event: say('x'.repeat(MAX_MESSAGE_LENGTH + 1)) })).toBe(true);
  });

  it('hasToldSomething looks only at what came after the last invitation', () => {
    const prompt = { seq: 0, from: 'bot' as const, at: 'x', key: 'greet.prompt' as const };
    const said = { seq: 1, from: 'visitor' as const, at: 'x', text: 'hi' };
    const again = { seq: 2, from: 'bot' as const, at: 'x', key: 'restate.correct' as const };
    expect(G.hasToldSomething({ context: ctx({ messages: [prompt] }), event: say('') })).toBe(false);
    expect(G.hasToldSomething({ context: ctx({ messages: [prompt, said] }), event: say('') })).toBe(true);
    expect(G.hasToldSomething({ context: ctx({ messages: [prompt, said, again] }), event: say('') })).toBe(false);
  });

  it('needsEscalation follows the owner’s rules', () => {
    const triage = { escalation: 'safety' } as ComplaintContext['triage'];
    const on = ctx({ triage });
    expect(G.needsEscalation({ context: on, event: say('') })).toBe(true);
    const off = ctx({ triage, options: { ...on.options, escalation: { critical: false, premium: true } } });
    expect(G.needsEscalation({ context: off, event: say('') })).toBe(false);
    const premium = ctx({ triage: { escalation: 'premium' } as ComplaintContext['triage'], options: { ...on.options, escalation: { critical: true, premium: false } } });
    expect(G.needsEscalation({ context: premium, event: say('') })).toBe(false);
  });

  it('isVague stops after two questions and after a correction', () => {
    const triage = { vague: true } as ComplaintContext['triage'];
    expect(G.isVague({ context: ctx({ triage, clarifyCount: 1 }), event: say('') })).toBe(true);
    expect(G.isVague({ context: ctx({ triage, clarifyCount: 2 }), event: say('') })).toBe(false);
    expect(G.isVague({ context: ctx({ triage, restatement: { text: '', confirmed: false, corrections: 1 } }), event: say('') })).toBe(false);
  });

  it('isOffered: heard and other always; the rest only when the owner offers them', () => {
    const c = ctx({ options: { ...ctx().options, outcomes: ['repair'] } });
    expect(G.isOfferedKind(c, 'heard')).toBe(true);
    expect(G.isOfferedKind(c, 'other')).toBe(true);
    expect(G.isOfferedKind(c, 'repair')).toBe(true);
    expect(G.isOfferedKind(c, 'refund')).toBe(false);
  });

  it('isValidRating takes a whole rating from 1 to 5 that changes the one given', () => {
    const rate = (score: number): ComplaintEvent => ({ type: 'csat.rate', score, at: 'x' });
    expect([0, 1, 3.5, 5, 6].map((s) => G.isValidRating({ context: ctx(), event: rate(s) }))).toEqual([false, true, false, true, false]);
    expect(G.isValidRating({ context: ctx({ csat: 4 }), event: rate(2) })).toBe(true);
    expect(G.isValidRating({ context: ctx({ csat: 4 }), event: rate(4) })).toBe(false);
  });
});

describe('contact checks', () => {
  it('accepts real addresses and numbers and refuses typos', () => {
    expect(['ana@example.com', 'a.b+c@mail.example.co.uk', 'józsef@példa.hu'].every(isValidEmail)).toBe(true);
    expect(['ana@example', 'ana example.com', '@example.com', 'ana@@example.com', 'a@b.'].some(isValidEmail)).toBe(false);
    expect(['+60 12-345 6789', '(020) 7946 0958', '+421 902 123 456', '06-30-123-4567'].every(isValidPhone)).toBe(true);
    expect(['12', 'call me', '+1 (555) 0100 ext 1234567890123'].some(isValidPhone)).toBe(false);
  });

  it('counts fields the host page passed as given', () => {
    expect(missingContact({ email: 'ana@example.com' }, ['email', 'phone'])).toEqual(['phone']);
    expect(missingContact({ email: 'not-an-email' }, ['email'])).toEqual(['email']);
    expect(validateContact({}, { email: 'ana@example.com' }, ['email']).errors).toEqual({});
  });

  it('refuses an overlong field rather than cutting it', () => {
    expect(validateContact({ name: 'x'.repeat(201) }, {}, []).errors).toEqual({ name: 'tooLong' });
  });
});
