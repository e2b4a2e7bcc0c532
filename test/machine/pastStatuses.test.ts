import { describe, expect, it } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import type { PastStatus } from '../../widget/src/machine/context';
import { schemaErrors } from '../support/schema';
import { SPECIFIC, at, baseInput, fakeMachine, newFakes, sendComplaint, settle, type Fakes } from './harness';

/*
 * The status of the visitor's earlier complaints, as the machine holds it: read each time the
 * panel opens, through the injected `readStatus` actor, and never part of the record.
 */

const KEY = 'Ab3_-Ab3_-Ab3_-Ab3_-Ab';

const resolved = (id: string, reference: string, reply = 'A new kettle is on its way.'): PastStatus => ({
  id,
  status: {
    reference,
    status: 'resolved',
    receivedAt: '2026-03-01T09:00:00.000Z',
    resolvedAt: '2026-03-03T14:05:00.000Z',
    dueBy: null,
    dueByReason: null,
    replies: [{ at: '2026-03-03T14:00:00.000Z', text: reply }],
  },
});

const EARLIER = resolved('a0000000-0000-4000-8000-000000000001', 'HRD-AAAAA1');

/** A scripted reader: each read answers with the next entry (an Error rejects; `hang` never settles). */
function scriptedReader(answers: (PastStatus[] | Error | 'hang')[]) {
  const reads: { signal: AbortSignal }[] = [];
  const actor = fromPromise<PastStatus[]>(({ signal }) => {
    const answer = answers[Math.min(reads.length, answers.length - 1)]!;
    reads.push({ signal });
    if (answer === 'hang') return new Promise(() => {});
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  });
  return { actor, reads };
}

function startWith(reader: ReturnType<typeof scriptedReader>, fakes: Fakes = newFakes(), input = baseInput({ statusKey: KEY })) {
  const machine = fakeMachine(fakes).provide({ actors: { readStatus: reader.actor } });
  const actor = createActor(machine, { input });
  actor.start();
  return actor;
}

async function toThanks(actor: ReturnType<typeof startWith>) {
  sendComplaint(actor);
  await settle();
  await settle();
}

