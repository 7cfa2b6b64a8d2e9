/** Pass 3 of an import: batches of checked records to saveRecords, inside the caller's transaction. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { canonicalJson, contentHash, keepUnpublished, sameEntry, sameLaw, findEntryHeads, findLawHeads, type ReferenceSets, parseRecord, type KnowledgeRecord, type Provision, type TreatyDocument, type TreatyParty, loadEntryDocuments, loadLawDocuments, saveRecords, type SaveOutcome } from '../../knowledge/index.js';

import type { ImportItem } from './source.js';

export type PatchItem = Extract<ImportItem, { kind: 'patch' }>;

/** Treaties (with drafts: the whole stored document) by id. */
export async function loadTreaties(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, TreatyDocument>> {
  const docs = await loadEntryDocuments(db, ids, { publishedOnly: false });
  return new Map(docs.flatMap((d) => (d.type === 'treaty' ? [[d.id, d] as const] : [])));
}

/** The treaty document with its provisions or parties replaced by those of the patch. */
export function mergePatch(treaty: TreatyDocument, patch: PatchItem): Record<string, unknown> {
  const { created_at: _c, updated_at: _u, ...rest } = treaty;
  return { ...rest, [patch.field]: patch.value };
}

/** Comparable form of provisions (terms are a set) or parties (keyed by country). */
function comparable(field: PatchItem['field'], list: readonly unknown[] | undefined): string {
  if (field === 'parties') return canonicalJson([...((list ?? []) as TreatyParty[])].sort((a, b) => a.country.localeCompare(b.country)));
  return canonicalJson(((list ?? []) as Provision[]).map((p) => ({ ...p, ...(p.terms ? { terms: [...p.terms].sort() } : {}) })));
}

export class ImportWriter {
  readonly counts = { created: 0, updated: 0, unchanged: 0 };
  private batch: KnowledgeRecord[] = [];
  private readonly batchTreaties = new Set<string>();
  /** Treaties of this file already written (their protocols may follow). */
  private readonly written = new Set<string>();
  /** Treaties whose parent comes later in the file. */
  private deferred: TreatyDocument[] = [];
  private patches: PatchItem[] = [];
  private done = 0;

  constructor(
    private readonly trx: Kysely<DB>,
    private readonly refs: ReferenceSets,
    private readonly options: {
      size: number;
      /** Whether the file defines this treaty id. */
      inFile: (treatyId: string) => boolean;
      /** A law record without an attachment keeps the stored one (formats that cannot carry files). */
      keepAttachments: boolean;
      progress: (records: number) => void;
    },
  ) {}

  private tally(outcomes: readonly SaveOutcome[]): void {
    for (const o of outcomes) this.counts[o]++;
    this.done += outcomes.length;
    this.options.progress(this.done);
  }

  async add(record: KnowledgeRecord): Promise<void> {
    if (record.type === 'treaty' && record.parent_id && this.options.inFile(record.parent_id) && !this.written.has(record.parent_id)) {
      if (this.batchTreaties.has(record.parent_id)) await this.flush();
      else {
        this.deferred.push(record);
        return;
      }
    }
    this.batch.push(record);
    if (record.type === 'treaty') this.batchTreaties.add(record.id);
    if (this.batch.length >= this.options.size) await this.flush();
  }

  async flush(): Promise<void> {
    const list = this.batch;
    if (!list.length) return;
    this.batch = [];
    this.batchTreaties.clear();
    // Records that would store exactly what is stored are skipped (even when written differently).
    // Same content hash: the very same record was saved before. Otherwise compare with the stored rows.
    const [lawHeads, entryHeads] = await Promise.all([
      findLawHeads(this.trx, list.flatMap((r) => (r.type === 'law' ? [r.id] : []))),
      findEntryHeads(this.trx, list.flatMap((r) => (r.type !== 'law' ? [r.id] : []))),
    ]);
    const sameHash = (r: KnowledgeRecord) => (r.type === 'law' ? lawHeads.get(r.id) : entryHeads.get(r.id))?.content_hash === contentHash(r);
    const unchanged = new Set(list.filter(sameHash));
    const rest = unchanged.size ? list.filter((r) => !unchanged.has(r)) : list;
    if (unchanged.size) this.tally(new Array<SaveOutcome>(unchanged.size).fill('unchanged'));
    const lawIds = rest.flatMap((r) => (r.type === 'law' && lawHeads.has(r.id) ? [r.id] : []));
    const entryIds = rest.flatMap((r) => (r.type !== 'law' && entryHeads.has(r.id) ? [r.id] : []));
    const [laws, entries] = await Promise.all([
      lawIds.length ? loadLawDocuments(this.trx, lawIds) : [],
      entryIds.length ? loadEntryDocuments(this.trx, entryIds, { publishedOnly: false }) : [],
    ]);
    const storedLaws = new Map(laws.map((l) => [l.id, l]));
    const storedEntries = new Map(entries.map((e) => [e.id, e]));
    const changed = rest.flatMap((r): KnowledgeRecord[] => {
      if (r.type === 'law') {
        const stored = storedLaws.get(r.id);
        if (!stored) return [r];
        const law = this.options.keepAttachments && !r.attachment && stored.attachment ? { ...r, attachment: stored.attachment } : r;
        return sameLaw(law, stored) ? [] : [law];
      }
      const stored = storedEntries.get(r.id);
      if (!stored) return [r];
      const merged = keepUnpublished(r, stored);
      return sameEntry(merged, stored) ? [] : [merged];
    });
    if (changed.length < rest.length) this.tally(new Array<SaveOutcome>(rest.length - changed.length).fill('unchanged'));
    if (changed.length) this.tally(await saveRecords(this.trx, changed, { origin: 'import', checked: true, refs: this.refs }));
    for (const r of list) if (r.type === 'treaty') this.written.add(r.id);
  }

  async addPatch(patch: PatchItem): Promise<void> {
    this.patches.push(patch);
    if (this.patches.length >= Math.max(1, Math.floor(this.options.size / 20))) await this.flushPatches();
  }

  private async flushPatches(): Promise<void> {
    const list = this.patches;
    if (!list.length) return;
    this.patches = [];
    const treaties = await loadTreaties(this.trx, list.map((p) => p.treatyId));
    // Counted by row: a treaty's outcome counts once for each of its rows in the file.
    const changed: { record: KnowledgeRecord; rows: number }[] = [];
    for (const p of list) {
      const treaty = treaties.get(p.treatyId);
      if (!treaty) throw new Error(`treaty "${p.treatyId}" disappeared during the import`);
      if (comparable(p.field, treaty[p.field]) === comparable(p.field, p.value)) {
        this.tally(new Array<SaveOutcome>(p.value.length).fill('unchanged'));
        continue;
      }
      const parsed = parseRecord(mergePatch(treaty, p));
      if (!parsed.ok) throw new Error(`treaty "${p.treatyId}" no longer validates: ${parsed.issues[0]?.field} ${parsed.issues[0]?.message}`);
      changed.push({ record: parsed.value, rows: p.value.length });
    }
    if (!changed.length) return;
    const outcomes = await saveRecords(this.trx, changed.map((c) => c.record), { origin: 'import', checked: true, refs: this.refs });
    this.tally(outcomes.flatMap((o, i) => new Array<SaveOutcome>(changed[i]!.rows).fill(o)));
  }

  /** Write what is pending, then the treaties that waited for a parent defined later in the file. */
  async finishPhase(): Promise<void> {
    await this.flush();
    await this.flushPatches();
    while (this.deferred.length) {
      const ready = this.deferred.filter((t) => this.written.has(t.parent_id!));
      if (!ready.length) throw new Error(`treaties whose parents are never written: ${this.deferred.map((t) => t.id).join(', ')}`);
      this.deferred = this.deferred.filter((t) => !this.written.has(t.parent_id!));
      for (const t of ready) await this.add(t);
      await this.flush();
    }
  }
}
