/**
 * Workflow adapters of the knowledge portal: entries (legislation extracts, cases, treaties,
 * strategies), laws and taxonomy terms. Drafts live in revisions; publishing merges the part into
 * the live record and saves it through knowledge `saveRecords` (origin "editor"), which re-indexes
 * search in the same transaction.
 *
 * Companions: an entry or law that is not public yet is published with its first language version
 * and its general information ("*") in one decision, whichever of the two is published.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ConflictError, ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { checkRecords, getEntry, getLaw, saveRecords, parseRecord, isEntryType, type EntryDocument, type KnowledgeRecord, type LawDocument } from '../knowledge/index.js';
import { readTerm, saveTermTexts, type Taxonomy } from '../reference/index.js';
import { getRevision, partStatuses, type WorkflowAdapter } from '../workflow/index.js';
import { checkTermDocument, isLangPart, isObject, issuesOfMeta, issuesOfText, META_PART, metaOf, parseTermId, publishedText, textOf, type EditorialType } from './domain/parts.js';

type Live = EntryDocument | LawDocument;

interface RecordKind {
  type: 'entry' | 'law';
  load(db: Kysely<DB>, id: string): Promise<Live | undefined>;
  /** Check the record type named by a "*" document. */
  typeOk(type: unknown): boolean;
  /** Texts carry a status (entries); laws' language versions are simply present or absent. */
  statuses: boolean;
}

const ENTRY: RecordKind = { type: 'entry', load: (db, id) => getEntry(db, id, { publishedOnly: false }), typeOk: isEntryType, statuses: true };
const LAW: RecordKind = { type: 'law', load: getLaw, typeOk: (t) => t === 'law', statuses: false };

/** The newest content of a part in the workflow (open revision, else the live one). */
async function revisionDocument(db: Kysely<DB>, type: EditorialType, id: string, part: string): Promise<unknown | undefined> {
  const status = (await partStatuses(db, type, id)).find((p) => p.part === part);
  const revId = status?.open?.id ?? status?.live?.id;
  return revId ? (await getRevision(db, revId))?.document : undefined;
}

async function languagesInReview(db: Kysely<DB>, type: EditorialType, id: string): Promise<string[]> {
  return (await partStatuses(db, type, id)).filter((p) => p.part !== META_PART && p.open?.state === 'in_review').map((p) => p.part);
}

/** Schema and reference checks of a candidate record (issues name the record's fields). */
async function recordIssues(db: Kysely<DB>, candidate: Record<string, unknown>): Promise<FieldIssue[]> {
  const parsed = parseRecord(candidate);
  if (parsed.ok) return (await checkRecords(db, [parsed.value])).get(0) ?? [];
  // Check the other fields too, so that every problem is named at once.
  const bad = new Set(parsed.issues.map((i) => i.field.split('.')[0]));
  const rest = parseRecord(Object.fromEntries(Object.entries(candidate).filter(([k]) => !bad.has(k))));
  return [...parsed.issues, ...(rest.ok ? ((await checkRecords(db, [rest.value])).get(0) ?? []) : [])];
}

