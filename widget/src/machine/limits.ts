/*
 * How much the visitor may write, in one place: the machine refuses more, and the UI sizes its
 * controls and counters from the same numbers.
 */

/** Longest single message the visitor may send; the composer shows a counter near it. */
export const MAX_MESSAGE_LENGTH = 5000;
/** Longest "something else" answer to "what would make it right?". */
export const MAX_OUTCOME_DETAIL_LENGTH = 2000;
/** Follow-up questions asked at most when a complaint is vague (design: at most two). */
export const MAX_CLARIFY = 2;
/** Messages a conversation may hold: far above any real complaint, below the schema's cap. */
export const MAX_MESSAGES = 400;
/**
 * Characters the visitor may write in one conversation: ten full messages, far above any real
 * complaint, and small enough that the record (whose transcript repeats every line) stays well
 * under a receiver's body limit (the reference receiver's default is 1 MiB).
 */
export const MAX_CONVERSATION_CHARS = 50_000;
/** Longest contact value kept; longer input is refused, not cut. */
export const MAX_CONTACT_LENGTH = 200;
/**
 * Longest contact value kept while it is being typed (checked against `MAX_CONTACT_LENGTH`
 * only on submit): room to paste and trim, without letting a draft grow without bound.
 */
export const MAX_TYPED_CONTACT_LENGTH = 1000;
