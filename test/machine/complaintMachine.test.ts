import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { MAX_CONVERSATION_CHARS, MAX_MESSAGE_LENGTH } from '../../widget/src/machine/limits';
import { schemaErrors } from '../support/schema';
import { SPECIFIC, at, baseInput, conversation, englishFor, fakeMachine, newFakes, settle, start } from './harness';

const keys = (actor: ReturnType<typeof start>['actor']) => actor.getSnapshot().context.messages.map((m) => m.key ?? `visitor:${m.text}`);
const botLines = (actor: ReturnType<typeof start>['actor']) =>
  actor.getSnapshot().context.messages.filter((m) => m.from === 'bot').map((m) => m.key);

function tellAndFinish(actor: ReturnType<typeof start>['actor'], ...texts: string[]) {
  for (const text of texts) actor.send({ type: 'visitor.say', text, at: at() });
  actor.send({ type: 'visitor.done', at: at() });
}

/** From a new conversation to the commitment, choosing a refund and giving an email. */
function toCommit(actor: ReturnType<typeof start>['actor']) {
  tellAndFinish(actor, SPECIFIC);
  actor.send({ type: 'restate.confirm', at: at() });
  actor.send({ type: 'outcome.choose', kind: 'refund', at: at() });
  actor.send({ type: 'contact.submit', contact: { name: 'Ana Lim', email: 'ana@example.com', followUpConsent: true }, at: at() });
}

describe('greeting', () => {
  it('greets a new visitor and invites them to tell everything', () => {
    const { actor } = start();
    expect(conversation(actor)).toBe('greet');
    expect(botLines(actor)).toEqual(['greet.hello', 'greet.prompt']);
    expect(actor.getSnapshot().hasTag('awaitingVisitor')).toBe(true);
  });

  it('greets by the name the host page passed', () => {
    const { actor } = start(newFakes(), baseInput({ identity: { name: 'Ana' } }));
    const first = actor.getSnapshot().context.messages[0]!;
    expect(first.key).toBe('greet.helloName');
    expect(englishFor('x')(first.key!, first.params)).toContain('Ana');
  });

  it('says welcome back when this browser complained before', () => {
    const { actor } = start(newFakes(), baseInput({ previousComplaints: 2, identity: { name: 'Ana' } }));
    expect(botLines(actor)[0]).toBe('greet.welcomeBackName');
  });
});

describe('listening', () => {
  it('accepts any number of messages without the bot interjecting', () => {
    const { actor } = start();
    for (let i = 0; i < 12; i++) actor.send({ type: 'visitor.say', text: `Part ${i} of my story about the late parcel`, at: at() });
    expect(conversation(actor)).toBe('listen');
    expect(botLines(actor)).toEqual(['greet.hello', 'greet.prompt']);
    expect(actor.getSnapshot().context.messages.filter((m) => m.from === 'visitor')).toHaveLength(12);
  });

  it('clears the error once it takes the visitor’s words, and says why when it refuses them', () => {
    const { actor } = start();
    actor.send({ type: 'visitor.say', text: '   ', at: at() });
    expect(actor.getSnapshot().context.error).toBe('empty');
    actor.send({ type: 'visitor.say', text: 'The kettle leaks.', at: at() });
    expect(actor.getSnapshot().context.error).toBeNull();
    expect(keys(actor).at(-1)).toBe('visitor:The kettle leaks.');
  });

  it('refuses an empty or whitespace-only message and stays put', () => {
    const { actor } = start();
    for (const text of ['', '   \n\t', '\u200B\u200B']) {
      actor.send({ type: 'visitor.say', text, at: at() });
      expect(actor.getSnapshot().context.error).toBe('empty');
      expect(conversation(actor)).toBe('greet');
    }
    expect(actor.getSnapshot().context.messages).toHaveLength(2);
  });

  it('refuses a 100 000-character message without losing the conversation', () => {
    const { actor } = start();
    actor.send({ type: 'visitor.say', text: 'first message', at: at() });
    actor.send({ type: 'visitor.say', text: 'x'.repeat(100_000), at: at() });
    expect(actor.getSnapshot().context.error).toBe('tooLong');
    expect(conversation(actor)).toBe('listen');
    expect(actor.getSnapshot().context.messages.at(-1)!.text).toBe('first message');
    actor.send({ type: 'visitor.say', text: 'y'.repeat(MAX_MESSAGE_LENGTH), at: at() });
    expect(actor.getSnapshot().context.error).toBeNull();
  });

  it('stops taking words once the conversation is as long as it can be, and says how to send it', () => {
    const { actor } = start();
    for (let i = 0; i < MAX_CONVERSATION_CHARS / MAX_MESSAGE_LENGTH; i++) actor.send({ type: 'visitor.say', text: 'z'.repeat(MAX_MESSAGE_LENGTH), at: at() });
    expect(actor.getSnapshot().context.error).toBeNull();
    actor.send({ type: 'visitor.say', text: 'one more', at: at() });
    expect(actor.getSnapshot().context.error).toBe('full');
    expect(actor.getSnapshot().context.messages.at(-1)!.text).toBe('z'.repeat(MAX_MESSAGE_LENGTH));
    actor.send({ type: 'visitor.done', at: at() });
    expect(conversation(actor)).not.toBe('listen');
  });

  it('does not finish before the visitor has said anything', () => {
    const { actor } = start();
    actor.send({ type: 'visitor.done', at: at() });
    expect(conversation(actor)).toBe('greet');
  });
});

