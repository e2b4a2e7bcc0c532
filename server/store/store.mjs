// @ts-check
/**
 * The storage interface the receiver, the agents' API and the jobs use. Two implementations
 * provide it: SQLite (`sqlite/`, embedded, the default) and PostgreSQL (`postgres/`, for
 * several instances); `index.mjs` picks one. Every method returns a Promise. One conformance
 * suite (`test/server/store/conformance.ts`) runs against both. This module holds only the
 * shared types.
 */

/**
 * @typedef {{ kind: string, destinationId: string | null, later: boolean, count: number }} WaitingJobs
 *   `later`: not due yet (a check or email scheduled for a date to come); else due, or retrying.
 */

/**
 * @typedef {import('heard').ComplaintRecord} ComplaintRecord
 * @typedef {import('heard').RatingRecord} RatingRecord
 * @typedef {ComplaintRecord | RatingRecord} Deliverable
 * @typedef {ComplaintRecord['triage']['urgency']} Urgency
 */

/**
 * What the receiver answered for a record the first time; a replay gets it again. A complaint's
 * `reference` is the one it is stored under: the record's own, or a fresh one when another
 * complaint already has it (a rating's is null). `dueBy` is a complaint's stored commitment, the
 * date the queue shows (receipts given before it was added have none).
 * @typedef {{ id: string, reference: string | null, receivedAt: string, dueBy?: string | null }} Receipt
 */

/**
 * @typedef {{ outcome: 'created' | 'updated' | 'replay' | 'conflict', receipt: Receipt }} InsertResult
 *   `updated`: a widget's rating sent again with another score, chosen later, from the same key.
 */

/** @typedef {'new' | 'claimed' | 'resolved'} WorkStatus */

/**
 * What the receiver works out about a complaint when it arrives, kept in columns so the queue
 * is listed, ordered and filtered without reading any stored body. `urgency` and `category`
 * are the server's own triage (it orders the queue); `widgetUrgency` and `widgetCategory` are
 * the widget's, as sent.
 * @typedef {{
 *   urgency: Urgency,
 *   category: string,
 *   language: string,
 *   mood: string,
 *   customerType: string,
 *   widgetUrgency: Urgency,
 *   widgetCategory: string,
 *   escalated: boolean,
 *   handoffReason: string | null,
 *   verified: boolean,
 *   name: string | null,
 *   excerpt: string,
 *   submittedAt: string,
 *   dueBy: string | null,
 *   followUpAt: string | null,
 *   followUpConsent: boolean,
 * }} ComplaintSummary
 */

/** @typedef {'admin' | 'agent'} Role */

/**
 * A signed-in agent as the API sees them (`request.agent`).
 * @typedef {{ id: string, name: string, email: string, role: Role }} Agent
 */

/**
 * An account as the store keeps it: `passwordHash` is null until an invited agent chose one.
 * @typedef {Agent & { passwordHash: string | null, invitePending: boolean, createdAt: string }} AgentAccount
 */

/**
 * What a new account is stored with. `email` is already lower-cased; hashes only, never a
 * password or a token.
 * @typedef {{
 *   id: string, name: string, email: string, role: Role, passwordHash: string | null,
 *   inviteHash: string | null, inviteExpiresAt: string | null, createdAt: string,
 * }} NewAgent
 */

/**
 * Who did a piece of work: an account (`id`), or a bare name from before accounts (`id` null).
 * Store methods also take a bare name string.
 * @typedef {{ id: string | null, name: string }} AgentRef
 */

/** @typedef {'claimed' | 'released' | 'assigned' | 'resolved' | 'followed-up' | 'replied' | 'due-moved' | 'reopened' | 'noted'} AuditAction */

/**
 * One entry of a complaint's audit trail. `agentName` is the name at the time, kept when the
 * account is removed. `reopened` is the visitor's doing (a message to a resolved complaint): no agent.
 * @typedef {{ action: AuditAction, agentId: string | null, agentName: string | null, at: string, detail: Record<string, unknown> | null }} AuditEvent
 */

