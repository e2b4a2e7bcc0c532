import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { ComplaintEvent } from '../../widget/src/machine/events';
import { SPECIFIC, baseInput, fakeMachine, newFakes, settle } from './harness';

const t = (minute: number) => new Date(Date.parse('2026-11-24T10:00:00.000Z') + minute * 60_000).toISOString();

/** A whole conversation with every kind of step: vague start, clarify, correction, alternative. */
const SCRIPT: ComplaintEvent[] = [
  { type: 'panel.open' },
  { type: 'visitor.say', text: 'not happy', at: t(1) },
  { type: 'visitor.done', at: t(2) },
  { type: 'visitor.say', text: SPECIFIC, at: t(3) },
  { type: 'restate.correct', at: t(4) },
  { type: 'visitor.say', text: 'Also the lid was missing.', at: t(5) },
  { type: 'visitor.done', at: t(6) },
  { type: 'restate.confirm', at: t(7) },
  { type: 'outcome.choose', kind: 'discount', at: t(8) },
  { type: 'outcome.acceptAlternative', at: t(9) },
  { type: 'contact.submit', contact: { name: 'Ana', email: 'bad@', followUpConsent: true }, at: t(10) },
  { type: 'contact.submit', contact: { name: 'Ana', email: 'ana@example.com', followUpConsent: true }, at: t(11) },
  { type: 'complaint.send', at: t(12) },
];

async function run(events: ComplaintEvent[], from?: unknown) {
  const fakes = newFakes();
  const actor = createActor(fakeMachine(fakes), from ? { snapshot: from as never, input: baseInput() } : { input: baseInput() });
  actor.start();
  for (const e of events) {
    actor.send(e);
    await settle();
  }
  await settle();
  await settle();
  return { actor, fakes };
}

describe('a reload at any step', () => {
  it('restores the same step and messages, and finishes with the identical record', async () => {
    const whole = await run(SCRIPT);
    expect(whole.actor.getSnapshot().value.conversation).toEqual({ thank: 'idle' });
    expect(whole.fakes.outbox).toHaveLength(1);
    const reference = whole.fakes.outbox[0]!;

    for (let k = 0; k <= SCRIPT.length; k++) {
      const before = await run(SCRIPT.slice(0, k));
      const snap = before.actor.getSnapshot();
      // IndexedDB stores a structured clone; JSON is stricter and proves it is plain data.
      const persisted = JSON.parse(JSON.stringify(before.actor.getPersistedSnapshot()));
      before.actor.stop();

      const after = createActor(fakeMachine(newFakes()), { snapshot: persisted, input: baseInput() }).start();
      expect(after.getSnapshot().value).toEqual(snap.value);
      expect(after.getSnapshot().context.messages).toEqual(snap.context.messages);
      after.stop();

      const resumed = await run(SCRIPT.slice(k), persisted);
      const outbox = [...before.fakes.outbox, ...resumed.fakes.outbox];
      expect(new Set(outbox.map((r) => r.id)).size, `stopped after ${k} events`).toBe(1);
      expect(resumed.actor.getSnapshot().value.conversation).toEqual({ thank: 'idle' });
      expect(outbox[outbox.length - 1], `stopped after ${k} events`).toEqual(reference);
    }
  });

  it('resumes saving a complaint interrupted between "send" and the outbox', async () => {
    const fakes = newFakes();
    const actor = createActor(fakeMachine(fakes), { input: baseInput() }).start();
    for (const e of SCRIPT) {
      actor.send(e);
      if (e.type !== 'complaint.send') await settle();
    }
    // Persisted synchronously after "send": the outbox write has not happened yet.
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();
    const again = newFakes();
    const restored = createActor(fakeMachine(again), { snapshot: persisted, input: baseInput() }).start();
    await settle();
    await settle();
    expect(restored.getSnapshot().value.conversation).toEqual({ thank: 'idle' });
    expect(again.outbox).toHaveLength(1);
  });
});