describe('clarifying a vague complaint', () => {
  it('asks at most two follow-up questions, then restates regardless', () => {
    const { actor } = start();
    tellAndFinish(actor, 'not happy');
    expect(conversation(actor)).toBe('clarify');
    expect(botLines(actor).at(-1)).toBe('clarify.meaning');
    actor.send({ type: 'visitor.say', text: 'just bad', at: at() });
    expect(conversation(actor)).toBe('clarify');
    expect(botLines(actor).at(-1)).toBe('clarify.part');
    actor.send({ type: 'visitor.say', text: 'meh', at: at() });
    expect(conversation(actor)).toBe('restate');
    expect(actor.getSnapshot().context.clarifyCount).toBe(2);
  });

  it('moves on as soon as the answer is specific', () => {
    const { actor } = start();
    tellAndFinish(actor, 'not happy');
    actor.send({ type: 'visitor.say', text: SPECIFIC, at: at() });
    expect(conversation(actor)).toBe('restate');
  });

  it('takes a tapped part (product, price, delivery, treatment) as an answer', () => {
    const { actor } = start();
    tellAndFinish(actor, 'not happy');
    actor.send({ type: 'visitor.say', text: 'it was bad', at: at() });
    actor.send({ type: 'clarify.part', part: 'staff', at: at() });
    expect(conversation(actor)).toBe('restate');
    expect(keys(actor)).toContain('clarify.part.staff');
    // The tapped answer is the root cause triage records: how they were treated.
    const t = actor.getSnapshot().context.triage!;
    expect(t.category).toBe('staff');
    expect(t.signals).toContainEqual({ field: 'category', value: 'staff', cue: 'visitor chose: staff' });
  });

  it('takes a tapped part only once it has asked which part it was', () => {
    const { actor } = start();
    const part = { type: 'clarify.part', part: 'price', at: at() } as const;
    tellAndFinish(actor, 'not happy');
    expect(botLines(actor).at(-1)).toBe('clarify.meaning');
    expect(actor.getSnapshot().can(part)).toBe(false);
    actor.send(part);
    expect(keys(actor)).not.toContain('clarify.part.price');
    actor.send({ type: 'visitor.say', text: 'it was bad', at: at() });
    expect(botLines(actor).at(-1)).toBe('clarify.part');
    expect(actor.getSnapshot().can(part)).toBe(true);
  });
});

