// @ts-check
import { randomBytes, randomUUID } from 'node:crypto';

/**
 * @typedef {import('./store/store.mjs').ComplaintRecord} ComplaintRecord
 * @typedef {import('./store/store.mjs').RatingRecord} RatingRecord
 */

/**
 * A valid complaint record, as the widget would send it, for tests, the crash drill and the
 * ingest bench. `overrides` replace top-level fields; `triage` and `visitor` merge.
 * @param {Partial<Omit<ComplaintRecord, 'triage' | 'visitor'>> & { triage?: Partial<ComplaintRecord['triage']>, visitor?: Partial<ComplaintRecord['visitor']> }} [overrides]
 * @returns {ComplaintRecord}
 */
export function sampleComplaint(overrides = {}) {
  const id = overrides.id ?? randomUUID();
  const submitted = overrides.submittedAt ?? new Date().toISOString();
  const { triage, visitor, ...rest } = overrides;
  return {
    schemaVersion: 1,
    type: 'complaint',
    id,
    reference: `HRD-${id.replace(/-/g, '').slice(0, 6).toUpperCase()}`,
    createdAt: submitted,
    submittedAt: submitted,
    locale: 'en',
    page: { url: 'https://shop.example/kettles', referrer: null, title: 'Kettles' },
    visitor: {
      name: 'Ana Novak',
      email: 'ana@example.com',
      phone: null,
      accountRef: 'ORD-1042',
      followUpConsent: true,
      traits: {},
      previousComplaints: 0,
      ...visitor,
    },
    messages: [
      { from: 'bot', text: 'Hello, I am listening. What happened?', at: submitted },
      { from: 'visitor', text: 'My parcel with order ORD-1042 arrived with the kettle dented.', at: submitted },
    ],
    restatement: { text: 'Your kettle from order ORD-1042 arrived dented.', confirmed: true, corrections: 0 },
    triage: {
      category: 'delivery',
      urgency: 'normal',
      mood: 'upset',
      customerType: 'regular',
      language: 'en',
      signals: [
        { field: 'category', value: 'delivery', cue: 'parcel' },
        { field: 'mood', value: 'upset', cue: 'dented' },
      ],
      entities: { orderRefs: ['ORD-1042'], emails: [], phones: [], amounts: [], dates: [] },
      ...triage,
    },
    desiredOutcome: { kind: 'replacement', detail: null, offered: true, alternative: null },
    commitment: {
      action: 'We will send a replacement kettle.',
      dueBy: new Date(Date.parse(submitted) + 48 * 3600_000).toISOString(),
      slaHours: 48,
    },
    followUpAt: null,
    handoff: null,
    csat: null,
    transcriptText: 'Visitor: My parcel with order ORD-1042 arrived with the kettle dented.',
    ...rest,
  };
}

/**
 * A rating for a complaint, as the widget sends it after the complaint.
 * @param {string} complaintId
 * @param {1 | 2 | 3 | 4 | 5} csat
 * @param {string} [statusKey] the complaint's status key, which a widget's rating carries
 * @returns {RatingRecord}
 */
export function sampleRating(complaintId, csat, statusKey) {
  return { schemaVersion: 1, type: 'rating', id: `${complaintId}:csat`, complaintId, csat, at: new Date().toISOString(), ...(statusKey ? { statusKey } : {}) };
}

/** A status key as the widget makes one (128 random bits, base64url), for a complaint's visitor. */
export function sampleStatusKey() {
  return randomBytes(16).toString('base64url');
}
