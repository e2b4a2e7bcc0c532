import { describe, expect, it } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { translate } from '../../widget/src/i18n/translate';
import { en } from '../../widget/src/i18n/catalogs/en';
import type { ChatMessage } from '../../widget/src/machine/context';
import { at, baseInput, conversation, fakeMachine, newFakes, sendComplaint, settle, start } from './harness';

/*
 * The receiver triages again and its queue shows its own date: the thanks line says that one,
 * whether the answer comes at once or once the visitor is back online, and a date that moved
 * later is told.
 */

type Actor = ReturnType<typeof start>['actor'];


const said = (actor: Actor) =>
  actor.getSnapshot().context.messages.map((m: ChatMessage) => (m.key ? translate(en, 'en', m.key, m.params, actor.getSnapshot().context.id) : m.text));
const thanksLine = (actor: Actor) => said(actor).find((line) => line?.startsWith('Your reference is'));
/** A complaint sent while offline: thanked with the widget's own estimate. */
async function sentOffline(): Promise<Actor> {
  const fakes = newFakes();
  fakes.answer = 'queued';
  const { actor } = start(fakes);
  sendComplaint(actor);
  await settle();
  return actor;
}
const hours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();

describe("the receiver's receipt", () => {
  it('offline, the thanks line says the widget\'s own estimate, then the server\'s reference and later date, and that it moved', async () => {
    const actor = await sentOffline();
    expect(conversation(actor)).toEqual({ thank: 'idle' });
    const estimate = actor.getSnapshot().context.commitment!.dueBy;
    expect(thanksLine(actor)).toContain('HRD-7K3F9Q');
    const later = hours(estimate, 48);
    actor.send({ type: 'complaint.receipt', id: actor.getSnapshot().context.id, reference: 'HRD-SRV001', dueBy: later, at: at() });
    const snap = actor.getSnapshot();
    expect(snap.context.reference).toBe('HRD-SRV001');
    expect(snap.context.commitment!.dueBy).toBe(later);
    const line = thanksLine(actor)!;
    expect(line).toContain('HRD-SRV001');
    expect(line).not.toContain('HRD-7K3F9Q');
    expect(snap.context.messages.filter((m) => m.key === 'thank.later')).toHaveLength(1);
    expect(said(actor).at(-1)).toMatch(/needs longer than we said: we will be in touch by/);
  });

  it('an earlier date from the server replaces the estimate without a word about a change', async () => {
    const actor = await sentOffline();
    const sooner = hours(actor.getSnapshot().context.commitment!.dueBy, -20);
    actor.send({ type: 'complaint.receipt', id: actor.getSnapshot().context.id, reference: 'HRD-7K3F9Q', dueBy: sooner, at: at() });
    expect(actor.getSnapshot().context.commitment!.dueBy).toBe(sooner);
    expect(actor.getSnapshot().context.messages.some((m) => m.key === 'thank.later')).toBe(false);
  });

  it('answered at once, the thanks line is said with the server\'s reference and date from the start', async () => {
    const fakes = newFakes();
    const machine = fakeMachine(fakes).provide({
      actors: {
        deliver: fromPromise(async ({ input }) => {
          // The delivery tells of the receipt before the send resolves, as the real one does.
          actor.send({ type: 'complaint.receipt', id: input.id, reference: 'HRD-SRV002', dueBy: '2026-11-23T14:00:00.000Z', at: at() });
          return 'delivered' as const;
        }),
      },
    });
    const actor = createActor(machine, { input: baseInput() });
    actor.start();
    sendComplaint(actor);
    await settle();
    await settle();
    expect(conversation(actor)).toEqual({ thank: 'idle' });
    const line = thanksLine(actor)!;
    expect(line).toContain('HRD-SRV002');
    expect(line).toContain(new Intl.DateTimeFormat('en', { weekday: 'long', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(Date.parse('2026-11-23T14:00:00.000Z')));
  });

  it("another complaint's receipt, or one with no date, leaves this one's date as it was", async () => {
    const actor = await sentOffline();
    const before = actor.getSnapshot().context;
    actor.send({ type: 'complaint.receipt', id: '00000000-0000-4000-8000-000000000000', reference: 'HRD-OTHER1', dueBy: hours(before.commitment!.dueBy, 5), at: at() });
    expect(actor.getSnapshot().context).toBe(before);
    actor.send({ type: 'complaint.receipt', id: before.id, reference: 'HRD-SRV003', dueBy: null, at: at() });
    expect(actor.getSnapshot().context.commitment!.dueBy).toBe(before.commitment!.dueBy);
    expect(actor.getSnapshot().context.reference).toBe('HRD-SRV003');
  });
});