describe('restating', () => {
  it('restates from the visitor’s words and moves on when they confirm', () => {
    const { actor } = start();
    tellAndFinish(actor, SPECIFIC);
    const snap = actor.getSnapshot();
    expect(snap.value.conversation).toBe('restate');
    expect(snap.hasTag('confirming')).toBe(true);
    expect(snap.context.restatement!.text).toMatch(/48213/);
    actor.send({ type: 'restate.confirm', at: at() });
    expect(actor.getSnapshot().context.restatement!.confirmed).toBe(true);
  });

  it('hears a correction as many times as needed', () => {
    const { actor } = start();
    tellAndFinish(actor, SPECIFIC);
    for (let i = 1; i <= 3; i++) {
      actor.send({ type: 'restate.correct', at: at() });
      expect(conversation(actor)).toBe('listen');
      actor.send({ type: 'visitor.done', at: at() });
      expect(conversation(actor)).toBe('listen'); // nothing new said yet
      tellAndFinish(actor, `Correction ${i}: it was order #48213, the lid of the blender is missing too.`);
      expect(conversation(actor)).toBe('restate');
      expect(actor.getSnapshot().context.restatement!.corrections).toBe(i);
    }
  });

  it('does not restate a complaint that was only insults, and apologises instead', () => {
    const { actor } = start();
    tellAndFinish(actor, 'stupid idiots!!!');
    // Vague, so the two follow-up questions come first; the answers are no better.
    actor.send({ type: 'visitor.say', text: 'You idiots', at: at() });
    actor.send({ type: 'visitor.say', text: 'morons', at: at() });
    expect(conversation(actor)).toBe('askOutcome');
    expect(botLines(actor)).toContain('empathise.apology');
    expect(botLines(actor)).not.toContain('restate.check');
  });

  it('treats words typed instead of choosing as a correction', () => {
    const { actor } = start();
    tellAndFinish(actor, SPECIFIC);
    actor.send({ type: 'visitor.say', text: 'No, it was three weeks late.', at: at() });
    expect(conversation(actor)).toBe('listen');
    expect(actor.getSnapshot().context.restatement!.corrections).toBe(1);
  });
});

