/**
 * The legal basis step's suggestions: the legal basis finder (legalbasis module, issue 12 section 1)
 * asked for the requesting and requested States and the kind of the draft, its answer turned into
 * casework's legal basis vocabulary (untoc, untoc_protocol, uncac, treaty, reciprocity,
 * domestic_law), most relevant first. The drafter still chooses; a failure of the finder leaves the
 * step working without suggestions.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { findLegalBasis, isLegalBasisKind, type LegalBasis, type LegalBasisKind } from '../legalbasis/index.js';
import { KINDS, type WriterKind } from './domain/kinds.js';

export interface LegalBasisQuery {
  /** Requesting State (ISO alpha-3). */
  from: string;
  /** Requested State. */
  to: string;
  kind: WriterKind;
}

export interface BasisSuggestion {
  /** casework's legal basis vocabulary: untoc, untoc_protocol, uncac, treaty, reciprocity, domestic_law, other. */
  basis: string;
  instrumentId?: string | null;
  article?: string | null;
  /** The instrument's short name or title (as the finder gives it). */
  note?: string;
}

/** The finder's kind for a writer kind: the kind of case the draft is filed as (MLA for the rest). */
export function finderKind(kind: WriterKind): LegalBasisKind {
  const k = KINDS[kind].caseKind;
  return isLegalBasisKind(k) ? k : 'mla';
}

/** The finder's answer as suggestions: the instruments binding both, then, when none, reciprocity and domestic law. */
export function toSuggestions(answer: LegalBasis): BasisSuggestion[] {
  const out: BasisSuggestion[] = answer.binding.map((i) => ({
    basis: i.id === 'untoc' ? 'untoc' : i.id.startsWith('untoc-') ? 'untoc_protocol' : i.id === 'uncac' ? 'uncac' : 'treaty',
    instrumentId: i.id,
    article: i.articles[0] ?? null,
    note: i.short_name ?? i.titles.en ?? Object.values(i.titles)[0] ?? i.id,
  }));
  if (!out.length) out.push({ basis: 'reciprocity' }, { basis: 'domestic_law' });
  return out;
}

/** Suggestions for the basis step (none when the finder fails: the step still works). */
export async function suggestLegalBases(db: Kysely<DB>, q: LegalBasisQuery): Promise<BasisSuggestion[]> {
  try {
    return toSuggestions(await findLegalBasis(db, { from: q.from, to: q.to, kind: finderKind(q.kind) }));
  } catch {
    return []; // e.g. no requested State chosen yet: the finder answers 400
  }
}
