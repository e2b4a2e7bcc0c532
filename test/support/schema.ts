import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import schema from '../../widget/src/record/schema.json';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);

/** The record validator, compiled from the schema file the package ships. */
export const validateRecord = ajv.compile(schema);

export function schemaErrors(record: unknown): string {
  return validateRecord(record) ? '' : ajv.errorsText(validateRecord.errors);
}