describe('empathy and the outcome', () => {
  it('apologises first, then empathises, then asks what would make it right', () => {
    const { actor } = start();
    tellAndFinish(actor, SPECIFIC);
    actor.send({ type: 'restate.confirm', at: at() });
    expect(botLines(actor).slice(-3)).toEqual(['empathise.apology', 'empathise.empathy', 'outcome.ask']);
    expect(conversation(actor)).toBe('askOutcome');
  });

  it('offers what it can when the owner does not offer what was asked', () => {
    const { actor } = start(newFakes(), baseInput({ options: { outcomes: ['replacement', 'storeCredit'] } }));
    tellAndFinish(actor, SPECIFIC);
    actor.send({ type: 'restate.confirm', at: at() });
    actor.send({ type: 'outcome.choose', kind: 'refund', at: at() });
    const snap = actor.getSnapshot();
    expect(snap.value.conversation).toBe('askOutcome');
    expect(snap.context.outcome).toMatchObject({ kind: 'refund', offered: false, alternative: 'replacement' });
    const line = snap.context.messages.at(-1)!;
    expect(englishFor('x')(line.key!, line.params)).toMatch(/I can offer a replacement instead/);
    actor.send({ type: 'outcome.acceptAlternative', at: at() });
    expect(actor.getSnapshot().value.conversation).toEqual({ contact: 'form' });
  });

  it('reads what typed words ask for, and offers what it can instead of a bare no', () => {
    const { actor } = start(newFakes(), baseInput({ options: { outcomes: ['storeCredit', 'repair'] } }));
    tellAndFinish(actor, SPECIFIC);
    actor.send({ type: 'restate.confirm', at: at() });
    actor.send({ type: 'visitor.say', text: 'I just want my money back, a full refund please.', at: at() });
    let snap = actor.getSnapshot();
    expect(snap.value.conversation).toBe('askOutcome');
    expect(snap.context.outcome).toEqual({ kind: 'refund', detail: 'I just want my money back, a full refund please.', offered: false, alternative: 'storeCredit' });
    const line = snap.context.messages.at(-1)!;
    expect(englishFor('x')(line.key!, line.params)).toMatch(/you’d like a refund.*I can offer store credit instead/);
    // In their words again, something the owner does offer: on to the contact details.
    actor.send({ type: 'visitor.say', text: 'Could you repair it instead?', at: at() });
    snap = actor.getSnapshot();
    expect(snap.context.outcome).toMatchObject({ kind: 'repair', offered: true });
    expect(snap.value.conversation).toEqual({ contact: 'form' });
  });

  it('takes words that name no outcome as "something else", in the visitor’s words', () => {
    const { actor } = start();
    tellAndFinish(actor, SPECIFIC);
    actor.send({ type: 'restate.confirm', at: at() });
    actor.send({ type: 'visitor.say', text: 'An apology from the courier company.', at: at() });
    expect(actor.getSnapshot().context.outcome).toMatchObject({ kind: 'other', detail: 'An apology from the courier company.', offered: true });
  });

  it('ignores an unknown outcome and asks again without corrupting the choice', () => {
    const { actor } = start();
    tellAndFinish(actor, SPECIFIC);
    actor.send({ type: 'restate.confirm', at: at() });
    actor.send({ type: 'outcome.choose', kind: 'teleport' as never, at: at() });
    expect(actor.getSnapshot().context.error).toBe('outcome');
    expect(actor.getSnapshot().context.outcome).toBeNull();
    expect(conversation(actor)).toBe('askOutcome');
  });

  it('needs the visitor’s words for "something else"', () => {
    const { actor } = start();
    tellAndFinish(actor, SPECIFIC);
    actor.send({ type: 'restate.confirm', at: at() });
    actor.send({ type: 'outcome.choose', kind: 'other', detail: '  ', at: at() });
    expect(actor.getSnapshot().context.error).toBe('otherDetail');
    actor.send({ type: 'outcome.choose', kind: 'other', detail: 'A written apology from the courier', at: at() });
    expect(actor.getSnapshot().context.outcome).toMatchObject({ kind: 'other', detail: 'A written apology from the courier' });
  });

  it('“just wanted to be heard” is always possible', () => {
    const { actor } = start(newFakes(), baseInput({ options: { outcomes: [] } }));
    tellAndFinish(actor, SPECIFIC);
    actor.send({ type: 'restate.confirm', at: at() });
    actor.send({ type: 'outcome.choose', kind: 'heard', at: at() });
    expect(actor.getSnapshot().context.outcome).toMatchObject({ kind: 'heard', offered: true });
  });
});

