/**
 * What the PDF and DOCX books say about an authority, as plain labelled rows in the reader's language
 * (both renderers use it, so the two books hold the same content). Pure apart from the labels.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { INTL_LOCALE, pickLocalized, type Lang } from '../../../platform/i18n/languages.js';
import { countPublishedByCountry } from '../repository.js';
import { formatDate } from '../../../platform/i18n/messages.js';
import { FUNCTION_BASIS, instrumentOf } from '../domain/functions.js';
import type { AuthorityDocument } from '../domain/schema.js';
import { countryLabel, dirT, edT, fnLabel, instrumentLabel, languageName, measureLabel, type PageRefs } from '../pages/ui.js';

export interface BookText {
  text: string;
  /** Language of the text when it differs from the book's. */
  lang?: string;
}

export interface BookAuthority {
  id: string;
  name: BookText;
  otherNames: BookText[];
  demo: boolean;
  stale: boolean;
  functions: { label: string; basis: string; note?: BookText }[];
  /** Label → value rows (contact, hours, requests). */
  details: { label: string; value: BookText }[];
  contacts: { name: string; title: string; phone: string; email: string }[];
  requirements: { measure: string; status: string; conditions?: BookText }[];
  texts: { label: string; value: BookText }[];
}

function ml(v: Record<string, string> | undefined, lang: Lang): BookText | undefined {
  const p = pickLocalized(v, lang);
  return p ? { text: p.text, ...(p.lang !== lang ? { lang: p.lang } : {}) } : undefined;
}

const plain = (text: string): BookText => ({ text });

export function bookAuthority(doc: AuthorityDocument, meta: { demo: boolean; stale: boolean }, refs: PageRefs, lang: Lang): BookAuthority {
  const t = dirT(lang);
  const e = edT(lang);
  const name = ml(doc.names, lang) ?? plain(doc.id);
  const details: BookAuthority['details'] = [];
  const add = (label: string, value: string | BookText | undefined) => {
    if (value === undefined || value === '') return;
    details.push({ label, value: typeof value === 'string' ? plain(value) : value });
  };
  add(t('address'), doc.address);
  add(t('phones'), doc.phones?.map((p) => `${p.number}${p.label ? ` (${p.label})` : ''}`).join('; '));
  add(t('direct_lines'), doc.direct_lines?.map((p) => `${p.number}${p.label ? ` (${p.label})` : ''}`).join('; '));
  add(t('emails'), doc.emails?.map((m) => m.address).join('; '));
  add(t('website'), doc.website);
  if (doc.hours) {
    const week = [1, 2, 3, 4, 5, 6, 7]
      .map((d) => {
        const slots = doc.hours!.weekly.filter((s) => s.day === d).map((s) => `${s.open}–${s.close}`);
        return slots.length ? `${t(`day_${d}` as 'day_1')} ${slots.join(', ')}` : '';
      })
      .filter(Boolean)
      .join('; ');
    add(t('hours'), `${doc.hours.always_open ? t('always_open') : week || t('closed')} (${doc.hours.time_zone})`);
  }
  add(t('languages'), doc.languages?.map((l) => languageName(lang, l)).join(', '));
  add(t('channels'), doc.channels?.map((c) => t(`channel_${c}`)).join(', '));
  if (doc.electronic_requests) add(t('electronic'), t(`electronic_${doc.electronic_requests}`));
  if (doc.untoc_extradition_basis) {
    const note = ml(doc.untoc_extradition_basis.note, lang);
    add(t('untoc_basis'), `${t(`basis_${doc.untoc_extradition_basis.value}`)}${note ? ` — ${note.text}` : ''}`);
  }
  add(t('verified'), doc.verified ? (doc.verified.by ? t('verified_by', { date: formatDate(lang, doc.verified.on), name: doc.verified.by }) : formatDate(lang, doc.verified.on)) : t('never_verified'));
  const texts: BookAuthority['texts'] = [];
  const addText = (label: string, v: Record<string, string> | undefined) => {
    const x = ml(v, lang);
    if (x) texts.push({ label, value: x });
  };
  addText(t('urgent_procedure'), doc.urgent_procedure);
  addText(t('preservation'), doc.e_evidence?.preservation);
  addText(t('disclosure'), doc.e_evidence?.disclosure);
  addText(t('notes'), doc.notes);
  return {
    id: doc.id,
    name,
    otherNames: Object.entries(doc.names)
      .filter(([l]) => l !== (name.lang ?? lang))
      .map(([l, text]) => ({ text, lang: l })),
    demo: meta.demo,
    stale: meta.stale,
    functions: doc.functions.map((f) => {
      const articles = f.articles?.length ? f.articles : FUNCTION_BASIS[f.code].articles;
      const basis = articles.length ? articles.map((a) => e('article_ref', { instrument: instrumentLabel(refs, instrumentOf(a)), number: a.slice(instrumentOf(a).length + 1) })).join(', ') : FUNCTION_BASIS[f.code].reference;
      const note = ml(f.note, lang);
      return { label: fnLabel(lang, f.code), basis, ...(note ? { note } : {}) };
    }),
    details,
    contacts: (doc.contacts ?? []).map((c) => ({ name: c.name, title: c.title ?? '', phone: c.phone ?? '', email: c.email ?? '' })),
    requirements: (doc.requirements ?? []).map((r) => {
      const conditions = ml(r.conditions, lang);
      return { measure: measureLabel(refs, r.measure, lang), status: t(`status_${r.status}`), ...(conditions ? { conditions } : {}) };
    }),
    texts,
  };
}

export { countryLabel };

/** The countries of the book with their number of authorities, in the order of their names in the reader's language (Intl.Collator), not of their codes. */
export async function bookCountries(db: Kysely<DB>, refs: PageRefs, lang: Lang): Promise<{ country: string; n: number; label: string }[]> {
  const collator = new Intl.Collator(INTL_LOCALE[lang]);
  return (await countPublishedByCountry(db))
    .map((c) => ({ ...c, label: countryLabel(refs, c.country, lang) }))
    .sort((a, b) => collator.compare(a.label, b.label) || a.country.localeCompare(b.country));
}