function recordAdapter(kind: RecordKind): WorkflowAdapter {
  const meta = async (db: Kysely<DB>, id: string, live: Live | undefined) => (live ? metaOf(live as unknown as Record<string, unknown>) : ((await revisionDocument(db, kind.type, id, META_PART)) as Record<string, unknown> | undefined));

  const save = async (trx: Kysely<DB>, id: string, m: Record<string, unknown>, texts: Record<string, unknown>, live: Live | undefined) => {
    const record = { ...m, id, texts, ...(live?.demo ? { demo: true } : {}), ...(live && 'attachment' in live && live.attachment ? { attachment: live.attachment } : {}) };
    const parsed = parseRecord(record);
    if (!parsed.ok) throw new ValidationError(parsed.issues);
    await saveRecords(trx, [parsed.value as KnowledgeRecord], { origin: 'editor' });
  };

  return {
    type: kind.type,
    actions: { create: 'knowledge.create', edit: 'knowledge.edit', review: 'knowledge.review', publish: 'knowledge.publish', archive: 'knowledge.archive' },

    async resource() {
      return {};
    },

    async validate(db, id, part, document) {
      if (!isObject(document)) throw new ValidationError([{ field: '(document)', message: 'must be a JSON object' }]);
      const live = await kind.load(db, id);
      if (part === META_PART) {
        const doc = metaOf(document);
        if (!kind.typeOk(doc.type)) throw new ValidationError([{ field: 'type', message: kind.type === 'law' ? 'must be "law"' : 'must be one of: legislation, case, treaty, strategy' }]);
        if (live && live.type !== doc.type) throw new ValidationError([{ field: 'type', message: `the entry is a ${live.type}; its type cannot change` }]);
        const texts = live && Object.keys(live.texts).length ? live.texts : { [typeof doc.original_lang === 'string' ? doc.original_lang : 'en']: { title: '-' } };
        const issues = issuesOfMeta(await recordIssues(db, { ...doc, id, texts }));
        if (issues.length) throw new ValidationError(issues);
        return { ...doc, id };
      }
      if (!isLangPart(part)) throw new ValidationError([{ field: 'part', message: 'must be "*" or a BCP 47 language tag' }]);
      const m = await meta(db, id, live);
      if (!m) throw new ValidationError([{ field: 'part', message: 'save the general information ("*") before a language version' }]);
      const text = textOf(document);
      const issues = issuesOfText(await recordIssues(db, { ...m, id, texts: { [part]: text } }), part);
      if (issues.length) throw new ValidationError(issues);
      return text;
    },

    async live(db, id, part) {
      const live = await kind.load(db, id);
      if (!live) return undefined;
      if (part === META_PART) return metaOf(live as unknown as Record<string, unknown>);
      const text = (live.texts as Record<string, Record<string, unknown>>)[part];
      return text ? textOf(text) : undefined;
    },

    async companions(db, id, part) {
      if (await kind.load(db, id)) return [];
      return part === META_PART ? languagesInReview(db, kind.type, id) : [META_PART];
    },

    async publish(trx, id, part, document, { reviewed }) {
      const live = await kind.load(trx, id);
      const m = part === META_PART ? (document as Record<string, unknown>) : await meta(trx, id, live);
      if (!m) throw new ConflictError('Publish the general information with this language version.');
      const texts: Record<string, Record<string, unknown>> = { ...((live?.texts ?? {}) as Record<string, Record<string, unknown>>) };
      if (part === META_PART) {
        // The entry is public again: language versions not archived on their own are published.
        if (kind.statuses) {
          const archivedParts = new Set((await partStatuses(trx, kind.type, id)).filter((p) => p.live?.state === 'archived' && p.part !== META_PART).map((p) => p.part));
          for (const [l, t] of Object.entries(texts)) if (t.status === 'archived' && !archivedParts.has(l)) texts[l] = { ...t, status: 'published' };
        }
      } else {
        texts[part] = publishedText(document as Record<string, unknown>, reviewed, kind.statuses);
      }
      if (!Object.keys(texts).length) {
        // A new subject: its first language version is published in the same decision and writes both.
        if ((await languagesInReview(trx, kind.type, id)).length) return;
        throw new ConflictError('Submit a language version for review too: a new entry is published with at least one language version.');
      }
      await save(trx, id, m, texts, live);
    },

    async archive(trx, id, part) {
      const live = await kind.load(trx, id);
      if (!live) throw new ConflictError('Nothing of this is public.');
      const texts = { ...(live.texts as Record<string, Record<string, unknown>>) };
      if (!kind.statuses) {
        if (part === META_PART) throw new ConflictError('A law is not archived as a whole: archive its language versions or its extracts.');
        if (Object.keys(texts).length < 2) throw new ConflictError('The last language version of a law cannot be archived.');
        delete texts[part];
      } else if (part === META_PART) {
        for (const l of Object.keys(texts)) texts[l] = { ...texts[l], status: 'archived' };
      } else if (texts[part]) {
        texts[part] = { ...texts[part], status: 'archived' };
      }
      await save(trx, id, metaOf(live as unknown as Record<string, unknown>), texts, live);
    },
  };
}

export const entryAdapter = recordAdapter(ENTRY);
export const lawAdapter = recordAdapter(LAW);

async function liveTerm(db: Kysely<DB>, id: string) {
  const t = parseTermId(id);
  if (!t) return undefined;
  return readTerm(db, t.taxonomy as Taxonomy, t.code);
}

export const termAdapter: WorkflowAdapter = {
  type: 'taxonomy_term',
  actions: { create: 'taxonomy.edit', edit: 'taxonomy.edit', review: 'knowledge.review', publish: 'knowledge.publish', archive: 'knowledge.archive' },
  async resource() {
    return {};
  },
  async validate(db, id, part, document) {
    if (part !== META_PART) throw new ValidationError([{ field: 'part', message: 'taxonomy terms have one part, "*"' }]);
    if (!(await liveTerm(db, id))) throw new ValidationError([{ field: 'id', message: `no taxonomy term "${id}" (terms are added with the reference data)` }]);
    const checked = checkTermDocument(document);
    if (!checked.ok) throw new ValidationError(checked.issues);
    return checked.doc;
  },
  async live(db, id) {
    const t = await liveTerm(db, id);
    return t ? { labels: t.labels, ...(t.descriptions && Object.keys(t.descriptions).length ? { descriptions: t.descriptions } : {}) } : undefined;
  },
  async publish(trx, id, _part, document) {
    const t = parseTermId(id)!;
    const doc = document as { labels: Record<string, string>; descriptions?: Record<string, string> };
    // Reference announces the new labels; search re-indexes the entries tagged with the term in this transaction.
    await saveTermTexts(trx, t.taxonomy as Taxonomy, t.code, doc.labels, doc.descriptions ?? null);
  },
  async archive() {
    throw new ConflictError('Taxonomy terms are not archived: they index content.');
  },
};

export const ADAPTERS: Record<EditorialType, WorkflowAdapter> = { entry: entryAdapter, law: lawAdapter, taxonomy_term: termAdapter };