describe('contact details', () => {
  function toContact(input = baseInput()) {
    const s = start(newFakes(), input);
    tellAndFinish(s.actor, SPECIFIC);
    s.actor.send({ type: 'restate.confirm', at: at() });
    s.actor.send({ type: 'outcome.choose', kind: 'refund', at: at() });
    return s;
  }

  it('keeps the visitor on the form with a clear error for a bad email or phone', () => {
    const { actor } = toContact(baseInput({ options: { requiredContact: ['email', 'phone'] } }));
    actor.send({ type: 'contact.submit', contact: { email: 'ana@example', phone: '12' }, at: at() });
    let snap = actor.getSnapshot();
    expect(snap.value.conversation).toEqual({ contact: 'form' });
    expect(snap.context.contactErrors).toEqual({ email: 'email', phone: 'phone' });
    expect(snap.context.contact.email).toBe('ana@example'); // what they typed is kept
    actor.send({ type: 'contact.submit', contact: { email: 'ana@example.com', phone: '+60 12-345 6789' }, at: at() });
    snap = actor.getSnapshot();
    expect(snap.value.conversation).toBe('commit');
    expect(snap.context.contactErrors).toEqual({});
  });

  it('keeps what is typed into the form as it is typed, unchecked until submit', () => {
    const { actor } = toContact();
    actor.send({ type: 'contact.edit', contact: { name: 'Ana L' } });
    actor.send({ type: 'contact.edit', contact: { email: 'ana@exa', followUpConsent: true } });
    const snap = actor.getSnapshot();
    expect(snap.context.contact).toMatchObject({ name: 'Ana L', email: 'ana@exa', followUpConsent: true });
    expect(snap.context.contactErrors).toEqual({});
    expect(snap.value.conversation).toEqual({ contact: 'form' });
  });

  it('asks for a required field left empty', () => {
    const { actor } = toContact();
    actor.send({ type: 'contact.submit', contact: { name: 'Ana' }, at: at() });
    expect(actor.getSnapshot().context.contactErrors).toEqual({ email: 'required' });
  });

  it('skips the form when the host page already passed what is required', () => {
    const { actor } = toContact(baseInput({ identity: { email: 'ana@example.com' } }));
    expect(conversation(actor)).toBe('commit');
    expect(keys(actor)).not.toContain('contact.ask');
  });

  it('uses details passed with identify() during the conversation', () => {
    const { actor } = start();
    actor.send({ type: 'visitor.identify', identity: { email: 'late@example.com', traits: { plan: 'basic' } } });
    tellAndFinish(actor, SPECIFIC);
    actor.send({ type: 'restate.confirm', at: at() });
    actor.send({ type: 'outcome.choose', kind: 'refund', at: at() });
    expect(conversation(actor)).toBe('commit');
  });
});