/**
 * @typedef {{
 *   jobs?: JobSpec[],
 *   expectedClaimant?: string | null,
 *   agent?: string | AgentRef,
 *   attachments?: string[],
 * }} WorkOptions
 *   `expectedClaimant`, when given, makes the change happen only if the complaint is still
 *   claimed by that account (null: by nobody), so a permission checked before cannot be
 *   overtaken by a claim in between. `agent` names who marked a follow-up. `attachments`: the
 *   SHA-256s of the files a reply sends (each already a file of the complaint).
 */

/**
 * One line of the queue: the summary and the work done, never the body.
 * @typedef {{
 *   id: string,
 *   reference: string,
 *   receivedAt: string,
 *   status: WorkStatus,
 *   claimedBy: string | null,
 *   claimedById: string | null,
 *   claimedAt: string | null,
 *   resolvedBy: string | null,
 *   resolvedAt: string | null,
 *   followedUpAt: string | null,
 *   csat: number | null,
 *   escalated: boolean,
 *   overdue: boolean,
 *   followUpDueAt: string | null,
 *   followUpDue: boolean,
 *   waitingSince: string | null,
 *   waitingForUs: boolean,
 *   summary: ComplaintSummary,
 * }} ComplaintListItem
 *   `waitingForUs`: the visitor wrote (last at `waitingSince`) after the last reply.
 */

/**
 * An agent's view of one complaint: the record as delivered plus the work done on it.
 * @typedef {ComplaintListItem & {
 *   resolutionNote: string | null,
 *   dueByReason: string | null,
 *   record: ComplaintRecord,
 *   audit: AuditEvent[],
 *   replies: Reply[],
 *   ratingComment: RatingComment | null,
 *   ratedFrom: RatingSource | null,
 *   messages: import('./messages/thread-messages.mjs').ThreadMessage[],
 *   notes?: import('./notes/internal-notes.mjs').InternalNote[],
 * }} Complaint
 *   `ratedFrom`: where the rating came from (a score inside the complaint's record is the widget's);
 *   null until it is rated. `notes`: the agents' internal notes, oldest first; only agents read them.
 */

/**
 * What the visitor wrote after rating from the follow-up email: plain text, shown as text.
 * @typedef {{ text: string, at: string }} RatingComment
 */

/**
 * Whether commitments to visitors were kept, over the complaints submitted in the weeks asked
 * for that had a date promised (the record's `dueBy`, or the first date an agent set) and are
 * either resolved or open past their current due date (open ones not yet due are still in play):
 * - `kept`: resolved at or before the first promised date;
 * - `moved`: not kept, but resolved at or before a later date an agent set with a reason, and
 *   every move was made before the date it replaced had passed (the visitor was told in time);
 * - `missed`: the rest: resolved after the last date, moved only once a date had passed, or open
 *   past the due date.
 * `total` = kept + moved + missed.
 * @typedef {{ total: number, kept: number, moved: number, missed: number }} Commitments
 */

/**
 * What the team figures read of one complaint, as times in ms: `firstReplyMs` is the first reply
 * an agent wrote to the visitor, `resolvedMs` only while it is resolved, `csat` its rating (1–5)
 * if any, `firstDueMs` the first date promised, `dueMs` the date in force, `lateMove` whether a
 * date was moved only after the one it replaced had passed.
 * @typedef {{
 *   submittedMs: number, receivedMs: number, category: string, csat: number | null,
 *   firstReplyMs: number | null, resolvedMs: number | null, firstDueMs: number | null,
 *   dueMs: number | null, lateMove: boolean,
 * }} TeamRow
 */

/**
 * A reply an agent wrote to the visitor (the visitor reads it; the resolution note stays internal).
 * @typedef {{ at: string, text: string, agentName: string | null, attachments?: string[], email: ReplyEmail }} Reply
 *   `attachments`: the SHA-256s of the files sent with it (each a file of the complaint), in the
 *   order given. `email`: how its email to the visitor fared.
 */

/**
 * A reply's email: `sent`; `pending` (waiting to be sent, retries included); `failed` after its
 * last retry (an admin can retry it); `none` when it was not emailed (no usable address, or no
 * mail server when it was written).
 * @typedef {'sent' | 'pending' | 'failed' | 'none'} ReplyEmail
 */

