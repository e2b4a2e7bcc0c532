import { assign, createMachine, type setup } from 'xstate';

/**
 * `setup(…).createMachine(…)`, typed the same, without the rest of what `setup` returns: its
 * object of every action creator (`sendTo`, `raise`, `emit`, `enqueueActions`, …) keeps them all
 * in the widget's download even though the script uses none of them. Only `createMachine` is there.
 */
const setupMachine = ((implementations: Parameters<typeof setup>[0]) => ({
  createMachine: (config: object) => createMachine({ ...config, schemas: implementations.schemas } as never, implementations as never),
})) as unknown as typeof setup;
import * as A from './actions';
import { deliver, enqueue, rateComplaint, readStatus } from './actors';
import type { ComplaintContext, ComplaintInput, DeliveryState, InputError, PastStatus } from './context';
import type { ComplaintEvent } from './events';
import * as G from './guards';
import type { Vocabulary } from '../triage/vocabulary';

/** Tags the UI reads with `snapshot.hasTag()`, instead of recomputing the rules. */
export type ComplaintTag =
  | 'awaitingVisitor' // the composer is open for the visitor's words
  | 'canFinish' // "That's everything" makes sense
  | 'canHandoff' // "Talk to a person" is offered
  | 'confirming' // restatement shown: yes / not quite
  | 'choosingOutcome'
  | 'contactForm'
  | 'reviewing' // commitment shown: send
  | 'busy' // saving or sending
  | 'saveFailed'
  | 'finished'; // thanked: rating and a new complaint possible

/** The time of the event that caused a change, falling back to the last known time. */
function atOf(context: ComplaintContext, event: ComplaintEvent): string {
  if ('at' in event && typeof event.at === 'string') return event.at;
  return context.messages[context.messages.length - 1]?.at ?? context.createdAt;
}

type Patch = Partial<ComplaintContext>;
type EventOf<T extends ComplaintEvent['type']> = Extract<ComplaintEvent, { type: T }>;

/** An action from a pure function of the context and the event. */
const withEvent = <E extends ComplaintEvent>(f: (context: ComplaintContext, event: E) => Patch) =>
  assign<ComplaintContext, ComplaintEvent, undefined, ComplaintEvent, never>(({ context, event }) => f(context, event as E));

/** An action from a pure function of the context and the time of the event. */
const withAt = (f: (context: ComplaintContext, at: string) => Patch) =>
  withEvent((context, event) => f(context, atOf(context, event)));

/** An empty or overlong message is refused where it was typed, with an error beside it. */
const refuseBadMessage = { guard: 'isRefusedMessage', actions: 'refuseMessage' } as const;

/** What the visitor's words do in a step: refused when bad, else the first of `taken` that applies. */
const onWords = <const T extends readonly object[]>(...taken: T) => [refuseBadMessage, ...taken] as const;

const handoffByVisitor = {
  guard: 'isNotHandingOff',
  target: '#complaint.conversation.handoff',
  // Whatever step they leave from, the record carries the triage of all they wrote, and the
  // date promised follows from it.
  actions: ['runTriage', 'handoffByVisitor'],
} as const;

/** The machine's side effects, as `machine.provide({ actors })` would replace them. */
export interface ComplaintImplementations {
  actors?: Partial<{ enqueue: typeof enqueue; deliver: typeof deliver; rateComplaint: typeof rateComplaint; readStatus: typeof readStatus }>;
}

/**
 * The complaint script (docs/script.md). `panel` (open/closed) runs in parallel with the
 * conversation: greet → listen → (clarify)* → restate ⇄ listen → empathise → askOutcome →
 * contact → commit → submitting → thank, with handoff from every conversational state.
 *
 * @param vocabulary the words triage, the restatement and outcome reading understand: the
 *   widget's grows as language packs arrive; the package's has every language
 * @param implementations side effects to use instead of the defaults (which only fail): the
 *   same as `.provide({ actors })`, without building the machine twice
 */