describe('commitment, submission and thanks', () => {
  it('states the next step with a due date from the SLA and business hours', () => {
    const { actor } = start();
    toCommit(actor);
    const snap = actor.getSnapshot();
    expect(snap.value.conversation).toBe('commit');
    expect(snap.hasTag('reviewing')).toBe(true);
    const c = snap.context.commitment!;
    expect(c.kind).toBe('refund');
    // Monday morning UTC + 24 business hours of 8-hour days (09–17 UTC) → Thursday, same time.
    expect(snap.context.triage!.urgency).toBe('normal');
    const line = snap.context.messages.at(-2)!;
    expect(Date.parse(c.dueBy) - Date.parse(line.at)).toBe(3 * 24 * 3_600_000);
    expect(new Date(c.dueBy).getUTCDay()).toBe(4);
    expect(englishFor('x')(line.key!, line.params)).toMatch(/review your complaint and get back to you about a refund/);
  });

  it('puts the record in the outbox before sending, then thanks with the reference', async () => {
    const { actor, fakes } = start();
    toCommit(actor);
    actor.send({ type: 'complaint.send', at: at() });
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    await settle();
    await settle();
    const snap = actor.getSnapshot();
    expect(snap.value.conversation).toEqual({ thank: 'idle' });
    expect(fakes.outbox).toHaveLength(1);
    expect(fakes.deliveries).toEqual([fakes.outbox[0]!.id]);
    expect(schemaErrors(fakes.outbox[0])).toBe('');
    const thanks = snap.context.messages.filter((m) => m.key === 'thank.reference')[0]!;
    expect(englishFor('x')(thanks.key!, thanks.params)).toContain('HRD-7K3F9Q');
    expect(snap.context.delivery).toBe('delivered');
  });

  it('when offline, still thanks and says it will be sent when back online', async () => {
    const fakes = newFakes();
    fakes.answer = 'throw';
    const { actor } = start(fakes);
    toCommit(actor);
    actor.send({ type: 'complaint.send', at: at() });
    await settle();
    await settle();
    expect(conversation(actor)).toEqual({ thank: 'idle' });
    expect(keys(actor)).toContain('thank.queued');
    expect(fakes.outbox).toHaveLength(1);
  });

  it('tells the visitor when the endpoint refused the complaint', async () => {
    const fakes = newFakes();
    fakes.answer = 'rejected';
    const { actor } = start(fakes);
    toCommit(actor);
    actor.send({ type: 'complaint.send', at: at() });
    await settle();
    await settle();
    expect(keys(actor)).toContain('thank.rejected');
    expect(actor.getSnapshot().context.delivery).toBe('rejected');
  });

  it('when the outbox cannot save, says so and lets the visitor try again', async () => {
    const fakes = newFakes();
    fakes.failEnqueue = true;
    const { actor } = start(fakes);
    toCommit(actor);
    actor.send({ type: 'complaint.send', at: at() });
    await settle();
    expect(actor.getSnapshot().hasTag('saveFailed')).toBe(true);
    fakes.failEnqueue = false;
    actor.send({ type: 'submit.retry', at: at() });
    await settle();
    await settle();
    expect(conversation(actor)).toEqual({ thank: 'idle' });
    expect(fakes.outbox).toHaveLength(1);
  });

  it('takes a 1–5 rating after thanks, sends it on its own, and sends a changed one again', async () => {
    const { actor, fakes } = start();
    toCommit(actor);
    actor.send({ type: 'complaint.send', at: at() });
    await settle();
    await settle();
    actor.send({ type: 'csat.rate', score: 9, at: at() });
    expect(actor.getSnapshot().context.csat).toBeNull();
    expect(actor.getSnapshot().context.error).toBe('rating');
    expect(actor.getSnapshot().can({ type: 'csat.rate', score: 4, at: at() })).toBe(true);
    actor.send({ type: 'csat.rate', score: 4, at: at() });
    await settle();
    // The same score again is no change; another one replaces it.
    expect(actor.getSnapshot().can({ type: 'csat.rate', score: 4, at: at() })).toBe(false);
    actor.send({ type: 'csat.rate', score: 2, at: at() });
    await settle();
    expect(actor.getSnapshot().context.csat).toBe(2);
    expect(fakes.ratings.map((r) => r.csat)).toEqual([4, 2]);
  });

  it("sends the rating with the complaint's status key, so the server takes it from this visitor only", async () => {
    const statusKey = 'Ab3_-Ab3_-Ab3_-Ab3_-Ab';
    const { actor, fakes } = start(undefined, baseInput({ statusKey }));
    toCommit(actor);
    actor.send({ type: 'complaint.send', at: at() });
    await settle();
    await settle();
    actor.send({ type: 'csat.rate', score: 5, at: at() });
    await settle();
    expect(fakes.ratings).toHaveLength(1);
    expect(fakes.ratings[0]?.statusKey).toBe(statusKey);
  });

  it('starts a new complaint after thanks, remembering who the visitor is', async () => {
    const { actor } = start();
    toCommit(actor);
    actor.send({ type: 'complaint.send', at: at() });
    await settle();
    await settle();
    actor.send({ type: 'complaint.new', id: '9a8b7c6d-0000-4000-8000-000000000001', reference: 'HRD-AAAAAA', at: at() });
    const snap = actor.getSnapshot();
    expect(snap.value.conversation).toBe('greet');
    expect(snap.context.messages.map((m) => m.key)).toEqual(['greet.welcomeBackName', 'greet.prompt']);
    expect(snap.context.reference).toBe('HRD-AAAAAA');
    expect(snap.context.contact.email).toBe('ana@example.com');
  });

  it('carries the reference of an earlier complaint it continues into the record, its reply window having closed', async () => {
    const { actor, fakes } = start();
    actor.send({ type: 'complaint.continues', reference: 'HRD-OLD123', at: at() });
    toCommit(actor);
    actor.send({ type: 'complaint.send', at: at() });
    await settle();
    expect(fakes.outbox[0]?.previousReference).toBe('HRD-OLD123');
    expect(schemaErrors(fakes.outbox[0])).toBe('');
  });
});

