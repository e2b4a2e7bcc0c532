// @ts-check
/**
 * The durable job types of the store's queue (see SERVER-CONTRACT.md), repeated here for the
 * forwarding code's type checks.
 * @typedef {{ kind: string, payload: Record<string, unknown>, dueAt: string, orderKey?: string | null, complaintId?: string | null, destinationId?: string | null }} JobSpec
 * @typedef {JobSpec & { id: string, status: 'pending' | 'done' | 'failed', attempts: number, lastError: string | null, createdAt: string, updatedAt: string, lockedUntil: string | null }} Job
 */
export {};