export function createComplaintMachine(vocabulary: Vocabulary, { actors }: ComplaintImplementations = {}) {
  return setupMachine({
  types: {
    context: {} as ComplaintContext,
    events: {} as ComplaintEvent,
    input: {} as ComplaintInput,
    tags: {} as ComplaintTag,
  },
  actors: { enqueue, deliver, rateComplaint, readStatus, ...actors },
  guards: {
    isRefusedMessage: (args) => !!G.messageError(args),
    hasToldSomething: G.hasToldSomething,
    needsEscalation: G.needsEscalation,
    isVague: G.isVague,
      hasNothingToRestate: (args) => G.hasNothingToRestate(args, vocabulary),
    isUnknownOutcome: (args) => !G.isKnownOutcome(args),
    lacksOutcomeDetail: (args) => !G.hasOutcomeDetail(args),
      isOffered: (args) => G.isOffered(args, vocabulary),
      asksUnofferedOutcome: (args) => G.asksUnofferedOutcome(args, vocabulary),
    canAcceptAlternative: G.canAcceptAlternative,
    isAskingWhichPart: G.isAskingWhichPart,
    hasContact: G.hasContact,
    isValidContact: G.isValidContact,
    isHandingOff: G.isHandingOff,
    isNotHandingOff: (args) => !G.isHandingOff(args),
    isValidRating: G.isValidRating,
    isUnrated: G.isUnrated,
    isNewLocale: G.isNewLocale,
    isOwnReceipt: G.isOwnReceipt,
  },
  actions: {
    greet: withEvent(A.greet),
    addVisitorMessage: withEvent(A.addVisitorMessage),
    addClarifyPart: withEvent(A.addClarifyPart),
    identify: withEvent(A.identify),
      runTriage: withEvent((context) => A.runTriage(context, vocabulary)),
      setLocale: withEvent((context, event: EventOf<'locale.set'>) => A.setLocale(context, event, vocabulary)),
    dismissLocale: assign({ suggestedLocale: null }),
    notePreviousReference: withEvent(A.notePreviousReference),
    askClarify: withAt(A.askClarify),
      restate: withAt((context, at) => A.restateComplaint(context, at, vocabulary)),
    confirmRestatement: withAt(A.confirmRestatement),
    correctRestatement: withAt(A.correctRestatement),
    noteCorrection: withEvent(A.noteCorrection),
    sayStorageFailed: withAt(A.sayStorageFailed),
    empathise: withAt(A.empathise),
      chooseOutcome: withEvent((context, event: EventOf<'outcome.choose'>) => A.chooseOutcome(context, event, vocabulary)),
      chooseOutcomeFromWords: withEvent((context, event: EventOf<'visitor.say'>) => A.chooseOutcomeFromWords(context, event, vocabulary)),
    acceptAlternative: withAt(A.acceptAlternative),
    askContact: withAt(A.askContact),
    saveContact: withEvent(A.saveContact),
    refuseContact: withEvent(A.refuseContact),
    editContact: withEvent(A.editContact),
    commit: withAt(A.commit),
    handoffByVisitor: withAt((context, at) => A.startHandoff(context, 'visitor', at)),
    escalate: withAt((context, at) => A.startHandoff(context, A.escalationReason(context), at)),
    markSubmitted: withAt(A.markSubmitted),
    thank: assign(({ context }, delivery: DeliveryState) => A.thank(context, delivery)),
    rate: withEvent(A.rate),
    takeReceipt: withEvent(A.takeReceipt),
    newComplaint: withEvent(A.newComplaint),
    noteStatuses: assign((_, pastStatuses: PastStatus[]) => ({ pastStatuses })),
    refuseMessage: assign(({ context, event }) => ({ error: G.messageError({ context, event }) })),
    setError: assign((_, error: InputError | null) => ({ error })),
  },
  }).createMachine({
  id: 'complaint',
  type: 'parallel',
  context: ({ input }) => A.initialContext(input),
  states: {
    panel: {
      initial: 'closed',
      // Opening an open panel enters it again, and so reads again (a complaint just delivered).
      on: { 'panel.open': '.open' },
      states: {
        closed: {},
        open: {
          on: { 'panel.close': 'closed' },
          // Each time the visitor opens the panel, what became of their earlier complaints is
          // read afresh; closing it cancels the read. A failed read changes nothing on screen.
          invoke: {
            src: 'readStatus',
            onDone: { actions: { type: 'noteStatuses', params: ({ event }) => event.output } },
            onError: {},
          },
        },
      },
    },
    conversation: {
      initial: 'greet',
      on: {
        'visitor.identify': { actions: 'identify' },
        'locale.set': { guard: 'isNewLocale', actions: 'setLocale' },
        'locale.dismiss': { actions: 'dismissLocale' },
        // Whenever it comes (at once, or once back online), the receiver's word stands.
        'complaint.receipt': { guard: 'isOwnReceipt', actions: 'takeReceipt' },
        'complaint.continues': { actions: 'notePreviousReference' },
      },
      states: {
        greet: {
          entry: 'greet',
          tags: ['awaitingVisitor', 'canHandoff'],
          on: {
            'visitor.say': onWords({ target: 'listen', actions: 'addVisitorMessage' }),
            'handoff.request': handoffByVisitor,
          },
        },
        listen: {
          tags: ['awaitingVisitor', 'canFinish', 'canHandoff'],
          on: {
            'visitor.say': onWords({ actions: 'addVisitorMessage' }),
            'visitor.done': [{ guard: 'hasToldSomething', target: 'evaluate' }, { actions: { type: 'setError', params: 'empty' } }],
            'handoff.request': handoffByVisitor,
          },
        },
        evaluate: {
          entry: [{ type: 'setError', params: null }, 'runTriage'],
          always: [
            { guard: 'needsEscalation', target: 'handoff', actions: 'escalate' },
            { guard: 'isVague', target: 'clarify' },
            // Nothing left to restate once insults are dropped: go on to the apology.
            { guard: 'hasNothingToRestate', target: 'empathise' },
            { target: 'restate' },
          ],
        },
        clarify: {
          entry: 'askClarify',
          tags: ['awaitingVisitor', 'canHandoff'],
          on: {
            'visitor.say': onWords({ target: 'evaluate', actions: 'addVisitorMessage' }),
            // Only as the answer to "which part was it?": the part buttons show when this is
            // possible (`snapshot.can`).
            'clarify.part': { guard: 'isAskingWhichPart', target: 'evaluate', actions: 'addClarifyPart' },
            'handoff.request': handoffByVisitor,
          },
        },
        restate: {
          entry: 'restate',
          tags: ['confirming', 'awaitingVisitor', 'canHandoff'],
          on: {
            'restate.confirm': { target: 'empathise', actions: 'confirmRestatement' },
            'restate.correct': { target: 'listen', actions: 'correctRestatement' },
            // Typing instead of choosing is a correction in their own words.
            'visitor.say': onWords({ target: 'listen', actions: ['noteCorrection', 'addVisitorMessage'] }),
            'handoff.request': handoffByVisitor,
          },
        },
        empathise: {
          entry: 'empathise',
          always: 'askOutcome',
        },
        askOutcome: {
          tags: ['choosingOutcome', 'awaitingVisitor', 'canHandoff'],
          on: {
            'outcome.choose': [
              { guard: 'isUnknownOutcome', actions: { type: 'setError', params: 'outcome' } },
              { guard: 'lacksOutcomeDetail', actions: { type: 'setError', params: 'otherDetail' } },
              { guard: 'isOffered', target: 'contact', actions: 'chooseOutcome' },
              { actions: 'chooseOutcome' },
            ],
            'outcome.acceptAlternative': { guard: 'canAcceptAlternative', target: 'contact', actions: 'acceptAlternative' },
            // Words typed here are read for what they ask ("my money back" is a refund); what
            // the owner cannot offer brings the next best thing, anything else is "something
            // else", in their own words.
            'visitor.say': onWords(
              { guard: 'asksUnofferedOutcome', actions: 'chooseOutcomeFromWords' },
              { target: 'contact', actions: 'chooseOutcomeFromWords' },
            ),
            'handoff.request': handoffByVisitor,
          },
        },
        contact: {
          initial: 'check',
          states: {
            check: {
              always: [{ guard: 'hasContact', target: 'done' }, { target: 'form' }],
            },
            form: {
              entry: 'askContact',
              tags: ['contactForm', 'canHandoff'],
              on: {
                'contact.edit': { actions: 'editContact' },
                'contact.submit': [
                  { guard: 'isValidContact', target: 'done', actions: 'saveContact' },
                  { actions: 'refuseContact' },
                ],
              },
            },
            done: {
              always: [
                { guard: 'isHandingOff', target: '#complaint.conversation.submitting', actions: 'markSubmitted' },
                { target: '#complaint.conversation.commit' },
              ],
            },
          },
          on: { 'handoff.request': handoffByVisitor },
        },
        commit: {
          // Words typed since the last triage (an outcome in their own words) count too.
          entry: ['runTriage', 'commit'],
          tags: ['reviewing', 'canHandoff'],
          on: {
            'complaint.send': { target: 'submitting', actions: 'markSubmitted' },
            'handoff.request': handoffByVisitor,
          },
        },
        handoff: {
          always: '#complaint.conversation.contact',
        },
        submitting: {
          initial: 'saving',
          tags: ['busy'],
          states: {
            // The record is in the outbox before any attempt to send it: a closed tab or a dead
            // network after this point loses nothing.
            saving: {
              invoke: {
                src: 'enqueue',
                input: ({ context }) => ({ context }),
                onDone: 'sending',
                onError: '#complaint.conversation.saveFailed',
              },
            },
            sending: {
              invoke: {
                src: 'deliver',
                input: ({ context }) => ({ id: context.id }),
                onDone: {
                  target: '#complaint.conversation.thank',
                  actions: { type: 'thank', params: ({ event }) => event.output ?? 'queued' },
                },
                onError: {
                  target: '#complaint.conversation.thank',
                  actions: { type: 'thank', params: 'queued' },
                },
              },
            },
          },
        },
        saveFailed: {
          entry: 'sayStorageFailed',
          tags: ['saveFailed'],
          on: { 'submit.retry': 'submitting' },
        },
        thank: {
          tags: ['finished'],
          initial: 'idle',
          states: {
            idle: {
              on: {
                'csat.rate': [
                  { guard: 'isValidRating', target: 'rating', actions: 'rate' },
                  // Once rated, the same score again is no change, nor an error to point at.
                  { guard: 'isUnrated', actions: { type: 'setError', params: 'rating' } },
                ],
              },
            },
            rating: {
              // A change of mind while the last one is being sent sends the new one instead.
              on: { 'csat.rate': { guard: 'isValidRating', target: 'rating', reenter: true, actions: 'rate' } },
              invoke: {
                src: 'rateComplaint',
                input: ({ context }) => ({ complaintId: context.id, score: context.csat ?? 0, at: atOf(context, { type: 'locale.dismiss' }), statusKey: context.statusKey }),
                onDone: 'idle',
                onError: 'idle',
              },
            },
          },
          on: {
            'complaint.new': { target: 'greet', actions: 'newComplaint', reenter: true },
          },
        },
      },
    },
  },
  });
}

/** The complaint machine, as `createComplaintMachine` makes it. */
export type ComplaintMachine = ReturnType<typeof createComplaintMachine>;
