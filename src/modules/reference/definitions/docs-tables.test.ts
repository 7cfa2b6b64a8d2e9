import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { articleTermsTable, taxonomyTable } from './docs-tables.js';

describe('docs/REFERENCE-DATA.md', () => {
  const doc = fs.readFileSync(fileURLToPath(new URL('../../../../docs/REFERENCE-DATA.md', import.meta.url)), 'utf8');

  it('shows the current taxonomies', () => {
    assert.ok(doc.includes(taxonomyTable()), 'regenerate the taxonomy table with taxonomyTable()');
  });

  it('shows the current article → term mapping', () => {
    assert.ok(doc.includes(articleTermsTable()), 'regenerate the mapping table with articleTermsTable()');
  });
});