/**
 * What the status endpoint reads about a complaint: nothing more than the visitor may see, and
 * the hash its key is checked against.
 * @typedef {{
 *   reference: string, status: WorkStatus, receivedAt: string, resolvedAt: string | null,
 *   dueBy: string | null, dueByReason: string | null, statusKeyHash: string | null,
 *   replies: { at: string, text: string, attachments?: string[] }[],
 *   messages: { id: string, at: string, text: string, attachments: string[] }[],
 * }} StatusView
 *   `messages`: the visitor's own follow-ups, oldest first, each with the SHA-256s of its files.
 */

/**
 * @typedef {{ status?: WorkStatus | null, category?: string | null, language?: string | null, q?: string | null }} Filters
 *   `q`: what an agent typed in the search box (search/complaint-search.mjs): an email or a
 *   reference matched exactly, or words matched in the visitor's name and the thread.
 * @typedef {Filters & { limit?: number, offset?: number, now?: number }} ListFilters
 *   `limit` -1 (the default) means no limit.
 */

/**
 * @typedef {{ error: 'not-found' | 'conflict', message: string, complaint?: Complaint }} WorkError
 * @typedef {{ ok: true, complaint: Complaint } | ({ ok: false } & WorkError)} WorkResult
 */

/**
 * @typedef {{
 *   weeks: string[],
 *   categories: { week: string, category: string, count: number }[],
 *   signals: { field: string, value: string, cue: string, count: number }[],
 * }} Trends
 */

/**
 * Work to do later, written in the same transaction as the change that causes it.
 * `orderKey`: jobs sharing one are handed out oldest first, one at a time.
 * @typedef {{
 *   kind: string,
 *   payload: Record<string, unknown>,
 *   dueAt: string,
 *   orderKey?: string | null,
 *   complaintId?: string | null,
 *   destinationId?: string | null,
 * }} JobSpec
 */

/** @typedef {'pending' | 'done' | 'failed'} JobStatus */

/**
 * @typedef {JobSpec & {
 *   id: string,
 *   status: JobStatus,
 *   attempts: number,
 *   lastError: string | null,
 *   createdAt: string,
 *   updatedAt: string,
 *   lockedUntil: string | null,
 * }} Job
 */

/**
 * Live events for the inbox. SQLite: within the process. PostgreSQL: `NOTIFY`, so a publish on
 * one instance reaches the subscribers on every instance. Types used today: `created` and
 * `updated`, with `{ id }`; `noted` with `{ id }`, an internal note (for the inboxes only: the
 * visitors' streams are not told); `resync` (no data) when events may have been missed.
 * @typedef {{
 *   publish: (type: string, data: object) => Promise<void>,
 *   subscribe: (listener: (type: string, data: object) => void) => () => void,
 * }} StoreEvents
 */

/**
 * @typedef {{ jobs?: JobSpec[] }} WithJobs
 * @typedef {{ hash: string, receivedAt: string, summary?: ComplaintSummary, signals?: Signal[], statusKeyHash?: string | null, event?: { type: string, data: object }, ratingSource?: RatingSource, ratingKeyHash?: string | null, waitingFrom?: string | null } & WithJobs} InsertMeta
 *   `summary` is required for a complaint; a rating has none. `signals` are the receiver's
 *   triage cues, counted by the trends view (the record's own when absent). `statusKeyHash` is
 *   the SHA-256 of the visitor's status key (the key itself is never stored). `event`, when given,
 *   is published (as by `events.publish`) with the commit, only if the record was created: on
 *   PostgreSQL it rides in the same statement, which saves a round trip per record.
 *   `ratingSource` says where a rating came from (`widget` unless given).
 *   `ratingKeyHash`: the SHA-256 of the status key a widget's rating carried; the rating then
 *   counts only for a complaint stored with that key (null: a follow-up link's rating, checked by
 *   its signature). `waitingFrom`: for a rating whose complaint is not stored yet, a hash of the
 *   address it came from, so the ratings waiting can be counted (`waitingRatings`).
 * @typedef {ComplaintRecord['triage']['signals'][number]} Signal
 * @typedef {'widget' | 'follow-up'} RatingSource
 */