describe('handoff to a person', () => {
  it('is offered in every conversational state and goes out with everything said so far', async () => {
    const steps: Array<(a: ReturnType<typeof start>['actor']) => void> = [
      () => {},
      (a) => a.send({ type: 'visitor.say', text: SPECIFIC, at: at() }),
      (a) => tellAndFinish(a, 'not happy'),
      (a) => tellAndFinish(a, SPECIFIC),
      (a) => {
        tellAndFinish(a, SPECIFIC);
        a.send({ type: 'restate.confirm', at: at() });
      },
      (a) => toCommit(a),
    ];
    for (const step of steps) {
      const fakes = newFakes();
      const { actor } = start(fakes, baseInput({ identity: { email: 'ana@example.com' } }));
      step(actor);
      expect(actor.getSnapshot().hasTag('canHandoff')).toBe(true);
      const said = actor.getSnapshot().context.messages.length;
      actor.send({ type: 'handoff.request', at: at() });
      await settle();
      await settle();
      expect(conversation(actor)).toEqual({ thank: 'idle' });
      const record = fakes.outbox[0]!;
      expect(record.handoff).toMatchObject({ requested: true, reason: 'visitor' });
      expect(record.messages.length).toBeGreaterThan(said);
      expect(record.messages.at(-1)!.text).toMatch(/will not have to repeat yourself/);
      expect(schemaErrors(record)).toBe('');
    }
  });

  it('a person asked for before "that is everything" gets the triage of what was written, and its date', async () => {
    const fakes = newFakes();
    const { actor } = start(fakes, baseInput({ identity: { email: 'ana@example.com' } }));
    actor.send({ type: 'visitor.say', text: 'The heater you sold me caught fire last night and burned my hand.', at: at() });
    actor.send({ type: 'handoff.request', at: at() });
    await settle();
    await settle();
    const record = fakes.outbox[0]!;
    expect(record.triage.urgency).toBe('critical');
    // The owner's 4 business hours for critical, not the 24 of a normal complaint.
    expect(record.commitment!.slaHours).toBe(4);
    expect(record.commitment!.dueBy).toBe(actor.getSnapshot().context.commitment!.dueBy);
  });

  it('what the visitor typed as the outcome counts in the triage sent and the date promised', async () => {
    const fakes = newFakes();
    const { actor } = start(fakes, baseInput({ identity: { email: 'ana@example.com' } }));
    tellAndFinish(actor, SPECIFIC);
    actor.send({ type: 'restate.confirm', at: at() });
    actor.send({ type: 'visitor.say', text: 'A refund. Also the blender caught fire and burned my hand.', at: at() });
    expect(conversation(actor)).toBe('commit');
    actor.send({ type: 'complaint.send', at: at() });
    await settle();
    await settle();
    expect(fakes.outbox[0]!.triage.urgency).toBe('critical');
    expect(fakes.outbox[0]!.commitment!.slaHours).toBe(4);
  });

  it('asks for a way to reach the visitor first when none is known', () => {
    const { actor } = start();
    actor.send({ type: 'handoff.request', at: at() });
    expect(conversation(actor)).toEqual({ contact: 'form' });
  });

  it('asking for a person from the contact form does not ask for the details twice', () => {
    const { actor } = start();
    tellAndFinish(actor, SPECIFIC);
    actor.send({ type: 'restate.confirm', at: at() });
    actor.send({ type: 'outcome.choose', kind: 'refund', at: at() });
    actor.send({ type: 'handoff.request', at: at() });
    expect(conversation(actor)).toEqual({ contact: 'form' });
    expect(botLines(actor).filter((k) => k === 'contact.ask')).toHaveLength(1);
    expect(botLines(actor).at(-1)).toBe('handoff.visitor');
  });

  it('escalates a safety or legal complaint straight to a person, saying why', async () => {
    const { actor, fakes } = start(newFakes(), baseInput({ identity: { email: 'ana@example.com' } }));
    tellAndFinish(actor, 'The heater you sold me caught fire last night and burned my hand. My lawyer will be in touch.');
    await settle();
    await settle();
    expect(keys(actor)).toContain('handoff.critical');
    expect(fakes.outbox[0]!.handoff).toMatchObject({ requested: false });
    expect(['critical', 'safety', 'legal']).toContain(fakes.outbox[0]!.handoff!.reason);
    expect(fakes.outbox[0]!.triage.urgency).toBe('critical');
  });

  it('does not escalate when the owner turned escalation off', () => {
    const { actor } = start(newFakes(), baseInput({ options: { escalation: { critical: false, premium: false } } }));
    tellAndFinish(actor, 'The heater you sold me caught fire last night and burned my hand.');
    expect(conversation(actor)).toBe('restate');
  });
});

