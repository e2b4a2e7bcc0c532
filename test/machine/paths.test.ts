import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { ComplaintEvent } from '../../widget/src/machine/events';
import { schemaErrors } from '../support/schema';
import { SPECIFIC, baseInput, fakeMachine, newFakes, settle } from './harness';

const AT = '2026-11-24T10:00:00.000Z';

/** A finite alphabet of visitor actions, good and bad, for walking the machine's graph. */
const EVENTS: ComplaintEvent[] = [
  { type: 'visitor.say', text: SPECIFIC, at: AT },
  { type: 'visitor.say', text: 'not happy', at: AT },
  { type: 'visitor.say', text: 'The kettle caught fire and burned my hand.', at: AT },
  { type: 'visitor.say', text: '   ', at: AT },
  { type: 'visitor.done', at: AT },
  { type: 'clarify.part', part: 'delivery', at: AT },
  { type: 'restate.confirm', at: AT },
  { type: 'restate.correct', at: AT },
  { type: 'outcome.choose', kind: 'refund', at: AT },
  { type: 'outcome.choose', kind: 'discount', at: AT },
  { type: 'outcome.choose', kind: 'bogus' as never, at: AT },
  { type: 'outcome.acceptAlternative', at: AT },
  { type: 'contact.submit', contact: { email: 'nope' }, at: AT },
  { type: 'contact.submit', contact: { name: 'Ana', email: 'ana@example.com' }, at: AT },
  { type: 'complaint.send', at: AT },
  { type: 'handoff.request', at: AT },
];

describe('paths generated from the machine graph', () => {
  const logic = fakeMachine(newFakes());
  const paths = getShortestPaths(logic, {
    input: baseInput(),
    events: EVENTS,
    // Conversation step plus the facts that change what can happen next; the growing message
    // list itself would make every state new.
    serializeState: (snapshot) => {
      const s = snapshot as ReturnType<typeof logic.transition>;
      const c = s.context;
      return JSON.stringify([
        s.value,
        c.clarifyCount,
        Math.min(c.restatement?.corrections ?? 0, 1),
        c.outcome?.offered ?? null,
        c.handoff?.reason ?? null,
        c.contact.email !== '',
        c.triage?.vague ?? null,
        // Which of the alphabet's texts were said (not how often): what triage will see.
        [...new Set(c.messages.filter((m) => m.from === 'visitor' && m.text).map((m) => m.text))].sort(),
      ]);
    },
    serializeEvent: (event) => JSON.stringify(event),
  });

  const submitting = paths.filter((p) => JSON.stringify(p.state.value).includes('submitting'));

  it('reaches submission by many routes, including handoff from many steps', () => {
    expect(paths.length).toBeGreaterThan(30);
    expect(submitting.length).toBeGreaterThan(10);
    expect(submitting.some((p) => p.state.context.handoff?.reason === 'visitor')).toBe(true);
    expect(submitting.some((p) => p.state.context.handoff && p.state.context.handoff.reason !== 'visitor')).toBe(true);
    expect(submitting.some((p) => !p.state.context.handoff)).toBe(true);
  });

  it('every path that submits ends thanked, with exactly one valid record in the outbox', async () => {
    for (const path of submitting) {
      const fakes = newFakes();
      const actor = createActor(fakeMachine(fakes), { input: baseInput() }).start();
      for (const step of path.steps) actor.send(step.event);
      await settle();
      await settle();
      const label = path.steps.map((s) => s.event.type).join(' → ');
      expect(actor.getSnapshot().value.conversation, label).toEqual({ thank: 'idle' });
      expect(fakes.outbox, label).toHaveLength(1);
      expect(schemaErrors(fakes.outbox[0]), label).toBe('');
      expect(fakes.outbox[0]!.messages.length, label).toBeGreaterThan(2);
    }
  });

  it('no path leaves the conversation without a way forward', () => {
    for (const path of paths) {
      const snap = path.state;
      const stuck = !snap.hasTag('busy') && EVENTS.every((e) => !snap.can(e)) && !snap.hasTag('finished');
      expect(stuck, JSON.stringify(snap.value)).toBe(false);
    }
  });
});
