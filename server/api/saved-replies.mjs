// @ts-check
import { randomUUID } from 'node:crypto';
import { formatDue } from 'heard/commitment';
import { requireAdmin } from '../agents/routes.mjs';
import { fill, messagesFor } from '../jobs/commitments/messages.mjs';

/** The languages a saved reply is kept in: the widget's. */
export const SAVED_REPLY_LANGUAGES = ['en', 'ms', 'hu', 'sk'];
const TITLE_MAX = 120;
const TEXT_MAX = 5000;

/** What an admin is told for a saved reply the server cannot keep, by the field at fault. */
const FIELD_MESSAGES = /** @type {Record<string, string>} */ ({
  language: `Choose the reply's language: one of ${SAVED_REPLY_LANGUAGES.join(', ')}.`,
  title: `Give the reply a title of 1 to ${TITLE_MAX} characters.`,
  text: `Write the reply's text: 1 to ${TEXT_MAX} characters.`,
});

/** @param {import('fastify').FastifySchemaValidationError[]} errors */
const replyErrors = (errors) => {
  const error = errors[0];
  const field = String(error?.params?.missingProperty ?? error?.instancePath.replace(/^\//, '') ?? '');
  return Object.assign(new Error(FIELD_MESSAGES[field] ?? 'A saved reply has a language, a title and a text, and nothing else.'), { field: field in FIELD_MESSAGES ? field : null });
};

const body = {
  type: 'object',
  additionalProperties: false,
  required: ['language', 'title', 'text'],
  properties: {
    language: { enum: SAVED_REPLY_LANGUAGES },
    title: { type: 'string', minLength: 1, maxLength: TITLE_MAX, pattern: '\\S' },
    text: { type: 'string', minLength: 1, maxLength: TEXT_MAX, pattern: '\\S' },
  },
};

/**
 * A saved reply's text with the complaint's details in place of `{name}`, `{reference}` and
 * `{dueBy}`; the date said as the visitor's emails say it (in the reply's language, in UTC).
 * A detail the complaint lacks is left out, the placeholder with it.
 * @param {string} text
 * @param {import('../store/store.mjs').Complaint} complaint
 * @param {string} language
 * @param {number} now
 */
export function fillSavedReply(text, complaint, language, now) {
  const name = String(complaint.record.visitor?.name ?? '').replace(/\s+/g, ' ').trim();
  const dueBy = complaint.summary?.dueBy;
  return fill(text, {
    name,
    reference: complaint.reference,
    dueBy: dueBy ? formatDue(messagesFor(language).locale, dueBy, now, 'UTC') : '',
  });
}

/**
 * Saved replies under `/api`: any agent reads them (and gets them filled in for a complaint);
 * only an admin keeps, changes or removes one. Registered inside the signed-in scope.
 * @param {import('fastify').FastifyInstance} api
 * @param {{ store: import('../store/store.mjs').Store, now?: () => number }} options
 */
export async function savedReplyRoutes(api, { store, now = () => Date.now() }) {
  /** @param {import('fastify').FastifyReply} reply @param {string} id */
  const notFound = (reply, id) => reply.code(404).send({ error: 'not-found', message: `No saved reply ${id}: it may have been deleted.` });
  // A refusal names the field at fault, so the inbox says it beside that field.
  api.setErrorHandler((/** @type {import('fastify').FastifyError & { field?: string | null }} */ error, _request, reply) => {
    if (!error.validation) throw error;
    return reply.code(400).send({ error: 'bad-request', message: error.message, field: error.field ?? null });
  });

  api.get('/saved-replies', async () => ({ replies: await store.listSavedReplies(), languages: SAVED_REPLY_LANGUAGES }));

  api.post('/saved-replies', { preHandler: requireAdmin, schema: { body }, schemaErrorFormatter: replyErrors }, async (request, reply) => {
    const { language, title, text } = /** @type {{ language: string, title: string, text: string }} */ (request.body);
    const saved = await store.addSavedReply({ id: randomUUID(), language, title: title.trim(), text, at: new Date(now()).toISOString() });
    return reply.code(201).send({ reply: saved });
  });

  api.put('/saved-replies/:id', { preHandler: requireAdmin, schema: { body }, schemaErrorFormatter: replyErrors }, async (request, reply) => {
    const { id } = /** @type {{ id: string }} */ (request.params);
    const { language, title, text } = /** @type {{ language: string, title: string, text: string }} */ (request.body);
    const saved = await store.updateSavedReply(id, { language, title: title.trim(), text, at: new Date(now()).toISOString() });
    return saved ? { reply: saved } : notFound(reply, id);
  });

  api.delete('/saved-replies/:id', { preHandler: requireAdmin }, async (request, reply) => {
    const { id } = /** @type {{ id: string }} */ (request.params);
    return (await store.deleteSavedReply(id)) ? reply.code(204).send() : notFound(reply, id);
  });

  // For the reply box: every saved reply with this complaint's details filled in, and the
  // language to offer first (the complaint's).
  api.get('/complaints/:id/saved-replies', async (request, reply) => {
    const { id } = /** @type {{ id: string }} */ (request.params);
    const complaint = await store.getRecord(id);
    if (!complaint) return reply.code(404).send({ error: 'not-found', message: `No complaint ${id}.` });
    const at = now();
    const replies = (await store.listSavedReplies()).map((saved) => ({ ...saved, text: fillSavedReply(saved.text, complaint, saved.language, at) }));
    return { language: messagesFor(complaint.record.locale).locale, replies };
  });
}