describe('bad input and events out of place', () => {
  it('ignores events that do not belong to the current step', () => {
    const { actor } = start();
    const before = actor.getSnapshot().context;
    for (const event of [
      { type: 'restate.confirm', at: at() },
      { type: 'outcome.choose', kind: 'refund', at: at() },
      { type: 'contact.submit', contact: { email: 'x@example.com' }, at: at() },
      { type: 'contact.edit', contact: { email: 'typed@example.com' } },
      { type: 'complaint.send', at: at() },
      { type: 'csat.rate', score: 5, at: at() },
      { type: 'complaint.new', id: 'aaaaaaaa-0000-4000-8000-000000000000', reference: 'HRD-BBBBBB', at: at() },
      { type: 'submit.retry', at: at() },
    ] as const) {
      actor.send(event as never);
      expect(conversation(actor)).toBe('greet');
    }
    expect(actor.getSnapshot().context).toEqual(before);
  });

  it('ignores a language it does not speak', () => {
    const { actor } = start();
    actor.send({ type: 'locale.set', locale: 'xx' as never });
    expect(actor.getSnapshot().context.locale).toBe('en');
    actor.send({ type: 'locale.set', locale: 'hu' });
    expect(actor.getSnapshot().context.locale).toBe('hu');
  });

  it('re-frames the restatement in the language the visitor switches to', () => {
    const { actor } = start();
    tellAndFinish(actor, 'Objednávka č. 2024001 prišla rozbitá, kanvica je prasknutá. Zaplatila som 54 €.');
    const before = actor.getSnapshot().context.restatement!.text;
    actor.send({ type: 'locale.set', locale: 'sk' });
    const after = actor.getSnapshot().context;
    expect(after.restatement!.text).not.toBe(before);
    expect(after.restatement!.text).toContain('2024001');
    const line = after.messages.find((m) => m.key === 'restate.check')!;
    expect(line.params!.points).toBe(after.restatement!.text);
    expect(conversation(actor)).toBe('restate');
  });

  it('offers once to switch to the language the visitor writes in', () => {
    const { actor } = start();
    tellAndFinish(actor, 'Pesanan saya #48213 sampai lewat dua minggu dan kotaknya remuk. Saya sudah bayar RM 89.90 untuk pengisar itu.');
    expect(actor.getSnapshot().context.suggestedLocale).toBe('ms');
    actor.send({ type: 'locale.dismiss' });
    actor.send({ type: 'restate.correct', at: at() });
    tellAndFinish(actor, 'Pengisar itu retak.');
    expect(actor.getSnapshot().context.suggestedLocale).toBeNull();
  });

  it('runs headless without provided actors and reports a save failure rather than pretending', async () => {
    const { complaintMachine } = await import('../../widget/src/machine/everyLanguage');
    const actor = createActor(complaintMachine, { input: baseInput({ identity: { email: 'a@example.com' } }) }).start();
    actor.send({ type: 'handoff.request', at: at() });
    await settle();
    expect(actor.getSnapshot().hasTag('saveFailed')).toBe(true);
  });

  it('keeps panel state apart from the conversation', () => {
    const { actor } = start();
    actor.send({ type: 'panel.open' });
    actor.send({ type: 'visitor.say', text: SPECIFIC, at: at() });
    actor.send({ type: 'panel.close' });
    expect(actor.getSnapshot().value).toEqual({ panel: 'closed', conversation: 'listen' });
    void fakeMachine;
  });
});
