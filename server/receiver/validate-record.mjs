// @ts-check
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
/** The very file the package ships, so the widget and the receiver agree on one shape. */
const schema = require('heard/schema.json');

/**
 * @typedef {{ path: string, message: string, keyword: string, params: Record<string, unknown> }} RecordError
 * @typedef {{ ok: true, record: import('../store/store.mjs').Deliverable } | { ok: false, errors: RecordError[] }} Validation
 */

/**
 * @typedef {import('ajv').ValidateFunction} ValidateFunction
 * @typedef {{ whole: ValidateFunction, byType: { complaint: ValidateFunction, rating: ValidateFunction } }} CompiledSchema
 */

/** @type {CompiledSchema | null} */
let compiled = null;

/**
 * The schema's checks, compiled once per process: compiling is most of the CPU a server spends
 * starting, and a compiled check keeps nothing between calls (its `errors` are read right after
 * the synchronous call that set them), so every server built in one process can share it.
 * @returns {CompiledSchema}
 */
function compiledSchema() {
  if (compiled) return compiled;
  // allErrors stays off: untrusted bodies should not make the validator do unbounded work.
  const ajv = new Ajv2020({ strict: true, allErrors: false });
  addFormats(ajv);
  ajv.addSchema(schema);
  const whole = ajv.getSchema(schema.$id);
  const complaint = ajv.getSchema(`${schema.$id}#/$defs/complaint`);
  const rating = ajv.getSchema(`${schema.$id}#/$defs/rating`);
  if (!whole || !complaint || !rating) throw new Error('The record schema did not compile.');
  compiled = { whole, byType: { complaint, rating } };
  return compiled;
}

/**
 * Builds the record validator. A body naming its `type` is checked against that branch
 * only, so the errors speak of the record it meant to be, not of both `oneOf` branches.
 * @param {{ maxErrors?: number }} [options]
 * @returns {(body: unknown) => Validation}
 */
export function createRecordValidator({ maxErrors = 5 } = {}) {
  const { whole, byType } = compiledSchema();
  return (body) => {
    const type = body && typeof body === 'object' && 'type' in body ? body.type : undefined;
    const validate = (type === 'complaint' || type === 'rating' ? byType[type] : undefined) ?? whole;
    if (validate(body)) {
      const record = /** @type {import('../store/store.mjs').Deliverable} */ (body);
      // A rating belongs to the one complaint its id names, so a rating can only ever land on
      // the complaint it was given for, once.
      if (record.type === 'rating' && record.id !== `${record.complaintId}:csat`) {
        const allowedValue = `${record.complaintId}:csat`;
        return { ok: false, errors: [{ path: '/id', message: `must be "${allowedValue}" (the complaint id followed by :csat)`, keyword: 'const', params: { allowedValue } }] };
      }
      return { ok: true, record };
    }
    /** @type {Map<string, RecordError>} */
    const errors = new Map();
    for (const error of validate.errors ?? []) {
      const path = error.instancePath || '/';
      const message = error.message ?? 'is invalid';
      // Both `oneOf` branches can report the same fault; say it once.
      errors.set(`${path} ${message}`, { path, message, keyword: error.keyword, params: error.params });
    }
    return { ok: false, errors: [...errors.values()].slice(0, maxErrors) };
  };
}
