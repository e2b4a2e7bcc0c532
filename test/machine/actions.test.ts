import { describe, expect, it } from 'vitest';
import * as A from '../../widget/src/machine/actions';
import type { ComplaintContext } from '../../widget/src/machine/context';
import { resolveOptions } from '../../widget/src/machine/options';
import { everyLanguage } from '../../widget/src/triage/all';
import { baseInput, englishFor } from './harness';

const start = (over: Partial<ComplaintContext> = {}): ComplaintContext => ({ ...A.initialContext(baseInput()), ...over });
const apply = (c: ComplaintContext, patch: Partial<ComplaintContext>): ComplaintContext => ({ ...c, ...patch });
const text = (c: ComplaintContext, i = -1) => {
  const m = c.messages.at(i)!;
  return m.text ?? englishFor(c.id)(m.key!, m.params);
};

describe('actions, without an actor', () => {
  it('owner options are merged over the defaults one level deep', () => {
    const o = resolveOptions({ slaHours: { critical: 1 } as never, businessHours: { timeZone: 'Asia/Kuala_Lumpur' } as never });
    expect(o.slaHours).toEqual({ critical: 1, high: 8, normal: 24, low: 40 });
    expect(o.businessHours).toMatchObject({ timeZone: 'Asia/Kuala_Lumpur', start: '09:00', days: [1, 2, 3, 4, 5] });
  });

  it('numbers every message in order', () => {
    let c = apply(start(), A.greet(start()));
    c = apply(c, A.addVisitorMessage(c, { type: 'visitor.say', text: 'one', at: 'a' }));
    c = apply(c, A.addVisitorMessage(c, { type: 'visitor.say', text: 'two', at: 'b' }));
    expect(c.messages.map((m) => m.seq)).toEqual([0, 1, 2, 3]);
  });

  it('identify never overwrites what the visitor typed, and ignores blank values', () => {
    const c = start({ contact: { name: 'Typed', email: '', phone: '', accountRef: '', followUpConsent: false } });
    const p = A.identify(c, { type: 'visitor.identify', identity: { name: 'Host', email: 'host@example.com', phone: '  ' } });
    expect(p.contact).toMatchObject({ name: 'Typed', email: 'host@example.com', phone: '' });
  });

  it('keeps only plain data from the host page, so the complaint can be stored and sent', () => {
    const c = start();
    const node = { nodeType: 1, parentNode: null };
    const p = A.identify(c, {
      type: 'visitor.identify',
      identity: {
        name: 42 as never,
        email: 'ana@example.com',
        traits: { plan: 'premium', orders: 12, vip: true, since: null, isVip: () => true, el: node, big: 10n as never, nan: NaN },
      },
    });
    expect(p.identity).toEqual({ email: 'ana@example.com', traits: { plan: 'premium', orders: 12, vip: true, since: null } });
    expect(() => structuredClone(p.identity)).not.toThrow();
    expect(() => JSON.stringify(p.identity)).not.toThrow();
    expect(A.initialContext(baseInput({ identity: { traits: { f: () => 1 } as never } })).identity).toEqual({ traits: {} });
  });

  it('keeps at most the 20 traits the receiver accepts, over any number of identify() calls, so the complaint is not refused', () => {
    const c = start();
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`t${i}`, i]));
    const first = A.identify(c, { type: 'visitor.identify', identity: { traits: many } });
    expect(Object.keys(first.identity!.traits!)).toHaveLength(20);
    const later = A.identify({ ...c, ...first }, { type: 'visitor.identify', identity: { traits: { t0: 'updated', extra: 1 } } });
    expect(Object.keys(later.identity!.traits!)).toHaveLength(20);
    expect(later.identity!.traits!.t0).toBe('updated');
    expect(later.identity!.traits).not.toHaveProperty('extra');
  });

  it('the unavailable outcome line names what was asked and what can be done instead', () => {
    const c = start({ options: { ...start().options, outcomes: ['storeCredit'] } });
    const p = A.chooseOutcome(c, { type: 'outcome.choose', kind: 'refund', at: 'x' }, everyLanguage());
    expect(p.outcome).toEqual({ kind: 'refund', detail: null, offered: false, alternative: 'storeCredit' });
    expect(text(apply(c, p))).toMatch(/you’d like a refund.*I can offer store credit instead/);
    expect(A.committedKind(apply(c, p))).toBe('storeCredit');
  });

  it('never offers "to be heard" or "something else" as what the team can do instead', () => {
    const c = start({ options: { ...start().options, outcomes: ['heard', 'other', 'repair'] } });
    const p = A.chooseOutcome(c, { type: 'outcome.choose', kind: 'refund', at: 'x' }, everyLanguage());
    expect(p.outcome!.alternative).toBe('repair');
    expect(text(apply(c, p))).not.toMatch(/to be heard|something else/);
    const none = start({ options: { ...start().options, outcomes: ['heard'] } });
    const q = A.chooseOutcome(none, { type: 'outcome.choose', kind: 'refund', at: 'x' }, everyLanguage());
    expect(q.outcome!.alternative).toBeNull();
    expect(text(apply(none, q))).not.toMatch(/to be heard/);
  });

  it('with nothing to offer, it does not pretend: a person will look at what else can be done', () => {
    const c = start({ options: { ...start().options, outcomes: [] } });
    const p = A.chooseOutcome(c, { type: 'outcome.choose', kind: 'refund', at: 'x' }, everyLanguage());
    expect(p.outcome!.alternative).toBeNull();
    expect(text(apply(c, p))).toMatch(/member of our team will look/);
  });

  it('the owner’s own wording of the next step replaces the catalog’s', () => {
    const c = start({
      options: { ...start().options, actions: { refund: 'Marta from our shop will call you.' } },
      outcome: { kind: 'refund', detail: null, offered: true, alternative: null },
    });
    const after = apply(c, A.commit(c, '2026-11-24T10:00:00.000Z'));
    expect(text(after, -2)).toContain('Marta from our shop will call you.');
    expect(after.followUpAt).toBe(new Date(Date.parse(after.commitment!.dueBy) + 48 * 3_600_000).toISOString());
  });

  it('handoff says why and promises no repetition; escalation reason comes from triage', () => {
    const c = start({ triage: { escalation: 'legal' } as ComplaintContext['triage'] });
    const p = A.startHandoff(c, A.escalationReason(c), '2026-11-24T10:00:00.000Z');
    expect(p.handoff).toEqual({ requested: false, reason: 'legal', at: '2026-11-24T10:00:00.000Z' });
    expect(text(apply(c, p))).toMatch(/straight away.*not have to repeat yourself/);
  });

  it('a new complaint keeps the visitor, the language and the options, and starts counting again', () => {
    const c = start({ locale: 'sk', contact: { name: 'Ján', email: 'jan@example.sk', phone: '', accountRef: '', followUpConsent: true }, clarifyCount: 2 });
    const p = A.newComplaint(c, { type: 'complaint.new', id: 'bbbbbbbb-0000-4000-8000-000000000000', reference: 'HRD-CCCCCC', at: 'z' });
    expect(p).toMatchObject({ locale: 'sk', clarifyCount: 0, previousComplaints: 1, messages: [], identity: { name: 'Ján', email: 'jan@example.sk' } });
  });
});
