// @ts-check
import { randomUUID } from 'node:crypto';

const TEXT_MAX = 5000;

/** What an agent is told for a note the server cannot keep, by the field at fault. */
const FIELD_MESSAGES = /** @type {Record<string, string>} */ ({
  text: `Write the note: 1 to ${TEXT_MAX} characters, not only spaces.`,
  id: 'A note\'s id, when given, is 1 to 100 letters, digits, "-" or "_": the inbox makes one per note so a note sent twice is kept once.',
});

/** @param {import('fastify').FastifySchemaValidationError[]} errors */
const noteErrors = (errors) => {
  const error = errors[0];
  const field = String(error?.params?.missingProperty ?? error?.instancePath.replace(/^\//, '') ?? '');
  const known = field in FIELD_MESSAGES;
  return Object.assign(new Error(known ? FIELD_MESSAGES[field] : 'A note is a JSON object with its text, and optionally its id.'), { field: known ? field : null });
};

const body = {
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: {
    text: { type: 'string', minLength: 1, maxLength: TEXT_MAX, pattern: '\\S' },
    id: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' },
  },
};

/**
 * Internal notes under `/api`: any signed-in agent adds one to any complaint (claimed by someone
 * else, or resolved, too: a note changes nothing the visitor sees). A note is kept for the team
 * only: it writes no job (no email to the visitor, nothing to a destination) and its live event,
 * `noted`, reaches the inboxes, never a visitor's stream. Sent again with the same `id` it is a
 * replay (200, the note as first kept); the same id with other text is refused (409).
 * @param {import('fastify').FastifyInstance} api
 * @param {{ store: import('../store/store.mjs').Store }} options
 */
export async function noteRoutes(api, { store }) {
  // A refusal names the field at fault, so the inbox says it beside that field.
  api.setErrorHandler((/** @type {import('fastify').FastifyError & { field?: string | null }} */ error, _request, reply) => {
    if (!error.validation) throw error;
    return reply.code(400).send({ error: 'bad-request', message: error.message, field: error.field ?? null });
  });
  api.post('/complaints/:id/notes', { schema: { body }, schemaErrorFormatter: noteErrors }, async (request, reply) => {
    const { id } = /** @type {{ id: string }} */ (request.params);
    const { text, id: noteId = randomUUID() } = /** @type {{ text: string, id?: string }} */ (request.body);
    const agent = /** @type {import('../store/store.mjs').Agent} */ (request.agent);
    const result = await store.addInternalNote({ complaintId: id, id: noteId, text: text.trim(), at: new Date().toISOString(), agent: { id: agent.id, name: agent.name } });
    if (result.outcome === 'not-found') return reply.code(404).send({ error: 'not-found', message: `No complaint ${id}.` });
    if (result.outcome === 'conflict') {
      return reply.code(409).send({ error: 'conflict', message: 'Another note was already kept with this id; send a new note with a new id.' });
    }
    if (result.outcome === 'replay') return reply.code(200).send({ note: result.note });
    store.events.publish('noted', { id }).catch((error) => request.log.error({ err: error }, 'live update not sent'));
    return reply.code(201).send({ note: result.note });
  });
}
