import { createActor, fromPromise } from 'xstate';
import { en } from '../../widget/src/i18n/catalogs/en';
import { translate } from '../../widget/src/i18n/translate';
import { complaintMachine } from '../../widget/src/machine/everyLanguage';
import type { ComplaintInput, DeliveryState, PastStatus } from '../../widget/src/machine/context';
import type { ComplaintEvent } from '../../widget/src/machine/events';
import { buildRating, buildRecord, type Translator } from '../../widget/src/record/build';
import type { ComplaintRecord, RatingRecord } from '../../widget/src/record/record';

export const T0 = '2026-11-23T10:00:00.000Z';

/** English lines, variant seeded by the conversation id, as the widget renders them. */
export const englishFor = (seed: string): Translator => (key, params) => translate(en, 'en', key, params, seed);

export interface Fakes {
  outbox: ComplaintRecord[];
  ratings: RatingRecord[];
  deliveries: string[];
  /** What the fake endpoint answers. */
  answer: DeliveryState | 'throw';
  /** Makes the outbox fail, as broken storage would. */
  failEnqueue: boolean;
  /** What the status reader finds each time the panel opens (nothing when absent). */
  statuses?: PastStatus[];
}

/** The machine with fake side effects: an in-memory outbox and a scripted delivery. */
export function fakeMachine(fakes: Fakes) {
  return complaintMachine.provide({
    actors: {
      enqueue: fromPromise(async ({ input }) => {
        if (fakes.failEnqueue) throw new Error('disk full');
        const record = buildRecord(input.context, englishFor(input.context.id));
        // Idempotent on id, as the real outbox is.
        if (!fakes.outbox.some((r) => r.id === record.id)) fakes.outbox.push(record);
      }),
      deliver: fromPromise(async ({ input }) => {
        fakes.deliveries.push(input.id);
        if (fakes.answer === 'throw') throw new Error('offline');
        return fakes.answer;
      }),
      rateComplaint: fromPromise(async ({ input }) => {
        // Built as the widget builds it for its outbox.
        fakes.ratings.push(buildRating(input.complaintId, input.score, input.at, input.statusKey));
      }),
      readStatus: fromPromise(async () => fakes.statuses ?? []),
    },
  });
}

export function newFakes(): Fakes {
  return { outbox: [], ratings: [], deliveries: [], answer: 'delivered', failEnqueue: false };
}

export const baseInput = (over: Partial<ComplaintInput> = {}): ComplaintInput => ({
  id: '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e',
  reference: 'HRD-7K3F9Q',
  at: T0,
  locale: 'en',
  page: { url: 'https://shop.example/orders', referrer: null, title: 'Orders' },
  ...over,
});

export function start(fakes = newFakes(), input = baseInput()) {
  const actor = createActor(fakeMachine(fakes), { input });
  actor.start();
  return { actor, fakes };
}

/** Minutes after T0, so every event has its own time. */
let tick = 0;
export const at = (): string => new Date(Date.parse(T0) + ++tick * 60_000).toISOString();

export const conversation = (actor: ReturnType<typeof start>['actor']) => actor.getSnapshot().value.conversation;

/** Lets invoked promise actors settle. */
export const settle = () => new Promise((r) => setTimeout(r, 0));

/** A specific complaint: category, order number and amount, so no follow-up questions. */
export const SPECIFIC =
  'My parcel for order #48213 arrived two weeks late and the box was crushed. The blender inside is cracked and I paid €89.99 for it.';

/** From a new conversation to "Send complaint": a specific complaint, a refund, an email. */
export function sendComplaint(actor: { send(event: ComplaintEvent): void }): void {
  actor.send({ type: 'visitor.say', text: SPECIFIC, at: at() });
  actor.send({ type: 'visitor.done', at: at() });
  actor.send({ type: 'restate.confirm', at: at() });
  actor.send({ type: 'outcome.choose', kind: 'refund', at: at() });
  actor.send({ type: 'contact.submit', contact: { name: 'Ana Lim', email: 'ana@example.com' }, at: at() });
  actor.send({ type: 'complaint.send', at: at() });
}
