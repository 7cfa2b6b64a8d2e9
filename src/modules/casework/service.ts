/**
 * Cases: create (incoming received, outgoing draft), edit (optimistic, version checked), read (with
 * history, verification and the access log), assign. Permission first (403 before anything is read),
 * every statement in withCaseScope, every change an event in the same transaction. No HTTP here.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { allow, type Actor } from '../access/index.js';
import { checkCaseCreate, checkCaseEdit, EDITABLE_FIELDS, type CaseCreateInput, type CaseEditInput } from './domain/case-input.js';
import { verifyChain, type ChainVerdict, type StoredEvent } from './domain/history.js';
import { formatReference, DEFAULT_PATTERNS } from './domain/references.js';
import { availableTransitions, INITIAL_STATE, type CaseTransition } from './domain/transitions.js';
import type { Direction } from './domain/vocabulary.js';
import { withCaseScope } from './repository/scope.js';
import { appendEvent, listEvents } from './repository/history.js';
import {
  insertCase,
  insertLink,
  insertPerson,
  listLegalBases,
  listLinks,
  listPersons,
  listTracks,
  logAccess,
  nextReferenceNumber,
  replaceLegalBases,
  settingsOf,
  updateCase,
  type CaseRow,
  type PersonRow,
} from './repository/cases.js';
import { actorName, assertOwnerMay, assertVersion, authoritiesFor, caseOr404, chooseAuthority, countryOf, isUuid, loadCaseRefs, standing } from './service-context.js';

export type { CaseRow } from './repository/cases.js';

/** Give the next reference of the authority's sequence (in the caller's transaction). */
export async function giveReference(trx: Transaction<DB>, authorityId: string, direction: Direction, on: Date = new Date()): Promise<string> {
  const settings = await settingsOf(trx, authorityId);
  const pattern = (direction === 'incoming' ? settings?.incoming_pattern : settings?.outgoing_pattern) ?? DEFAULT_PATTERNS[direction];
  const year = on.getUTCFullYear();
  return formatReference(pattern, year, await nextReferenceNumber(trx, authorityId, direction, year));
}

function fieldValues(v: CaseEditInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of EDITABLE_FIELDS) if (v[f] !== undefined) out[f] = typeof v[f] === 'string' && f !== 'partner_country' ? (v[f] as string).trim() : v[f];
  return out;
}

async function create(db: Kysely<DB>, actor: Actor, direction: Direction, body: unknown): Promise<{ id: string; reference: string | null }> {
  const raw = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const { authority_id: named, ...rest } = raw;
  const authorityId = chooseAuthority(actor, 'casework.create', named);
  const checked = checkCaseCreate(rest, await loadCaseRefs(db));
  if (!checked.ok) throw new ValidationError(checked.issues);
  const input: CaseCreateInput = checked.value;
  const country = await countryOf(db, actor, authorityId);
  return withCaseScope(db, [authorityId], async (trx) => {
    const reference = direction === 'outgoing' ? await giveReference(trx, authorityId, 'outgoing') : null;
    const { persons = [], legal_bases = [], links = [] } = input;
    const fields = fieldValues(input);
    const id = await insertCase(trx, {
      ...(fields as object),
      authority_id: authorityId,
      country,
      direction,
      kind: input.kind,
      state: INITIAL_STATE[direction],
      reference,
      partner_country: input.partner_country,
      title: input.title.trim(),
      received_on: direction === 'incoming' ? (input.received_on ?? new Date().toISOString().slice(0, 10)) : null,
      author_id: actor.userId,
      assigned_to: actor.userId,
    });
    for (const p of persons) await insertPerson(trx, id, p);
    await replaceLegalBases(trx, id, legal_bases);
    for (const [i, l] of links.entries()) {
      if (!(await insertLink(trx, id, l))) throw new ValidationError([{ field: `links.${i}.other_case_id`, message: 'no such case of your authority (or linked twice)' }]);
    }
    await appendEvent(trx, {
      caseId: id,
      type: 'created',
      data: { direction, state: INITIAL_STATE[direction], reference, fields, persons: persons.length, legal_bases, links },
      actorId: actor.userId,
      actorName: actorName(actor),
      actingAuthorityId: authorityId,
    });
    return { id, reference };
  });
}

/** Record an incoming request as received (no reference until it is registered after the formal check). */
export function createIncoming(db: Kysely<DB>, actor: Actor, body: unknown) {
  return create(db, actor, 'incoming', body);
}

/** Start an outgoing request as a draft (its reference is given now). */
export function createOutgoing(db: Kysely<DB>, actor: Actor, body: unknown) {
  return create(db, actor, 'outgoing', body);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Edit the case's fields; `expectedVersion` is the version the editor saw (409 when it changed). */
export async function editCase(db: Kysely<DB>, actor: Actor, id: string, body: unknown, expectedVersion: number | undefined): Promise<CaseRow> {
  const authorities = authoritiesFor(actor, 'casework.edit');
  const refs = await loadCaseRefs(db);
  return withCaseScope(db, authorities, async (trx) => {
    const row = await caseOr404(trx, id, true);
    assertOwnerMay(actor, 'casework.edit', row);
    const checked = checkCaseEdit(body, refs, row as unknown as CaseEditInput);
    if (!checked.ok) throw new ValidationError(checked.issues);
    assertVersion(row, expectedVersion);
    if (row.state === 'closed') throw new ConflictError('The case is closed: reopen it before editing');
    const wanted = fieldValues(checked.value);
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const [k, after] of Object.entries(wanted)) {
      const before = (row as Record<string, unknown>)[k];
      if (!same(before, after)) changes[k] = { before: before ?? null, after: after ?? null };
    }
    if (!Object.keys(changes).length) return row;
    const set = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.after]));
    const updated = await updateCase(trx, row.id, row.version, set);
    if (!updated) throw new ConflictError('The case was changed by someone else meanwhile; reload it');
    await appendEvent(trx, { caseId: row.id, type: 'edited', data: { changes }, actorId: actor.userId, actorName: actorName(actor), actingAuthorityId: row.authority_id });
    return { ...updated, version: updated.version };
  });
}


