/**
 * The casework demo generator (pure, deterministic for a seed): requests over five years for one
 * authority with a realistic mix of kinds, partners, outcomes and durations, executing authorities'
 * tracks, and a history of about 10-25 events per case. Used by `seed --demo` and the bench.
 */
import type { CaseRecord } from '../domain/record.js';
import { rowsOfRecord, type CaseRows } from '../domain/record-rows.js';
import type { CaseKind, CaseState, Direction, ExecutingBodyKind, ExecutionState, RefusalGround } from '../domain/vocabulary.js';
import type { PlannedEvent } from '../import/repository.js';
import { EXECUTED_STATES, OUTCOME_WEIGHTS, PATHS, type DemoOutcome } from './lifecycle.js';
import { personName } from './names.js';
import { CaseRng, Cumulative } from './random.js';

export interface DemoPartner {
  iso3: string;
  region: string | null;
}

export interface DemoExecutor {
  id: string | null;
  name: string;
  bodyKind: ExecutingBodyKind;
}

export interface DemoSettings {
  seed: string;
  count: number;
  authorityId: string;
  country: string;
  executors: readonly DemoExecutor[];
  partners: readonly DemoPartner[];
  /** Codes present in the reference taxonomies. */
  measures: ReadonlySet<string>;
  crimes: readonly string[];
  /** The last day of the five years (UTC midnight). */
  today: Date;
  years?: number;
  demo?: boolean;
  /** Names shown as the actors of events. */
  officers?: readonly string[];
}

export interface GeneratedCase {
  rows: CaseRows;
  events: PlannedEvent[];
}

const DAY = 86_400_000;
const KIND_WEIGHTS: Record<CaseKind, number> = {
  mla: 65, extradition: 15, provisional_arrest: 5, confiscation: 4, transfer_sentenced: 3, joint_investigation: 2, videoconference: 2, service_documents: 2, spontaneous_information: 1.5, transfer_proceedings: 0.5, other: 0,
};
const MLA_MEASURES = ['taking-evidence', 'documents-records', 'search-seizure-freezing', 'information-expert-evaluations', 'tracing-proceeds', 'examining-objects-sites', 'voluntary-appearance', 'data-preservation', 'subscriber-information', 'traffic-data-disclosure', 'stored-data-access'];
const KIND_MEASURES: Partial<Record<CaseKind, string[]>> = { videoconference: ['video-hearing'], service_documents: ['service-of-documents'], confiscation: ['tracing-proceeds', 'search-seizure-freezing'], joint_investigation: ['taking-evidence'] };
const CRIME_WEIGHTS: Record<string, number> = { 'drug-offences': 20, 'money-laundering': 18, corruption: 12, cybercrime: 12, 'trafficking-in-persons': 8, 'organized-criminal-group': 8, 'smuggling-of-migrants': 6, 'firearms-trafficking': 4, counterfeiting: 3, 'obstruction-of-justice': 2 };
const REGION_WEIGHTS: Record<string, number> = { '150': 3, '019': 1.6, '142': 1.6, '002': 1.2, '009': 0.4 };
const GROUNDS: RefusalGround[] = ['not_in_conformity', 'sovereignty_security_public_order', 'domestic_law_prohibits', 'dual_criminality', 'ne_bis_in_idem', 'political_offence', 'death_penalty', 'statute_of_limitations'];
const CHANNELS = { central_authorities: 70, diplomatic: 12, electronic: 10, interpol: 5, direct_judicial: 3 } as const;
const LANG_OF_REGION: Record<string, string> = { '150': 'en', '019': 'es', '142': 'en', '002': 'fr', '009': 'en' };
const KIND_TITLE: Record<CaseKind, string> = {
  mla: 'Evidence', extradition: 'Extradition', provisional_arrest: 'Provisional arrest', transfer_sentenced: 'Transfer of a sentenced person', transfer_proceedings: 'Transfer of proceedings', confiscation: 'Freezing and confiscation',
  joint_investigation: 'Joint investigation team', videoconference: 'Hearing by videoconference', service_documents: 'Service of documents', spontaneous_information: 'Spontaneous information', other: 'Request',
};

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const words = (code: string) => code.replace(/-/g, ' ');

