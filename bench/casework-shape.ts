/**
 * The generated casework of the benchmarks (casework.bench.ts, backup-casework-load.ts): one
 * authority's requests over twelve years to the partner States of the reference data, with one
 * executing authority of its own and two unnamed ones, as the casework demo generator makes them.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../src/platform/db/schema.js';
import { generateCases } from '../src/modules/casework/demo/generator.js';
import { recordRefs } from '../src/modules/casework/import/service.js';

export type BenchCaseShape = { refs: Awaited<ReturnType<typeof recordRefs>>; countries: { iso3: string; region_code: string | null }[] };

/** The reference data the generator draws from (measures, crime types, partner States). */
export async function benchCaseShape(db: Kysely<DB>): Promise<BenchCaseShape> {
  const refs = await recordRefs(db);
  const countries = await db.selectFrom('countries').select(['iso3', 'region_code']).execute();
  return { refs, countries };
}

/** The `count` generated requests of the bench's authority number `i`. */
export function benchCases(shape: BenchCaseShape, i: number, authorityId: string, exec: string, count: number): ReturnType<typeof generateCases> {
  return generateCases({
    seed: `bench-${i}`,
    count,
    today: new Date('2026-06-30T00:00:00Z'),
    years: 12,
    authorityId,
    country: 'FRA',
    demo: false,
    executors: [
      { id: exec, name: 'Executing authority', bodyKind: 'prosecution' },
      { id: null, name: 'Court', bodyKind: 'court' },
      { id: null, name: 'Police', bodyKind: 'police' },
    ],
    partners: shape.countries.map((c) => ({ iso3: c.iso3, region: c.region_code })),
    measures: shape.refs.measures,
    crimes: [...shape.refs.crimes],
  });
}
