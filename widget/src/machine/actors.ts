import { fromPromise } from 'xstate';
import type { ComplaintContext, DeliveryState, PastStatus } from './context';

/*
 * The machine's side effects, as injected actors. These defaults only fail: the widget provides
 * the real ones (outbox in IndexedDB, delivery over fetch) with `machine.provide({ actors })`,
 * and tests provide fakes. A missing actor therefore shows as "could not save", never as a
 * complaint silently pretended sent.
 */

export interface EnqueueInput {
  context: ComplaintContext;
}
export interface DeliverInput {
  id: string;
}
export interface RateInput {
  complaintId: string;
  score: number;
  at: string;
  statusKey?: string;
}

const notProvided = (name: string) => () => Promise.reject(new Error(`Heard: the ${name} actor was not provided`));

/** Builds the record from the context and puts it in the outbox; resolves once it is stored. */
export const enqueue = fromPromise<void, EnqueueInput>(notProvided('enqueue'));
/** Tries to deliver one outbox item now; resolves with how that went. */
export const deliver = fromPromise<DeliveryState, DeliverInput>(notProvided('deliver'));
/** Stores and sends a satisfaction rating given after the complaint went out. */
export const rateComplaint = fromPromise<void, RateInput>(notProvided('rate'));
/**
 * Reads what became of the visitor's complaints sent from this device to this site (the one just
 * sent included), newest first: each one's latest known status. Failing is harmless: what is
 * shown stays as it was.
 */
export const readStatus = fromPromise<PastStatus[]>(notProvided('readStatus'));