function uuid(rng: CaseRng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng.next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(rng.next() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const sha = (rng: CaseRng) => Array.from({ length: 64 }, () => Math.floor(rng.next() * 16).toString(16)).join('');

/** The demo cases, oldest first, with references numbered per year and direction in date order. */
export function* generateCases(s: DemoSettings): Generator<GeneratedCase> {
  const rng = new CaseRng(s.seed);
  const years = s.years ?? 5;
  const end = s.today.getTime();
  const start = end - years * 365 * DAY;
  const partners = new Cumulative(
    s.partners.filter((p) => p.iso3 !== s.country),
    (p) => (REGION_WEIGHTS[p.region ?? ''] ?? 0.5) * (1 + 4 * rng.next() ** 3),
  );
  const crimes = new Cumulative(s.crimes, (c) => CRIME_WEIGHTS[c] ?? 0.5);
  // Start dates: more requests in recent years (caseloads grow).
  const starts = Array.from({ length: s.count }, () => ({ t: start + Math.sqrt(rng.next()) * (end - start), incoming: rng.chance(0.55) })).sort((a, b) => a.t - b.t);
  const numbers = new Map<string, number>();
  const officers = s.officers?.length ? s.officers : ['Demo Officer', 'Demo Supervisor'];
  for (const st of starts) {
    const direction: Direction = st.incoming ? 'incoming' : 'outgoing';
    const year = new Date(st.t).getUTCFullYear();
    const key = `${direction}:${year}`;
    const n = (numbers.get(key) ?? 0) + 1;
    numbers.set(key, n);
    yield oneCase(rng, s, { t: Math.floor(st.t / DAY) * DAY, direction, reference: `${direction === 'incoming' ? 'MLI' : 'MLO'}/${year}/${String(n).padStart(5, '0')}`, partner: partners.pick(rng), crimes, end, officers });
  }
}

function oneCase(rng: CaseRng, s: DemoSettings, c: { t: number; direction: Direction; reference: string; partner: DemoPartner; crimes: Cumulative<string>; end: number; officers: readonly string[] }): GeneratedCase {
  const kind = c.direction === 'outgoing' && rng.chance(0.3) ? 'mla' : rng.weighted(KIND_WEIGHTS);
  const outcome: DemoOutcome = rng.weighted(OUTCOME_WEIGHTS);
  const stalled = rng.chance(0.04);
  const days = Math.min(1100, Math.max(10, rng.logNormal(150, 0.85))) * (stalled ? 4 : 1);
  const path = PATHS[c.direction][outcome];
  const total = path.reduce((sum, [, w]) => sum + w, 0);
  let acc = 0;
  const steps = path.map(([state, w]) => ({ state, t: c.t + Math.round(((acc += w) / total) * days) * DAY + rng.int(8, 17) * 3_600_000 }));
  const reached = steps.filter((x) => x.t <= c.end);
  if (!reached.length) reached.push(steps[0]!);
  const finished = reached.length === steps.length;
  const last = reached[reached.length - 1]!;
  const stepAt = (st: CaseState) => reached.find((x) => x.state === st)?.t;
  const executedAt = reached.find((x) => EXECUTED_STATES.has(x.state))?.t;

  const crimeList = [...new Set([c.crimes.pick(rng), ...(rng.chance(0.3) ? [c.crimes.pick(rng)] : [])])];
  const measures = (kind === 'mla' ? rng.some(MLA_MEASURES, 1, 3) : (KIND_MEASURES[kind] ?? [])).filter((m) => s.measures.has(m));
  const urgent = kind === 'provisional_arrest' || rng.chance(0.08);
  const persons = personsFor(rng, kind, c.partner, s.country);
  const lang = LANG_OF_REGION[c.partner.region ?? ''] ?? 'en';
  const received = isoDay(c.t);
  const basis = kind === 'extradition' || kind === 'provisional_arrest' ? '16' : kind === 'confiscation' ? '13' : '18';
  const legal = rng.weighted({ untoc: 30, treaty: 32, uncac: 10, reciprocity: 15, domestic_law: 8, other: 5 });
  const record: CaseRecord = {
    reference: c.reference,
    direction: c.direction,
    kind,
    state: last.state,
    state_since: new Date(last.t).toISOString(),
    partner: { country: c.partner.iso3, authority_name: `Central authority of ${c.partner.iso3} (demo)`, ...(rng.chance(0.8) ? { reference: `${c.partner.iso3}-${new Date(c.t).getUTCFullYear()}-${rng.int(100, 99999)}` } : {}) },
    title: `${KIND_TITLE[kind]}: ${words(crimeList[0] ?? 'offence')} (${c.partner.iso3})`,
    summary: `Demo request: ${words(crimeList.join(', '))}; ${persons.length} person(s) concerned. Invented data.`,
    ...(measures.length ? { measures } : {}),
    ...(crimeList.length ? { crime_types: crimeList } : {}),
    ...(urgent ? { urgency: rng.chance(0.3) ? 'very_urgent' : 'urgent', urgency_reason: kind === 'provisional_arrest' ? 'Person in provisional arrest' : rng.pick(['Suspect in custody', 'Data about to be deleted', 'Trial date set']) } : {}),
    ...(rng.chance(0.1) ? { confidential: true } : {}),
    ...(c.direction === 'incoming' && rng.chance(0.3) ? { partner_deadline: isoDay(c.t + rng.int(60, 180) * DAY) } : {}),
    languages: lang === 'en' ? ['en'] : [lang, 'en'],
    ...(lang !== 'en' && rng.chance(0.4) ? { translation_required: true } : {}),
    channel: rng.weighted(CHANNELS),
    dates: {
      ...(c.direction === 'incoming' ? { received_on: received } : stepAt('sent') ? { sent_on: isoDay(stepAt('sent')!) } : {}),
      ...(executedAt && finished ? { executed_on: isoDay(executedAt) } : {}),
      ...(finished ? { closed_on: isoDay(last.t) } : {}),
    },
    ...(finished ? { outcome } : {}),
    ...(finished && outcome === 'refused' ? { refusal_grounds: [rng.pick(GROUNDS)] } : {}),
    persons,
    legal_bases: [legal === 'untoc' ? { basis: 'untoc', instrument_id: 'untoc', article: basis } : legal === 'uncac' ? { basis: 'uncac', instrument_id: 'uncac', article: basis === '18' ? '46' : '44' } : legal === 'treaty' ? { basis: 'treaty', note: `Bilateral treaty with ${c.partner.iso3} (demo)` } : { basis: legal }],
  };
  const forwardedAt = c.direction === 'incoming' ? stepAt('forwarded') : undefined;
  const tracks = forwardedAt ? tracksFor(rng, s, forwardedAt, executedAt ?? stepAt('withdrawn') ?? stepAt('lapsed') ?? last.t, finished, outcome, c.end, measures) : [];
  if (tracks.length) record.executions = tracks.map((x) => x.record);
  if (record.partner_deadline) record.deadlines = [{ kind: 'partner', label: 'Deadline of the requesting State', due_on: record.partner_deadline, ...(executedAt && isoDay(executedAt) <= record.partner_deadline ? { met_on: isoDay(executedAt) } : {}) }];
  const caseId = uuid(rng);
  const executionIds = tracks.map(() => uuid(rng));
  const rows = rowsOfRecord(record, { caseId, authorityId: s.authorityId, country: s.country, executionIds, demo: s.demo ?? true, now: new Date(c.t).toISOString() });
  rows.case.created_at = new Date(c.t).toISOString();
  rows.case.updated_at = new Date(last.t).toISOString();
  return { rows, events: eventsFor(rng, s, record, reached, tracks, executionIds, c.officers) };
}

function personsFor(rng: CaseRng, kind: CaseKind, partner: DemoPartner, own: string): NonNullable<CaseRecord['persons']> {
  const n = kind === 'spontaneous_information' ? rng.int(0, 1) : kind === 'mla' || kind === 'joint_investigation' || kind === 'confiscation' ? rng.int(1, 3) : 1;
  return Array.from({ length: n }, (_, i) => {
    const role = kind === 'extradition' || kind === 'provisional_arrest' ? 'accused' : kind === 'transfer_sentenced' ? 'sentenced_person' : i === 0 ? 'suspect' : rng.pick(['witness', 'suspect', 'victim'] as const);
    const nationality = rng.chance(0.6) ? partner.iso3 : own;
    return { role, ...personName(rng, nationality, partner.region), ...(rng.chance(0.5) ? { birth_date: isoDay(Date.UTC(rng.int(1955, 2002), rng.int(0, 11), rng.int(1, 28))) } : {}), nationalities: [nationality] };
  });
}

interface Track {
  record: NonNullable<CaseRecord['executions']>[number];
  steps: { state: ExecutionState; t: number }[];
}

function tracksFor(rng: CaseRng, s: DemoSettings, from: number, until: number, finished: boolean, outcome: DemoOutcome, end: number, measures: string[]): Track[] {
  const n = Math.min(s.executors.length, rng.next() < 0.6 ? 1 : rng.next() < 0.75 ? 2 : 3);
  return rng.some(s.executors, n, n).map((x) => {
    const fwd = Math.min(from + rng.int(0, 3) * DAY, end);
    const span = Math.max(until - fwd, 3 * DAY);
    const final: ExecutionState = !finished ? 'in_execution' : outcome === 'withdrawn' || outcome === 'lapsed' ? 'withdrawn' : outcome === 'partly_executed' && rng.chance(0.5) ? 'partly_executed' : rng.chance(0.05) ? 'unable_to_execute' : 'executed';
    const all: { state: ExecutionState; t: number }[] = [{ state: 'forwarded', t: fwd }, { state: 'acknowledged', t: fwd + span * 0.1 }, { state: 'in_execution', t: fwd + span * 0.25 }];
    if (final !== 'in_execution') all.push({ state: final, t: Math.max(fwd + span, fwd + span * 0.3) });
    const steps = all.filter((st) => st.t <= end).map((st) => ({ ...st, t: Math.round(st.t) }));
    const lastStep = steps[steps.length - 1]!;
    return {
      steps,
      record: {
        ...(x.id ? { executing_authority_id: x.id } : {}),
        executing_name: x.name,
        body_kind: x.bodyKind,
        state: lastStep.state,
        state_since: new Date(lastStep.t).toISOString(),
        ...(rng.chance(0.7) ? { their_reference: `EX-${rng.int(1000, 99999)}` } : {}),
        ...(measures.length ? { measures } : {}),
        forwarded_on: isoDay(fwd),
        due_on: isoDay(fwd + rng.int(30, 120) * DAY),
        last_news_on: isoDay(lastStep.t),
      },
    };
  });
}

function eventsFor(rng: CaseRng, s: DemoSettings, r: CaseRecord, reached: { state: CaseState; t: number }[], tracks: Track[], executionIds: string[], officers: readonly string[]): PlannedEvent[] {
  const out: PlannedEvent[] = [];
  const who = () => rng.pick(officers);
  const add = (t: number, type: PlannedEvent['type'], data: Record<string, unknown>, actingAuthorityId: string | null = s.authorityId, actorName = who()) =>
    out.push({ type, data, at: new Date(Math.round(t)), actorId: null, actorName, actingAuthorityId });
  const t0 = reached[0]!.t;
  add(t0, 'created', { direction: r.direction, kind: r.kind, title: r.title, partner_country: r.partner.country });
  r.persons?.forEach((p, i) => add(t0 + (i + 1) * 60_000, 'person_added', { role: p.role, family_name: p.family_name }));
  add(t0 + 600_000, 'legal_basis_set', { legal_bases: r.legal_bases });
  add(t0 + 900_000, 'document_added', { kind: 'request', sha256: sha(rng), filename: 'request.pdf' });
  if (r.languages?.length && r.languages[0] !== 'en') add(t0 + 2 * DAY, 'document_added', { kind: 'translation', sha256: sha(rng), filename: 'request-en.pdf', language: 'en' });
  add(t0 + 3_600_000, 'assigned', { to: officers[0] });
  if (r.partner_deadline) add(t0 + 1_800_000, 'deadline_set', { kind: 'partner', due_on: r.partner_deadline });
  for (let i = 1; i < reached.length; i++) {
    const step = reached[i]!;
    if (step.state === 'registered') add(step.t, 'edited', { reference: { before: null, after: r.reference } });
    add(step.t, 'transition', { from: reached[i - 1]!.state, to: step.state });
    if (step.state === 'results_review' || step.state === 'executed' || step.state === 'partly_executed') add(step.t + 3_600_000, 'document_added', { kind: 'result', sha256: sha(rng), filename: 'results.pdf' });
  }
  tracks.forEach((tr, i) => {
    const id = executionIds[i]!;
    const acting = tr.record.executing_authority_id ?? s.authorityId;
    add(tr.steps[0]!.t, 'execution_forwarded', { execution_id: id, executing_name: tr.record.executing_name, executing_authority_id: tr.record.executing_authority_id ?? null });
    for (let j = 1; j < tr.steps.length; j++) add(tr.steps[j]!.t, 'execution_transition', { execution_id: id, executing_authority_id: tr.record.executing_authority_id ?? null, from: tr.steps[j - 1]!.state, to: tr.steps[j]!.state }, acting, `Officer of ${tr.record.executing_name}`);
    if (rng.chance(0.3)) add((tr.steps[0]!.t + tr.steps[tr.steps.length - 1]!.t) / 2, 'chased', { execution_id: id, executing_authority_id: tr.record.executing_authority_id ?? null });
  });
  if (rng.chance(0.25)) add((t0 + reached[reached.length - 1]!.t) / 2, 'status_enquiry', { from: r.partner.country });
  const met = r.deadlines?.[0]?.met_on;
  if (met) add(Date.parse(`${met}T16:00:00Z`), 'deadline_met', { kind: 'partner', met_on: met });
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}
