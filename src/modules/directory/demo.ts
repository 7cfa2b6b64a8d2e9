/**
 * Demo authorities: for every State with demo knowledge content, a central authority and a 24/7
 * cybercrime contact point, flagged demo (ids "demo-auth-…"), written with the demo corpus and
 * removed with it. Deterministic: a second seed changes nothing.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { LANGS, type Lang } from '../../platform/i18n/languages.js';
import { demoCountries } from '../knowledge/index.js';
import { listCountries } from '../reference/index.js';
import { checkAuthority } from './domain/checks.js';
import type { AuthorityDocument } from './domain/schema.js';
import { authorityHash, loadDirectoryRefs, writeLiveMany } from './live.js';
import { deleteDemoAuthorities, selectContentHashes } from './repository.js';

const CENTRAL: Record<Lang, (c: string) => string> = {
  en: (c) => `Central Authority, Ministry of Justice — ${c}`,
  fr: (c) => `Autorité centrale, ministère de la Justice — ${c}`,
  es: (c) => `Autoridad Central, Ministerio de Justicia — ${c}`,
  ru: (c) => `Центральный орган, Министерство юстиции — ${c}`,
  ar: (c) => `السلطة المركزية، وزارة العدل — ${c}`,
  zh: (c) => `${c}司法部中央机关`,
};
const CYBER: Record<Lang, (c: string) => string> = {
  en: (c) => `National 24/7 Cybercrime Contact Point — ${c}`,
  fr: (c) => `Point de contact national 24/7 pour la cybercriminalité — ${c}`,
  es: (c) => `Punto de contacto nacional 24/7 de ciberdelincuencia — ${c}`,
  ru: (c) => `Национальный круглосуточный контактный центр по киберпреступности — ${c}`,
  ar: (c) => `جهة الاتصال الوطنية العاملة على مدار الساعة للجرائم السيبرانية — ${c}`,
  zh: (c) => `${c}国家网络犯罪全天候联络点`,
};
const ZONES: Record<string, string> = {
  FRA: 'Europe/Paris', ESP: 'Europe/Madrid', ITA: 'Europe/Rome', DEU: 'Europe/Berlin', GBR: 'Europe/London', RUS: 'Europe/Moscow', CHN: 'Asia/Shanghai',
  EGY: 'Africa/Cairo', MAR: 'Africa/Casablanca', SAU: 'Asia/Riyadh', ARE: 'Asia/Dubai', JOR: 'Asia/Amman', LBN: 'Asia/Beirut', TUN: 'Africa/Tunis', DZA: 'Africa/Algiers',
  MEX: 'America/Mexico_City', COL: 'America/Bogota', ARG: 'America/Argentina/Buenos_Aires', BRA: 'America/Sao_Paulo', CHL: 'America/Santiago', PER: 'America/Lima',
  USA: 'America/New_York', CAN: 'America/Toronto', KEN: 'Africa/Nairobi', NGA: 'Africa/Lagos', ZAF: 'Africa/Johannesburg', SEN: 'Africa/Dakar', IND: 'Asia/Kolkata',
  JPN: 'Asia/Tokyo', AUS: 'Australia/Sydney', IDN: 'Asia/Jakarta', THA: 'Asia/Bangkok', VNM: 'Asia/Ho_Chi_Minh', KAZ: 'Asia/Almaty', UKR: 'Europe/Kyiv', BLR: 'Europe/Minsk',
};

function demoDocs(iso3: string, names: Partial<Record<Lang, string>>, index: number): AuthorityDocument[] {
  const n = (tpl: Record<Lang, (c: string) => string>) => Object.fromEntries(LANGS.map((l) => [l, tpl[l](names[l] ?? names.en ?? iso3)]));
  const lower = iso3.toLowerCase();
  const tz = ZONES[iso3] ?? 'UTC';
  const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, open: '08:30', close: '17:00' }));
  return [
    {
      id: `demo-auth-${lower}-central`,
      country: iso3,
      demo: true,
      names: n(CENTRAL),
      functions: [
        { code: 'mla', articles: ['untoc:18'] },
        { code: 'extradition', articles: ['untoc:16'] },
        { code: 'transfer-sentenced-persons', articles: ['untoc:17'] },
        ...(index % 2 ? [{ code: 'confiscation' as const, articles: ['untoc:13'] }] : []),
        { code: 'uncac-central', articles: ['uncac:46'] },
      ],
      address: `1 Demo Avenue\nDemo City (${iso3})`,
      phones: [{ number: `+1 555 01${String(index % 100).padStart(2, '0')}`, label: 'Switchboard (demo)' }],
      direct_lines: [{ number: `+1 555 02${String(index % 100).padStart(2, '0')}`, label: 'Duty officer (demo)' }],
      emails: [{ address: `central-authority@${lower}.demo.example` }],
      contacts: [{ name: `Demo Caseworker ${iso3}`, title: 'Head of the MLA unit (demo)', email: `caseworker@${lower}.demo.example` }],
      hours: { time_zone: tz, weekly: weekdays },
      languages: index % 3 === 0 ? ['en', 'fr'] : index % 3 === 1 ? ['en', 'es'] : ['en', 'ar'],
      channels: ['direct', 'diplomatic', ...(index % 2 ? (['electronic'] as const) : [])],
      electronic_requests: index % 2 ? 'urgent_only' : 'never',
      urgent_procedure: { en: 'Demo: send an advance copy by e-mail and call the duty officer; the original follows through the usual channel.' },
      untoc_extradition_basis: { value: index % 3 === 2 ? 'no' : 'yes' },
      requirements: [
        { measure: 'taking-evidence', status: 'conditions', conditions: { en: 'Demo: a summary of the facts and the questions to be put.' } },
        { measure: 'search-seizure-freezing', status: 'conditions', conditions: { en: 'Demo: dual criminality is required.' } },
        { measure: 'service-of-documents', status: 'applicable' },
      ],
      notes: { en: 'Demonstration record: invented data.' },
      visibility: { requirements: index % 4 === 0 ? 'practitioners' : 'public' },
    },
    {
      id: `demo-auth-${lower}-cyber`,
      country: iso3,
      demo: true,
      names: n(CYBER),
      functions: [{ code: 'cyber-24-7', articles: ['coe-cybercrime:35'] }],
      emails: [{ address: `24-7@${lower}.demo.example` }],
      direct_lines: [{ number: `+1 555 03${String(index % 100).padStart(2, '0')}`, label: '24/7 line (demo)' }],
      hours: { time_zone: tz, always_open: true, weekly: [] },
      languages: ['en'],
      channels: ['direct', 'electronic'],
      electronic_requests: 'always',
      e_evidence: { preservation: { en: 'Demo: identify the data, the provider and the offence; a request for mutual assistance follows within 60 days.' } },
      notes: { en: 'Demonstration record: invented data.' },
    },
  ];
}

/** Write the demo authorities (in the caller's transaction). Returns how many were written or left unchanged. */
export async function seedDemoAuthorities(db: Kysely<DB>): Promise<{ written: number; unchanged: number }> {
  const [countries, refs, codes] = await Promise.all([listCountries(db), loadDirectoryRefs(db), demoCountries(db)]);
  const docs = codes.flatMap((iso3, i) => {
    const c = countries.find((x) => x.iso3 === iso3);
    return c ? demoDocs(iso3, c.names, i) : [];
  });
  const existing = await selectContentHashes(db, docs.map((d) => d.id));
  const writes: Parameters<typeof writeLiveMany>[1][number][] = [];
  for (const [i, d] of docs.entries()) {
    const checked = checkAuthority(d, refs);
    if (!checked.ok) continue; // e.g. an instrument article that this database does not hold
    if (existing.get(d.id)?.hash === authorityHash(checked.doc)) continue;
    // Every fifth State's entries were last verified two years ago: the staleness flag shows.
    const on = new Date(Date.UTC(new Date().getUTCFullYear() - (i % 10 < 2 ? 2 : 0), 0, 15)).toISOString().slice(0, 10);
    writes.push({ doc: checked.doc, options: { origin: 'demo', demo: true, verified: { on, by: 'Demo focal point', userId: null } } });
  }
  await writeLiveMany(db, writes);
  return { written: writes.length, unchanged: docs.length - writes.length };
}

export async function removeDemoAuthorities(db: Kysely<DB>): Promise<number> {
  return deleteDemoAuthorities(db);
}
