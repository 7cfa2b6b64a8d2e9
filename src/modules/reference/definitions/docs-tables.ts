/**
 * Markdown tables of the taxonomies and of the article → term mapping, as printed in
 * docs/REFERENCE-DATA.md (a test checks that the document shows the current data).
 */
import { ARTICLE_TERMS } from './article-terms.js';
import { INSTRUMENTS } from './instruments.js';
import { TAXONOMIES, TAXONOMY_NAMES } from './taxonomies.js';

export function taxonomyTable(): string {
  const rows = TAXONOMY_NAMES.flatMap((t) => TAXONOMIES[t].map((d) => `| ${t} | \`${d.code}\` | ${d.labels.en} | ${d.reference ?? ''} |`));
  return ['| taxonomy | code | English label | reference |', '|---|---|---|---|', ...rows].join('\n');
}

export function articleTermsTable(): string {
  const rows: string[] = [];
  for (const def of INSTRUMENTS) {
    const mapping = ARTICLE_TERMS[def.id] ?? {};
    const numbers = Object.keys(mapping).sort((a, b) => Number(a) - Number(b));
    for (const n of numbers) rows.push(`| ${def.id} | ${n} | ${[...new Set(mapping[n])].sort().join(', ')} |`);
  }
  return ['| instrument | article | terms |', '|---|---|---|', ...rows].join('\n');
}
