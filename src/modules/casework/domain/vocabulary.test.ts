import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { CASE_KINDS, CASE_STATES, CHANNELS, EVENT_TYPES, EXECUTION_STATES, LEGAL_BASIS_TYPES, OUTCOMES, PERSON_ROLES } from './vocabulary.js';

const migration = fs.readFileSync(new URL('../../../../migrations/0055_casework.sql', import.meta.url), 'utf8');

/** The values of the CHECK (column IN (...)) constraint of a column in the migration. */
function checkValues(table: string, column: string): string[] {
  const body = migration.slice(migration.indexOf(`CREATE TABLE ${table} (`));
  const m = new RegExp(`\\n  ${column} text[^\\n]*CHECK \\(${column} IN \\(([^)]*)\\)\\)`).exec(body);
  assert.ok(m, `CHECK of ${table}.${column} found`);
  return m[1]!.split(',').map((v) => v.trim().replace(/^'|'$/g, ''));
}

test('the migration lists the same vocabularies as the domain', () => {
  assert.deepEqual(checkValues('casework_cases', 'kind').sort(), [...CASE_KINDS].sort());
  assert.deepEqual(checkValues('casework_cases', 'state').sort(), [...CASE_STATES].sort());
  assert.deepEqual(checkValues('casework_cases', 'channel').sort(), [...CHANNELS].sort());
  assert.deepEqual(checkValues('casework_cases', 'outcome').sort(), [...OUTCOMES].sort());
  assert.deepEqual(checkValues('case_executions', 'state').sort(), [...EXECUTION_STATES].sort());
  assert.deepEqual(checkValues('case_persons', 'role').sort(), [...PERSON_ROLES].sort());
  assert.deepEqual(checkValues('case_legal_bases', 'basis').sort(), [...LEGAL_BASIS_TYPES].sort());
  // Migration 0072 (exchange) replaced the CHECK of case_events.type.
  const m = /ADD CONSTRAINT case_events_type_check CHECK \(type IN \(([^)]*)\)\)/.exec(fs.readFileSync(new URL('../../../../migrations/0072_exchange.sql', import.meta.url), 'utf8'));
  assert.ok(m, 'CHECK of case_events.type in 0072');
  assert.deepEqual(m[1]!.split(',').map((v) => v.trim().replace(/^'|'$/g, '')).sort(), [...EVENT_TYPES].sort());
});