export interface CaseEventView extends StoredEvent {
  actorName: string | null;
}

export interface CaseView {
  case: CaseRow;
  /** The reader works for the owner (all of the case) or for an executing authority (its own track). */
  owner: boolean;
  actingAuthorityId: string;
  persons: PersonRow[];
  legalBases: Awaited<ReturnType<typeof listLegalBases>>;
  links: Awaited<ReturnType<typeof listLinks>>;
  tracks: Awaited<ReturnType<typeof listTracks>>;
  events: CaseEventView[];
  verification: ChainVerdict;
  /** Transitions the reader may apply now. */
  transitions: CaseTransition[];
  may: { edit: boolean; assign: boolean };
}

/**
 * For a reader who is an executing authority (not the case's owner): is the event theirs to see? Events
 * about a track (forwarding, its steps, chases, its deadlines and documents) carry
 * data.executing_authority_id, and their track's id; they are shown to that authority only. Events of
 * tracks recorded before the authority was written into them are recognised by the track's id (the
 * reader's own tracks). Events not about a track (the case's own) are shown.
 */
export function ownTrackEvent(ownAuthorities: ReadonlySet<string>, ownTracks: ReadonlySet<string>) {
  return (e: StoredEvent): boolean => {
    const d = (e.data ?? {}) as Record<string, unknown>;
    const track = d.executionId ?? d.execution_id;
    const aboutTrack = e.type.startsWith('execution_') || e.type === 'chased' || track !== undefined || 'executing_authority_id' in d;
    if (!aboutTrack) return true;
    if (typeof d.executing_authority_id === 'string' && ownAuthorities.has(d.executing_authority_id)) return true;
    return typeof track === 'string' && ownTracks.has(track);
  };
}

/** A case as the reader may see it; the opening is logged (case_access_log). */
export async function getCase(db: Kysely<DB>, actor: Actor, id: string, opts: { log?: boolean } = {}): Promise<CaseView> {
  const authorities = authoritiesFor(actor, 'casework.read');
  return withCaseScope(db, authorities, async (trx) => {
    const row = await caseOr404(trx, id);
    const stand = standing(actor, row);
    if (!stand) throw new NotFoundError('No such case');
    const [persons, legalBases, links, tracks, events] = await Promise.all([listPersons(trx, row.id), listLegalBases(trx, row.id), listLinks(trx, row.id), listTracks(trx, row.id), listEvents(trx, row.id)]);
    const verification = verifyChain(events, { seq: row.history_seq, head: row.history_head });
    // An executing authority sees the history of its own track, not other executing authorities' tracks.
    const visible = stand.owner ? events : events.filter(ownTrackEvent(new Set(authorities), new Set(tracks.filter((x) => x.executing_authority_id && authorities.includes(x.executing_authority_id)).map((x) => x.id))));
    if (opts.log !== false) await logAccess(trx, row.id, actor.userId, stand.actingAuthorityId, 'open');
    const allowed = (a: Parameters<typeof allow>[1]) => allow(actor, a, { authorityId: row.authority_id, authorId: row.author_id });
    return {
      case: row,
      owner: stand.owner,
      actingAuthorityId: stand.actingAuthorityId,
      persons,
      legalBases,
      links: stand.owner ? links : [],
      tracks,
      events: visible,
      verification,
      transitions: stand.owner ? availableTransitions(actor.userId, { direction: row.direction, state: row.state, authorId: row.author_id }, allowed) : [],
      may: { edit: stand.owner && allowed('casework.edit') && row.state !== 'closed', assign: stand.owner && allowed('casework.assign') },
    };
  });
}

/** Assign the case to a user (or to nobody): a supervisor's decision. */
export async function assignCase(db: Kysely<DB>, actor: Actor, id: string, userId: unknown, expectedVersion?: number): Promise<CaseRow> {
  const authorities = authoritiesFor(actor, 'casework.assign');
  if (userId !== null && !isUuid(userId)) throw new ValidationError([{ field: 'user_id', message: 'must be a user id (UUID) or null' }]);
  return withCaseScope(db, authorities, async (trx) => {
    const row = await caseOr404(trx, id, true);
    assertOwnerMay(actor, 'casework.assign', row);
    assertVersion(row, expectedVersion);
    if (row.assigned_to === userId) return row;
    const updated = await updateCase(trx, row.id, row.version, { assigned_to: userId });
    if (!updated) throw new ConflictError('The case was changed by someone else meanwhile; reload it');
    await appendEvent(trx, { caseId: row.id, type: 'assigned', data: { before: row.assigned_to, after: userId }, actorId: actor.userId, actorName: actorName(actor), actingAuthorityId: row.authority_id });
    return updated;
  });
}
