import { assign, setup } from 'xstate';
import * as A from './actions';
import { deliver, enqueue, rateComplaint } from './actors';
import type { ComplaintContext, ComplaintInput, DeliveryState, InputError } from './context';
import type { ComplaintEvent } from './events';
import * as G from './guards';

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

/** An empty or overlong message is refused where it was typed, with an error beside it. */
const refuseBadMessage = [
  { guard: 'isEmptyMessage', actions: 'setEmptyError' },
  { guard: 'isTooLong', actions: 'setTooLongError' },
  { guard: 'isConversationFull', actions: 'setFullError' },
] as const;

const handoffByVisitor = {
  guard: 'isNotHandingOff',
  target: '#complaint.conversation.handoff',
  actions: 'handoffByVisitor',
} as const;

/**
 * The complaint script. `panel` (open/closed) runs in parallel with the conversation:
 * greet → listen → (clarify)* → restate ⇄ listen → empathise → askOutcome → contact → commit →
 * submitting → thank, with handoff from every conversational state.
 */
export const complaintMachine = setup({
  types: {
    context: {} as ComplaintContext,
    events: {} as ComplaintEvent,
    input: {} as ComplaintInput,
    tags: {} as ComplaintTag,
  },
  actors: { enqueue, deliver, rateComplaint },
  guards: {
    isEmptyMessage: G.isEmptyMessage,
    isTooLong: G.isTooLong,
    isConversationFull: G.isConversationFull,
    hasToldSomething: G.hasToldSomething,
    needsEscalation: G.needsEscalation,
    isVague: G.isVague,
    hasNothingToRestate: G.hasNothingToRestate,
    isUnknownOutcome: (args) => !G.isKnownOutcome(args),
    lacksOutcomeDetail: (args) => !G.hasOutcomeDetail(args),
    isOffered: G.isOffered,
    asksUnofferedOutcome: G.asksUnofferedOutcome,
    canAcceptAlternative: ({ context }) => !!context.outcome && !context.outcome.offered && !!context.outcome.alternative,
    hasContact: G.hasContact,
    isValidContact: G.isValidContact,
    isHandingOff: G.isHandingOff,
    isNotHandingOff: (args) => !G.isHandingOff(args),
    isValidRating: G.isValidRating,
    isNewLocale: G.isNewLocale,
  },
  actions: {
    greet: assign(({ context }) => A.greet(context)),
    addVisitorMessage: assign(({ context, event }) => A.addVisitorMessage(context, event)),
    addClarifyPart: assign(({ context, event }) => A.addClarifyPart(context, event)),
    identify: assign(({ context, event }) => A.identify(context, event)),
    runTriage: assign(({ context }) => A.runTriage(context)),
    setLocale: assign(({ context, event }) => A.setLocale(context, event)),
    dismissLocale: assign({ suggestedLocale: null }),
    askClarify: assign(({ context, event }) => A.askClarify(context, atOf(context, event))),
    restate: assign(({ context, event }) => A.restateComplaint(context, atOf(context, event))),
    confirmRestatement: assign(({ context, event }) => A.confirmRestatement(context, atOf(context, event))),
    correctRestatement: assign(({ context, event }) => A.correctRestatement(context, atOf(context, event))),
    noteCorrection: assign(({ context }) => A.noteCorrection(context)),
    sayStorageFailed: assign(({ context, event }) => A.sayStorageFailed(context, atOf(context, event))),
    empathise: assign(({ context, event }) => A.empathise(context, atOf(context, event))),
    chooseOutcome: assign(({ context, event }) => A.chooseOutcome(context, event)),
    chooseOutcomeFromWords: assign(({ context, event }) => A.chooseOutcomeFromWords(context, event)),
    acceptAlternative: assign(({ context, event }) => A.acceptAlternative(context, atOf(context, event))),
    askContact: assign(({ context, event }) => A.askContact(context, atOf(context, event))),
    saveContact: assign(({ context, event }) => A.saveContact(context, event)),
    editContact: assign(({ context, event }) => A.editContact(context, event)),
    commit: assign(({ context, event }) => A.commit(context, atOf(context, event))),
    handoffByVisitor: assign(({ context, event }) => A.startHandoff(context, 'visitor', atOf(context, event))),
    escalate: assign(({ context, event }) => A.startHandoff(context, A.escalationReason(context), atOf(context, event))),
    markSubmitted: assign(({ context, event }) => A.markSubmitted(context, atOf(context, event))),
    // The done event of `deliver` carries its output; the machine's event type does not list
    // actor events, hence the narrow cast.
    thankWithResult: assign(({ context, event }) =>
      A.thank(context, (event as unknown as { output: DeliveryState }).output ?? 'queued'),
    ),
    thankQueued: assign(({ context }) => A.thank(context, 'queued')),
    rate: assign(({ context, event }) => A.rate(context, event)),
    newComplaint: assign(({ context, event }) => A.newComplaint(context, event)),
    setEmptyError: assign({ error: 'empty' as InputError }),
    setTooLongError: assign({ error: 'tooLong' as InputError }),
    setFullError: assign({ error: 'full' as InputError }),
    setOutcomeError: assign({ error: 'outcome' as InputError }),
    setOtherDetailError: assign({ error: 'otherDetail' as InputError }),
    setRatingError: assign({ error: 'rating' as InputError }),
    clearError: assign({ error: null }),
  },
}).createMachine({
  id: 'complaint',
  type: 'parallel',
  context: ({ input }) => A.initialContext(input),
  states: {
    panel: {
      initial: 'closed',
      states: {
        closed: { on: { 'panel.open': 'open' } },
        open: { on: { 'panel.close': 'closed' } },
      },
    },
    conversation: {
      initial: 'greet',
      on: {
        'visitor.identify': { actions: 'identify' },
        'locale.set': { guard: 'isNewLocale', actions: 'setLocale' },
        'locale.dismiss': { actions: 'dismissLocale' },
      },
      states: {
        greet: {
          entry: 'greet',
          tags: ['awaitingVisitor', 'canHandoff'],
          on: {
            'visitor.say': [
              ...refuseBadMessage,
              { target: 'listen', actions: 'addVisitorMessage' },
            ],
            'handoff.request': handoffByVisitor,
          },
        },
        listen: {
          tags: ['awaitingVisitor', 'canFinish', 'canHandoff'],
          on: {
            'visitor.say': [
              ...refuseBadMessage,
              { actions: 'addVisitorMessage' },
            ],
            'visitor.done': [{ guard: 'hasToldSomething', target: 'evaluate' }, { actions: 'setEmptyError' }],
            'handoff.request': handoffByVisitor,
          },
        },
        evaluate: {
          entry: ['clearError', 'runTriage'],
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
            'visitor.say': [
              ...refuseBadMessage,
              { target: 'evaluate', actions: 'addVisitorMessage' },
            ],
            'clarify.part': { target: 'evaluate', actions: 'addClarifyPart' },
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
            'visitor.say': [
              ...refuseBadMessage,
              { target: 'listen', actions: ['noteCorrection', 'addVisitorMessage'] },
            ],
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
              { guard: 'isUnknownOutcome', actions: 'setOutcomeError' },
              { guard: 'lacksOutcomeDetail', actions: 'setOtherDetailError' },
              { guard: 'isOffered', target: 'contact', actions: 'chooseOutcome' },
              { actions: 'chooseOutcome' },
            ],
            'outcome.acceptAlternative': { guard: 'canAcceptAlternative', target: 'contact', actions: 'acceptAlternative' },
            // Words typed here are read for what they ask ("my money back" is a refund); what
            // the owner cannot offer brings the next best thing, anything else is "something
            // else", in their own words.
            'visitor.say': [
              ...refuseBadMessage,
              { guard: 'asksUnofferedOutcome', actions: 'chooseOutcomeFromWords' },
              { target: 'contact', actions: 'chooseOutcomeFromWords' },
            ],
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
                  { actions: 'saveContact' },
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
          entry: 'commit',
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
                  actions: 'thankWithResult',
                },
                onError: {
                  target: '#complaint.conversation.thank',
                  actions: 'thankQueued',
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
                  { actions: 'setRatingError' },
                ],
              },
            },
            rating: {
              invoke: {
                src: 'rateComplaint',
                input: ({ context }) => ({ complaintId: context.id, score: context.csat ?? 0, at: atOf(context, { type: 'locale.dismiss' }) }),
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