/** @typedef {import('../jobs/forwarding/service.mjs').DestinationStore} DestinationStore */
/** @typedef {import('./follow-ups/follow-up-store.mjs').FollowUpStore} FollowUpStore */
/** @typedef {import('./messages/thread-messages.mjs').ThreadStore} ThreadStore */
/** @typedef {import('./saved-replies/saved-replies.mjs').SavedReplyStore} SavedReplyStore */
/** @typedef {import('./accounts/account-changes.mjs').AccountChangeStore} AccountChangeStore */
/** @typedef {import('./accounts/account-changes.mjs').AccountEvent} AccountEvent */
/** @typedef {import('./attachments/attachments.mjs').AttachmentStore} AttachmentStore */
/** @typedef {import('./notes/internal-notes.mjs').InternalNoteStore} InternalNoteStore */

/**
 * @typedef {object} Store
 * @property {'sqlite' | 'postgres'} kind
 * @property {(record: Deliverable, meta: InsertMeta) => Promise<InsertResult>} insertRecord
 *   Stores a record once. The same id with the same hash is a replay (the first receipt is
 *   returned); with another hash it is a conflict, except a widget's rating with another score
 *   from the same status key, chosen later: that one is kept instead (`updated`; an older one
 *   is a replay). Durable when it resolves. `jobs` are written with it, only when it is created
 *   or updated. A complaint's reference is unique among
 *   complaints (a unique index, so across instances too): one already taken is replaced by a
 *   fresh one, which the receipt, the stored record and every read carry.
 * @property {(id: string, now?: number) => Promise<Complaint | null>} getRecord
 * @property {(filters?: ListFilters) => Promise<ComplaintListItem[]>} listRecords
 *   Open work first; then handoffs and critical, then urgency, then soonest due (none promised last), then oldest first.
 * @property {(filters?: Filters) => Promise<{ total: number, open: number }>} countRecords
 *   How many complaints match the filters, and how many of them are not resolved.
 * @property {() => Promise<{ categories: string[], languages: string[] }>} facets
 * @property {(id: string, agent: string | AgentRef, at: string, options?: WorkOptions) => Promise<WorkResult>} claim
 *   Claims a new complaint; claiming one already claimed by the same agent changes nothing.
 * @property {(id: string, agent: string | AgentRef, at: string, options?: WorkOptions) => Promise<WorkResult>} release
 *   Hands a claimed complaint back to the queue.
 * @property {(id: string, agent: AgentRef, to: AgentRef, at: string, options?: WorkOptions) => Promise<WorkResult>} assign
 *   Hands an unresolved complaint to the agent `to`, as if they had claimed it (audit: `assigned`,
 *   by `agent`, with whom it went to). Assigning it to its claimant changes nothing.
 * @property {(id: string, agent: string | AgentRef, note: string, at: string, options?: WorkOptions) => Promise<WorkResult>} resolve
 * @property {(id: string, at: string, options?: WorkOptions) => Promise<WorkResult>} markFollowedUp
 * @property {(id: string, agent: string | AgentRef, text: string, at: string, options?: WorkOptions) => Promise<WorkResult>} addReply
 *   Keeps a reply to the visitor (audit: `replied`).
 * @property {(id: string, agent: string | AgentRef, dueBy: string, reason: string, at: string, options?: WorkOptions) => Promise<WorkResult>} moveDue
 *   Moves an unresolved complaint's due date, with the reason the visitor will read (audit: `due-moved`).
 * @property {(id: string) => Promise<StatusView | null>} getStatus
 *   Each of these writes its audit event, and its jobs, only when the change happened.
 * @property {(agent: NewAgent) => Promise<{ ok: true, agent: AgentAccount } | { ok: false, error: 'email-taken' }>} createAgent
 * @property {(agent: NewAgent) => Promise<boolean>} createFirstAdmin
 *   Creates the account only while no admin exists (instances starting together create one).
 * @property {(email: string) => Promise<AgentAccount | null>} findAgentByEmail
 * @property {(id: string) => Promise<AgentAccount | null>} getAgent
 * @property {() => Promise<AgentAccount[]>} listAgents
 * @property {(id: string) => Promise<boolean>} removeAgent  its sessions end with it
 * @property {(id: string, passwordHash: string) => Promise<boolean>} setAgentPassword
 *   Gives the account a new password (an invite not yet accepted is used up) and ends its
 *   sessions; false when there is no such account.
 * @property {(inviteHash: string, passwordHash: string, now: string) => Promise<Agent | null>} acceptInvite
 *   Sets the password of the account whose unexpired invite this is, and uses the invite up.
 * @property {(session: { tokenHash: string, agentId: string, createdAt: string, expiresAt: string }) => Promise<void>} createSession
 * @property {(tokenHash: string, now: string) => Promise<Agent | null>} findSession
 * @property {(tokenHash: string) => Promise<void>} deleteSession
 * @property {(key: string, window: { at: number, windowMs: number }) => Promise<{ count: number, resetAt: number }>} countAttempt
 *   Counts one sign-in attempt for `key` (a hash, never an address or an email) in its fixed
 *   window, which starts with the first attempt and lasts `windowMs` from `at` (ms); the count
 *   and when the window ends. Atomic across instances. Only windows that are over are ever
 *   dropped, so no number of other keys pushes out a limit already reached.
 * @property {(key: string, at: number) => Promise<number>} attemptCount  attempts in `key`'s window, counting none
 * @property {(key: string) => Promise<void>} clearAttempts  forgets `key`'s attempts
 * @property {(options?: { weeks?: number, now?: number, topSignals?: number }) => Promise<Trends>} trends
 * @property {(options?: { weeks?: number, now?: number }) => Promise<Commitments>} commitments
 *   Commitments kept, moved in time and missed, over complaints submitted in the last `weeks`
 *   (the trends view's weeks), counted from columns.
 * @property {(options: { since: number }) => Promise<TeamRow[]>} teamRows
 *   One row per complaint submitted at or after `since` (ms): what Trends' team figures are
 *   computed from (server/api/team-figures.mjs), the same way for both databases.
 * @property {(complaintId: string, text: string, at: string, options?: WithJobs) => Promise<'added' | 'already' | 'not-rated'>} addRatingComment
 *   Keeps the visitor's comment with the complaint's follow-up rating, once: `already` when it has
 *   one, or when the complaint was rated in the widget; `not-rated` when it has no rating. `jobs`
 *   are written with the comment, only when it is added.
 * @property {(options: { id: string, from: string, since: string }) => Promise<{ total: number, fromAddress: number, received: boolean }>} waitingRatings
 *   How many ratings received since `since` still wait for their complaint, how many of them
 *   came from the address whose hash is `from`, and whether the record `id` was received already.
 * @property {(jobs: JobSpec[]) => Promise<void>} enqueueJobs
 * @property {(options: { now: string, limit: number, leaseSeconds: number }) => Promise<Job[]>} takeDueJobs
 *   Takes up to `limit` pending jobs due at `now` whose lease is free, leases them and adds 1 to
 *   `attempts`. Each due job goes to exactly one caller across instances. A job waits while an
 *   older pending job has the same `orderKey`.
 * @property {(id: string, at: string) => Promise<void>} completeJob
 * @property {(id: string, next: { dueAt: string, error: string }) => Promise<void>} rescheduleJob
 * @property {(id: string, failure: { error: string, at: string }) => Promise<void>} failJob
 * @property {(id: string, at: string) => Promise<boolean>} retryJob
 *   A failed job becomes pending and due at `at`; false when there is no such failed job.
 * @property {(options?: { status?: string, limit?: number }) => Promise<Job[]>} listJobs
 * @property {() => Promise<{ pending: number, failed: number, done: number }>} countJobs
 * @property {(now: number) => Promise<WaitingJobs[]>} waitingJobs
 *   The pending jobs by kind and destination, and whether they are due yet at `now`.
 * @property {DestinationStore['listDestinations']} listDestinations  forwarding's destinations
 * @property {DestinationStore['getDestination']} getDestination
 * @property {DestinationStore['addDestination']} addDestination
 * @property {DestinationStore['replaceEnvironmentDestinations']} replaceEnvironmentDestinations
 * @property {DestinationStore['setDestinationPaused']} setDestinationPaused
 *   Resuming makes the destination's held jobs due at `at`.
 * @property {DestinationStore['removeDestination']} removeDestination  with its pending jobs
 * @property {DestinationStore['listDestinationJobs']} listDestinationJobs  newest first
 * @property {FollowUpStore['serverSecret']} serverSecret  a secret made once per database
 * @property {FollowUpStore['optOutOfFollowUps']} optOutOfFollowUps
 * @property {FollowUpStore['hasOptedOutOfFollowUps']} hasOptedOutOfFollowUps
 * @property {(options: { before: string }) => Promise<number>} dropWaitingRatings
 *   Deletes the ratings received before `before` still waiting for a complaint that never came;
 *   how many went.
 * @property {(options: { resolvedBefore: string }) => Promise<number>} purgeResolved
 *   Deletes complaints resolved before the date, with their ratings and jobs; their receipts
 *   (id, content hash, the answer given) stay, so a late retry is still a replay.
 * @property {(ticket: { hash: string, expiresAt: string, sessionHash: string }) => Promise<void>} addStreamTicket
 *   Keeps a stream ticket (as its hash) with the session (its token's hash) it was taken under.
 * @property {(hash: string, now: string) => Promise<string | null>} redeemStreamTicket
 *   Uses up a stream ticket; the id of its agent when it existed, had not expired and its
 *   session is still live (not signed out, not expired, its agent not removed), else null.
 * @property {(hash: string, now: string) => Promise<string | null>} redeemVisitorTicket
 *   Uses up a visitor's stream ticket (kept by `addStreamTicket` with `VISITOR_TICKET` and the
 *   complaint's id as its session); the complaint's id when it existed and had not expired, else
 *   null. An agent's ticket opens no visitor stream, and a visitor's opens no inbox stream.
 * @property {() => Promise<void>} ping  resolves when the database answers
 * @property {() => { total: number, idle: number, waiting: number }} [poolStats] PostgreSQL only: the pool's connections now (open, idle) and queries waiting for one
 * @property {ThreadStore['addThreadMessage']} addThreadMessage
 *   Keeps a visitor's follow-up once per id, with what it does to its complaint and its jobs.
 * @property {ThreadStore['threadMessagesOf']} threadMessagesOf  oldest first
 * @property {ThreadStore['markAgentSeen']} markAgentSeen
 * @property {ThreadStore['agentOnline']} agentOnline
 * @property {InternalNoteStore['addInternalNote']} addInternalNote
 *   Keeps an agent's internal note once per id, with its entry in the history (audit: `noted`).
 * @property {InternalNoteStore['internalNotesOf']} internalNotesOf  oldest first
 * @property {SavedReplyStore['listSavedReplies']} listSavedReplies  by language, then title
 * @property {SavedReplyStore['addSavedReply']} addSavedReply
 * @property {SavedReplyStore['updateSavedReply']} updateSavedReply  null when there is no such reply
 * @property {SavedReplyStore['deleteSavedReply']} deleteSavedReply  whether there was one
 * @property {AccountChangeStore['setAgentRole']} setAgentRole  never leaves the accounts without an admin
 * @property {AccountChangeStore['addPasswordReset']} addPasswordReset
 * @property {AccountChangeStore['findPasswordReset']} findPasswordReset
 * @property {AccountChangeStore['usePasswordReset']} usePasswordReset  once per link, before it expires
 * @property {AccountChangeStore['listAccountEvents']} listAccountEvents  newest first
 * @property {AttachmentStore['addAttachment']} addAttachment  once per complaint and content hash
 * @property {AttachmentStore['attachmentOf']} attachmentOf
 * @property {AttachmentStore['attachmentsOf']} attachmentsOf  oldest first
 * @property {AttachmentStore['attachmentTotals']} attachmentTotals  how many files a complaint has and their bytes
 * @property {AttachmentStore['attachmentReferenced']} attachmentReferenced  whether any complaint still has the file
 * @property {AttachmentStore['dropUnnamedAttachments']} dropUnnamedAttachments  forgets old files their record does not name
 * @property {StoreEvents} events
 * @property {() => Promise<void>} close
 */

export {};
