import type { FieldIssue } from '../../../platform/http/errors.js';
import { validator, type Validated } from '../../../platform/validation.js';
import { RECORD_SCHEMAS, RECORD_TYPES, type KnowledgeRecord, type RecordType } from './schemas.js';

const validators = Object.fromEntries(Object.entries(RECORD_SCHEMAS).map(([type, schema]) => [type, validator(schema)])) as {
  [K in RecordType]: (value: unknown, prefix?: string) => Validated<KnowledgeRecord>;
};

/** Validate an untrusted value as a knowledge record: its "type" first, then the schema of that type. */
export function parseRecord(value: unknown): Validated<KnowledgeRecord> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, issues: [{ field: '(record)', message: 'must be a JSON object' }] };
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !(RECORD_TYPES as string[]).includes(type)) {
    const issue: FieldIssue = { field: 'type', message: `must be one of: ${RECORD_TYPES.join(', ')}` };
    return { ok: false, issues: [issue] };
  }
  return validators[type as RecordType](value);
}
