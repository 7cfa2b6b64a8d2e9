import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeStatement } from './tracing.js';

describe('describeStatement', () => {
  it('names statements by kind and table only', () => {
    assert.deepEqual(describeStatement('select "id" from "casework"."cases" where "ref" = $1'), { operation: 'SELECT', table: 'casework.cases' });
    assert.deepEqual(describeStatement(`SELECT 'from secret_table' AS x FROM entries`), { operation: 'SELECT', table: 'entries' });
    assert.deepEqual(describeStatement('insert into "audit_events" ("a") values ($1)'), { operation: 'INSERT', table: 'audit_events' });
    assert.deepEqual(describeStatement('update "accounts" set "name" = $1'), { operation: 'UPDATE', table: 'accounts' });
    assert.deepEqual(describeStatement('delete from sessions where id = $1'), { operation: 'DELETE', table: 'sessions' });
    assert.deepEqual(describeStatement('begin'), { operation: 'BEGIN' });
    assert.deepEqual(describeStatement("'secret' garbage"), { operation: 'OTHER' });
  });

  it('never takes anything from a string literal, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('SELECT 1 AS one, ', 'SELECT ', 'UPDATE "t" SET a = ', 'INSERT INTO "t" (a) VALUES ('), (value, head) => {
        const literal = `'${value.replace(/'/g, "''")}'`;
        const text = head.startsWith('SELECT') ? `${head}${literal} AS x FROM "t" WHERE a = $1` : `${head}${literal}${head.startsWith('INSERT') ? ')' : ''}`;
        assert.deepEqual(describeStatement(text), { operation: head.split(' ')[0], table: 't' });
      }),
    );
  });
});
