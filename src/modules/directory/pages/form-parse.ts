/**
 * The authority form (application/x-www-form-urlencoded, works without JavaScript) to a candidate
 * document and back. Pure. Field names are dotted paths close to the document's ("contacts.0.email");
 * the document is checked afterwards by the workflow adapter, whose issues name the same paths.
 */
import { FUNCTION_CODES } from '../domain/functions.js';
import { VISIBILITY_FIELDS, type AuthorityDocument } from '../domain/schema.js';

export type FormBody = Record<string, string | string[] | undefined>;

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const MAX_ROWS = 60;

function one(body: FormBody, key: string): string {
  const v = body[key];
  const s = Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  return s.replace(/\r\n?/g, '\n').trim();
}

function many(body: FormBody, key: string): string[] {
  const v = body[key];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => s.trim()).filter(Boolean);
}

const list = (s: string) => s.split(/[,\s]+/).map((x) => x.trim()).filter(Boolean);

/** The languages whose text boxes the form shows. */
export function formLanguages(body: FormBody): string[] {
  const langs = list(one(body, 'langs')).filter((l) => LANG.test(l) && l.length <= 35);
  const added = one(body, 'add_lang');
  if (added && LANG.test(added) && added.length <= 35) langs.push(added);
  return [...new Set(langs)].slice(0, 20);
}

function ml(body: FormBody, prefix: string, langs: readonly string[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const l of langs) {
    const v = one(body, `${prefix}.${l}`);
    if (v) out[l] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

function rows<T>(body: FormBody, prefix: string, read: (p: string) => T | undefined): T[] | undefined {
  const out: T[] = [];
  for (let i = 0; i < MAX_ROWS; i++) {
    const r = read(`${prefix}.${i}`);
    if (r !== undefined) out.push(r);
  }
  return out.length ? out : undefined;
}

const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;

const EXCEPTION = /^(\d{4}-\d{2}-\d{2})\s+(?:(closed)|(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2}))\s*(.*)$/i;

/** Parse the exceptions text box; unreadable lines are kept as their date so the schema names them. */
export function parseExceptions(text: string): { value: unknown[]; bad: number[] } {
  const value: unknown[] = [];
  const bad: number[] = [];
  text.split('\n').map((l) => l.trim()).filter(Boolean).forEach((line, i) => {
    const m = EXCEPTION.exec(line);
    if (!m) {
      bad.push(i);
      return;
    }
    value.push(compact({ date: m[1], ...(m[2] ? { closed: true } : { open: m[3], close: m[4] }), note: m[5]?.trim() || undefined }));
  });
  return { value, bad };
}

/** The candidate document a submitted form describes (unchecked). */
export function formToDocument(body: FormBody, base: { id: string; country?: string }): { doc: Record<string, unknown>; badExceptionLines: number[] } {
  const langs = formLanguages(body);
  const functions = FUNCTION_CODES.filter((c) => one(body, `fn.${c}`)).map((code) =>
    compact({ code, articles: list(one(body, `fn.${code}.articles`)).length ? list(one(body, `fn.${code}.articles`)) : undefined, note: ml(body, `fn.${code}.note`, langs) }),
  );
  const phone = (p: string) => {
    const number = one(body, `${p}.number`);
    const label = one(body, `${p}.label`);
    return number || label ? compact({ number, label }) : undefined;
  };
  const weekly = rows(body, 'hours.weekly', (p) => {
    const day = one(body, `${p}.day`);
    const open = one(body, `${p}.open`);
    const close = one(body, `${p}.close`);
    return day && (open || close) ? { day: Number(day), open, close } : undefined;
  });
  const exceptions = parseExceptions(one(body, 'hours.exceptions'));
  const tz = one(body, 'hours.time_zone');
  const always = !!one(body, 'hours.always_open');
  const requirements = [...new Set(Object.keys(body).map((k) => /^req\.([a-z0-9-]+)\.status$/.exec(k)?.[1]).filter((x): x is string => !!x))].flatMap((measure) => {
    const status = one(body, `req.${measure}.status`);
    const conditions = ml(body, `req.${measure}.conditions`, langs);
    return status || conditions ? [compact({ measure, status, conditions })] : [];
  });
  const basis = one(body, 'untoc_extradition_basis.value');
  const basisNote = ml(body, 'untoc_extradition_basis.note', langs);
  const preservation = ml(body, 'e_evidence.preservation', langs);
  const disclosure = ml(body, 'e_evidence.disclosure', langs);
  const visibility = Object.fromEntries(VISIBILITY_FIELDS.map((f) => [f, one(body, `visibility.${f}`)]).filter(([, v]) => v));
  const doc = compact({
    id: base.id,
    country: base.country ?? one(body, 'country').toUpperCase(),
    names: ml(body, 'names', langs) ?? {},
    functions,
    address: one(body, 'address'),
    phones: rows(body, 'phones', phone),
    direct_lines: rows(body, 'direct_lines', phone),
    emails: rows(body, 'emails', (p) => {
      const address = one(body, `${p}.address`);
      const label = one(body, `${p}.label`);
      return address || label ? compact({ address, label }) : undefined;
    }),
    website: one(body, 'website'),
    contacts: rows(body, 'contacts', (p) => {
      const c = compact({ name: one(body, `${p}.name`), title: one(body, `${p}.title`), phone: one(body, `${p}.phone`), email: one(body, `${p}.email`), languages: list(one(body, `${p}.languages`)).length ? list(one(body, `${p}.languages`)) : undefined });
      return Object.keys(c).length ? c : undefined;
    }),
    hours: tz || weekly || always || exceptions.value.length ? compact({ time_zone: tz, always_open: always || undefined, weekly: weekly ?? [], exceptions: exceptions.value.length ? exceptions.value : undefined }) : undefined,
    languages: list(one(body, 'languages')).length ? list(one(body, 'languages')) : undefined,
    channels: many(body, 'channels').length ? many(body, 'channels') : undefined,
    electronic_requests: one(body, 'electronic_requests'),
    urgent_procedure: ml(body, 'urgent_procedure', langs),
    untoc_extradition_basis: basis || basisNote ? compact({ value: basis, note: basisNote }) : undefined,
    requirements: requirements.length ? requirements : undefined,
    e_evidence: preservation || disclosure ? compact({ preservation, disclosure }) : undefined,
    laws: list(one(body, 'laws')).length ? list(one(body, 'laws')) : undefined,
    notes: ml(body, 'notes', langs),
    visibility: Object.keys(visibility).length ? visibility : undefined,
  });
  return { doc, badExceptionLines: exceptions.bad };
}

/** Languages of the texts a document holds (names, notes…), for the form's text boxes. */
export function documentLanguages(doc: Partial<AuthorityDocument> | undefined, pageLang: string): string[] {
  const langs = new Set<string>([pageLang]);
  const add = (v?: Record<string, string>) => Object.keys(v ?? {}).forEach((l) => langs.add(l));
  if (doc) {
    add(doc.names);
    add(doc.urgent_procedure);
    add(doc.notes);
    add(doc.untoc_extradition_basis?.note);
    add(doc.e_evidence?.preservation);
    add(doc.e_evidence?.disclosure);
    doc.requirements?.forEach((r) => add(r.conditions));
    doc.functions?.forEach((f) => add(f.note));
  }
  return [...langs];
}
