/**
 * What the directory says for a draft, read through the directory's public entry: the requested
 * State's authority for the kind (its languages, channels, urgent procedure, requirements per
 * measure, e-evidence requirements, UNTOC as a basis for extradition), and the requesting
 * authority's details for the document. Texts are taken in the reader's language where given.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { pickLocalized } from '../../platform/i18n/languages.js';
import type { Actor } from '../access/index.js';
import { authoritiesOfCountry, getAuthority, type AuthorityView } from '../directory/index.js';
import { KINDS, type WriterKind } from './domain/kinds.js';
import { NO_ENTRY, type RequestedState } from './domain/model.js';

type Doc = AuthorityView['doc'];
const text = (t: Record<string, string> | undefined, lang: string) => pickLocalized(t, lang)?.text ?? null;

/** The authority of the requested State that receives this kind: its function, else the central authority for MLA, else any. */
export function receivingAuthority(docs: readonly Doc[], kind: WriterKind): Doc | undefined {
  const fn = KINDS[kind].fn;
  for (const code of [fn, 'mla', 'uncac-central']) {
    const found = docs.filter((d) => d.functions.some((f) => f.code === code)).sort((a, b) => a.id.localeCompare(b.id));
    if (found.length) return found[0];
  }
  return undefined;
}

export function requestedStateOf(country: string, doc: Doc | undefined, lang: string): RequestedState {
  if (!doc) return NO_ENTRY(country);
  return {
    country,
    authorityId: doc.id,
    languages: doc.languages ?? [],
    channels: doc.channels ?? [],
    electronic: doc.electronic_requests ?? null,
    urgentProcedure: text(doc.urgent_procedure, lang),
    requirements: (doc.requirements ?? []).map((r) => ({ measure: r.measure, status: r.status, conditions: text(r.conditions, lang) })),
    eEvidence: { preservation: text(doc.e_evidence?.preservation, lang), disclosure: text(doc.e_evidence?.disclosure, lang) },
    untocExtradition: doc.untoc_extradition_basis?.value ?? null,
    notes: text(doc.notes, lang),
  };
}

export interface DirectoryContext {
  requested: RequestedState;
  /** The receiving authority's name in the reader's language (for the document's addressee). */
  receivingName: string | null;
}

export async function directoryContext(db: Kysely<DB>, actor: Actor, country: string, kind: WriterKind, lang: string): Promise<DirectoryContext> {
  const doc = receivingAuthority((await authoritiesOfCountry(db, actor, country)).map((v) => v.doc), kind);
  return { requested: requestedStateOf(country, doc, lang), receivingName: doc ? (pickLocalized(doc.names, lang)?.text ?? null) : null };
}

/** The requesting authority's name and contact lines from its directory entry (empty when it has none). */
export async function requestingDetails(db: Kysely<DB>, actor: Actor, authorityId: string, lang: string): Promise<{ name: string; contact: string }> {
  try {
    const { doc } = await getAuthority(db, actor, authorityId);
    const contact = [doc.address, ...(doc.phones ?? []).map((p) => p.number), ...(doc.emails ?? []).map((e) => e.address)].filter(Boolean).join('\n');
    return { name: pickLocalized(doc.names, lang)?.text ?? '', contact };
  } catch {
    return { name: '', contact: '' };
  }
}
