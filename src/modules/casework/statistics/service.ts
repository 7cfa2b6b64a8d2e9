/**
 * Casework statistics: permission checks, then the figures of an authority or of a State.
 *
 * Who sees what (access/policy.ts, unchanged):
 * - an authority's figures: casework.statistics on that authority (its officers and supervisors);
 * - a State's figures across its authorities: casework.statistics with the resource {country} (the
 *   focal point of that State), or a supervisor of an authority of that State (casework.supervise on
 *   an authority the directory lists under that country). The figures are aggregates; the supervisor
 *   sees no case of the other authorities.
 * A request without casework.statistics anywhere is refused (403) before anything is read.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { ForbiddenError, ValidationError } from '../../../platform/http/errors.js';
import { allow, assertAllowed, assertAllowedSomewhere, scopeOf, type Actor } from '../../access/index.js';
import { authoritiesOfCountry } from '../../directory/index.js';
import { listCountries } from '../../reference/index.js';
import { shapeFigures, type CaseworkFigures } from './domain/figures.js';
import { parseFilters, type StatisticsFilters } from './domain/filters.js';
import { withCaseScope } from '../repository/scope.js';
import { selectFigureRows, selectLastChange, selectSettings, selectYears, type CountScope } from './repository.js';
import { FiguresCache } from './cache.js';

export interface StatisticsView {
  /** The authority counted, or null for a State's figures. */
  authorityId: string | null;
  country: string | null;
  /** Owners counted (one authority, or every authority of the State). */
  authorityIds: string[];
  /** Authorities the actor may see the figures of (to switch between them). */
  choices: string[];
  years: number[];
  figures: CaseworkFigures;
}

const ISO3 = /^[A-Z]{3}$/;

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** M49 region code of each State (partner States by region). */
export async function regionLookup(db: Kysely<DB>): Promise<(iso3: string) => string | null> {
  const map = new Map((await listCountries(db)).map((c) => [c.iso3, c.region_code]));
  return (iso3) => map.get(iso3) ?? null;
}

const cache = new FiguresCache<CaseworkFigures>();

/** Figures of the given owners, from this node's cache while nothing changed (no permission check: the callers check). */
export async function cachedFigures(db: Kysely<DB>, scope: CountScope, filters: StatisticsFilters, now: Date): Promise<CaseworkFigures> {
  const key = JSON.stringify([scope.authorityIds, scope.country ?? null, filters, isoDay(now), await selectLastChange(db, scope.authorityIds)]);
  const hit = cache.get(key);
  if (hit) return hit;
  const figures = await computeFigures(db, scope, filters, now);
  cache.set(key, figures);
  return figures;
}

/** Figures of the given owners, computed now (no permission check: the callers check). */
export async function computeFigures(db: Kysely<DB>, scope: CountScope, filters: StatisticsFilters, now: Date): Promise<CaseworkFigures> {
  const asOf = isoDay(now);
  // One after the other: on a transaction (publication) the scoped statements share its connection.
  const regionOf = await regionLookup(db);
  const rows = await selectFigureRows(db, scope, filters, asOf);
  return shapeFigures(rows, filters, asOf, regionOf);
}

/** Figures of one authority: `authority` in the query, or the first the actor may see. */
export async function authorityStatistics(db: Kysely<DB>, actor: Actor, query: Record<string, unknown>, now = new Date()): Promise<StatisticsView> {
  const choices = assertAllowedSomewhere(actor, 'casework.statistics').authorities;
  const filters = parseFilters(query);
  const asked = typeof query.authority === 'string' && query.authority.trim() ? query.authority.trim() : choices[0];
  if (!asked) throw new ForbiddenError('You see the figures of a State, not of an authority (casework.statistics)');
  assertAllowed(actor, 'casework.statistics', { authorityId: asked });
  const scope = { authorityIds: [asked] };
  const [figures, years] = await Promise.all([cachedFigures(db, scope, filters, now), selectYears(db, scope)]);
  return { authorityId: asked, country: null, authorityIds: [asked], choices, years, figures };
}

/**
 * The States whose figures the actor may see: as focal point (the policy's countries), or as
 * supervisor of an authority (the State in that authority's casework settings).
 */
export async function statesOf(db: Kysely<DB>, actor: Actor): Promise<string[]> {
  const stats = scopeOf(actor, 'casework.statistics');
  const countries = new Set(stats.countries);
  const supervised = scopeOf({ ...actor, scopes: null }, 'casework.supervise').authorities;
  if (supervised.length && stats.some) for (const s of await withCaseScope(db, supervised, selectSettings)) countries.add(s.country);
  return [...countries].sort();
}

/** Figures of a State across its authorities. `country` missing: the actor's first State. */
export async function stateStatistics(db: Kysely<DB>, actor: Actor, country: string | undefined, query: Record<string, unknown>, now = new Date()): Promise<StatisticsView> {
  assertAllowedSomewhere(actor, 'casework.statistics');
  const filters = parseFilters(query);
  let iso3 = country?.trim().toUpperCase();
  if (iso3 !== undefined && !ISO3.test(iso3)) throw new ValidationError([{ field: 'country', message: 'must be an ISO 3166-1 alpha-3 code' }]);
  const authorities = iso3 ? await authoritiesOfCountry(db, actor, iso3) : [];
  if (!iso3) {
    iso3 = (await statesOf(db, actor))[0];
    if (!iso3) throw new ForbiddenError('You may see the figures of no State (casework.statistics)');
    authorities.push(...(await authoritiesOfCountry(db, actor, iso3)));
  }
  // The supervisor's own authorities of that State count even when the directory does not list them.
  const supervised = scopeOf({ ...actor, scopes: null }, 'casework.supervise').authorities;
  const own = supervised.length ? (await withCaseScope(db, supervised, selectSettings)).filter((s) => s.country === iso3).map((s) => s.authority_id) : [];
  const ids = [...new Set([...authorities.map((a) => a.doc.id), ...own])];
  if (!allow(actor, 'casework.statistics', { country: iso3 }) && !ids.some((id) => supervised.includes(id))) {
    throw new ForbiddenError(`You are not allowed to see the figures of ${iso3} (casework.statistics)`);
  }
  const scope = { authorityIds: ids, country: iso3 };
  const [figures, years] = await Promise.all([cachedFigures(db, scope, filters, now), selectYears(db, scope)]);
  return { authorityId: null, country: iso3, authorityIds: ids, choices: scopeOf(actor, 'casework.statistics').authorities, years, figures };
}