describe('the status of earlier complaints', () => {
  it('is read when the visitor opens the panel, and held by the machine', async () => {
    const reader = scriptedReader([[EARLIER]]);
    const actor = startWith(reader);
    expect(reader.reads).toHaveLength(0);
    expect(actor.getSnapshot().context.pastStatuses).toEqual([]);
    actor.send({ type: 'panel.open' });
    expect(reader.reads).toHaveLength(1);
    await settle();
    expect(actor.getSnapshot().context.pastStatuses).toEqual([EARLIER]);
    // The greeting comes after it, unchanged: a new complaint is offered as before.
    expect(actor.getSnapshot().value.conversation).toBe('greet');
  });

  it('is read afresh at every opening, and the newer answer replaces the older', async () => {
    const later = resolved(EARLIER.id, 'HRD-AAAAA1', 'Refunded to your card.');
    const reader = scriptedReader([[EARLIER], [later]]);
    const actor = startWith(reader);
    actor.send({ type: 'panel.open' });
    await settle();
    actor.send({ type: 'panel.close' });
    actor.send({ type: 'panel.open' });
    await settle();
    expect(reader.reads).toHaveLength(2);
    expect(actor.getSnapshot().context.pastStatuses).toEqual([later]);
  });

  it('is read again when the panel is opened while open, the conversation where it was', async () => {
    const sent = resolved('b0000000-0000-4000-8000-000000000002', 'HRD-BBBBB2');
    const reader = scriptedReader([[], [sent]]);
    const actor = startWith(reader);
    actor.send({ type: 'panel.open' });
    await settle();
    await toThanks(actor);
    actor.send({ type: 'panel.open' });
    await settle();
    expect(reader.reads).toHaveLength(2);
    expect(actor.getSnapshot().context.pastStatuses).toEqual([sent]);
    expect(actor.getSnapshot().matches({ panel: 'open' })).toBe(true);
    expect(actor.getSnapshot().hasTag('finished')).toBe(true);
  });

  it('stops reading when the panel closes, and a late answer changes nothing', async () => {
    const reader = scriptedReader(['hang']);
    const actor = startWith(reader);
    actor.send({ type: 'panel.open' });
    const [read] = reader.reads;
    expect(read!.signal.aborted).toBe(false);
    actor.send({ type: 'panel.close' });
    expect(read!.signal.aborted).toBe(true);
    expect(actor.getSnapshot().context.pastStatuses).toEqual([]);
  });

  it('a failing read keeps what was shown and never stops the conversation', async () => {
    const reader = scriptedReader([[EARLIER], new Error('offline')]);
    const actor = startWith(reader);
    actor.send({ type: 'panel.open' });
    await settle();
    actor.send({ type: 'panel.close' });
    actor.send({ type: 'panel.open' });
    await settle();
    expect(actor.getSnapshot().status).toBe('active');
    expect(actor.getSnapshot().context.pastStatuses).toEqual([EARLIER]);
    actor.send({ type: 'visitor.say', text: SPECIFIC, at: at() });
    expect(actor.getSnapshot().value.conversation).toBe('listen');
  });

  it('without a reader (a host that provides none), opening the panel works as before', async () => {
    const actor = createActor(fakeMachine(newFakes()), { input: baseInput() }).start();
    actor.send({ type: 'panel.open' });
    await settle();
    expect(actor.getSnapshot().status).toBe('active');
    expect(actor.getSnapshot().matches({ panel: 'open' })).toBe(true);
    expect(actor.getSnapshot().context.pastStatuses).toEqual([]);
  });

  it('is never part of the record: the agents\' replies do not travel back in the next complaint', async () => {
    const fakes = newFakes();
    const reader = scriptedReader([[resolved(EARLIER.id, 'HRD-AAAAA1', 'Private reply about order 48213')]]);
    const actor = startWith(reader, fakes);
    actor.send({ type: 'panel.open' });
    await settle();
    await toThanks(actor);
    expect(fakes.outbox).toHaveLength(1);
    const record = fakes.outbox[0]!;
    expect(schemaErrors(record)).toBe('');
    expect(JSON.stringify(record)).not.toContain('Private reply');
    expect(JSON.stringify(record)).not.toContain('HRD-AAAAA1');
    expect(record.visitor.statusKey).toBe(KEY);
  });

  it('stays for a new complaint, which gets a status key of its own', async () => {
    const fakes = newFakes();
    const reader = scriptedReader([[EARLIER]]);
    const actor = startWith(reader, fakes);
    actor.send({ type: 'panel.open' });
    await settle();
    await toThanks(actor);
    const second = 'Zz9_-Zz9_-Zz9_-Zz9_-Zz';
    actor.send({ type: 'complaint.new', id: '9a8b7c6d-0000-4000-8000-000000000001', reference: 'HRD-BBBBBB', statusKey: second, at: at() });
    expect(actor.getSnapshot().context.pastStatuses).toEqual([EARLIER]);
    expect(actor.getSnapshot().context.statusKey).toBe(second);
    await toThanks(actor);
    expect(fakes.outbox.map((r) => r.visitor.statusKey)).toEqual([KEY, second]);
  });

  it('comes back with a reloaded conversation, which reads again when opened', async () => {
    const reader = scriptedReader([[EARLIER], []]);
    const actor = startWith(reader);
    actor.send({ type: 'panel.open' });
    await settle();
    actor.send({ type: 'panel.close' });
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();
    const again = scriptedReader([[EARLIER]]);
    const restored = createActor(fakeMachine(newFakes()).provide({ actors: { readStatus: again.actor } }), { snapshot: persisted, input: baseInput() }).start();
    expect(restored.getSnapshot().context.pastStatuses).toEqual([EARLIER]);
    restored.send({ type: 'panel.open' });
    expect(again.reads).toHaveLength(1);
  });

  it('a conversation saved before statuses existed restores, reads when opened, and sends a record without a key', async () => {
    const fakes = newFakes();
    const old = createActor(fakeMachine(fakes), { input: baseInput() }).start();
    old.send({ type: 'visitor.say', text: SPECIFIC, at: at() });
    const persisted = JSON.parse(JSON.stringify(old.getPersistedSnapshot()));
    old.stop();
    delete persisted.context.pastStatuses;
    delete persisted.context.statusKey;
    const reader = scriptedReader([[EARLIER]]);
    const restored = createActor(fakeMachine(fakes).provide({ actors: { readStatus: reader.actor } }), { snapshot: persisted, input: baseInput() }).start();
    restored.send({ type: 'panel.open' });
    await settle();
    expect(restored.getSnapshot().context.pastStatuses).toEqual([EARLIER]);
    restored.send({ type: 'visitor.done', at: at() });
    restored.send({ type: 'restate.confirm', at: at() });
    restored.send({ type: 'outcome.choose', kind: 'refund', at: at() });
    restored.send({ type: 'contact.submit', contact: { email: 'ana@example.com' }, at: at() });
    restored.send({ type: 'complaint.send', at: at() });
    await settle();
    await settle();
    expect(fakes.outbox).toHaveLength(1);
    expect(fakes.outbox[0]!.visitor).not.toHaveProperty('statusKey');
    expect(schemaErrors(fakes.outbox[0])).toBe('');
  });
});
