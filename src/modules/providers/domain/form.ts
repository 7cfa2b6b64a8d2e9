/**
 * The curators' structured form of a provider ⇄ the provider document (domain/schema.ts). Input
 * names follow the document's paths, so that a validation issue names the input it is about:
 * `names.en`, `country`, `services`, `data.traffic.retention_days`, `requests.emergency.portal`,
 * `user_notification.note.fr`, `visibility.requests`… Data held is keyed by category in the form
 * (`data.<category>.…`), by position in the document: `formIssueField` turns one into the other.
 * Empty inputs are left out; nothing is checked here (the schema does that, naming the field).
 * Texts in languages the form does not show (not one of the six) travel as hidden inputs. Pure.
 */
import { DATA_CATEGORIES, REQUEST_KINDS, VISIBILITY_FIELDS, type DataCategory } from './schema.js';

export type FormValues = Record<string, string | string[]>;

const TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** Multilingual fields of the document, by form prefix. */
export const CHANNEL_FIELDS = ['portal', 'email', 'address'] as const;
export const CONTACT_FIELDS = ['name', 'phone', 'email', 'hours'] as const;

const own = (body: Record<string, unknown>, key: string) => (Object.prototype.hasOwnProperty.call(body, key) ? body[key] : undefined);

/** The first string posted under a name, trimmed ('' when none). */
export function one(body: Record<string, unknown>, name: string): string {
  const v = own(body, name);
  const s = Array.isArray(v) ? v.find((x) => typeof x === 'string') : v;
  return typeof s === 'string' ? s.trim() : '';
}

/** Every non-empty string posted under a name (checkboxes). */
export function many(body: Record<string, unknown>, name: string): string[] {
  const v = own(body, name);
  return (Array.isArray(v) ? v : [v]).flatMap((x) => (typeof x === 'string' && x.trim() ? [x.trim()] : []));
}

/** `{ tag: text }` from the inputs `<prefix>.<tag>`, the empty ones left out; undefined when all are. */
export function multilingual(body: Record<string, unknown>, prefix: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const key of Object.keys(body)) {
    if (!key.startsWith(`${prefix}.`)) continue;
    const tag = key.slice(prefix.length + 1);
    const text = one(body, key);
    if (TAG.test(tag) && text) out[tag] = text;
  }
  return Object.keys(out).length ? out : undefined;
}

function compact(o: Record<string, unknown>): Record<string, unknown> | undefined {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));
  return Object.keys(out).length ? out : undefined;
}

/** A whole number stays a number; anything else is passed on as written, for the schema to refuse by name. */
const integer = (s: string): number | string | undefined => (s === '' ? undefined : /^\d{1,9}$/.test(s) ? Number(s) : s);

export interface FormDocument {
  document: Record<string, unknown>;
  /** The category of each `data` item, in order (to name issues by category). */
  dataOrder: DataCategory[];
}

/** The provider document a posted form describes (not checked). */
export function formToDocument(id: string, body: Record<string, unknown>): FormDocument {
  const dataOrder: DataCategory[] = [];
  const data = DATA_CATEGORIES.flatMap((category) => {
    const p = `data.${category}`;
    const item = compact({ retention_days: integer(one(body, `${p}.retention_days`)), retention: multilingual(body, `${p}.retention`) });
    if (!item && one(body, `${p}.held`) === '') return [];
    dataOrder.push(category);
    return [{ category, ...item }];
  });
  const requests = compact(
    Object.fromEntries(REQUEST_KINDS.map((k) => [k, compact({ ...Object.fromEntries(CHANNEL_FIELDS.map((f) => [f, one(body, `requests.${k}.${f}`)])), note: multilingual(body, `requests.${k}.note`) })])),
  );
  const languages = one(body, 'languages')
    .split(/[\s,;]+/)
    .filter(Boolean);
  const policy = one(body, 'user_notification.policy');
  const mla = one(body, 'content_requires_mla.value');
  const document = compact({
    id,
    names: multilingual(body, 'names') ?? {},
    country: one(body, 'country').toUpperCase(),
    services: many(body, 'services'),
    website: one(body, 'website'),
    legal_entity: one(body, 'legal_entity'),
    data: data.length ? data : undefined,
    requests,
    languages: languages.length ? languages : undefined,
    emergency_contact: compact(Object.fromEntries(CONTACT_FIELDS.map((f) => [f, one(body, `emergency_contact.${f}`)]))),
    user_notification: compact({ policy, note: multilingual(body, 'user_notification.note') }),
    content_requires_mla: compact({ value: mla, note: multilingual(body, 'content_requires_mla.note') }),
    notes: multilingual(body, 'notes'),
    visibility: compact(Object.fromEntries(VISIBILITY_FIELDS.map((f) => [f, one(body, `visibility.${f}`)]))),
    demo: one(body, 'demo') === 'true' ? true : undefined,
  })!;
  return { document, dataOrder };
}

/** The form input an issue of the document names: `data.1.retention_days` → `data.traffic.retention_days`. */
export function formIssueField(field: string, dataOrder: readonly DataCategory[]): string {
  const m = /^data\.(\d+)(\..*)?$/.exec(field);
  if (!m) return field;
  const category = dataOrder[Number(m[1])];
  return category ? `data.${category}${m[2] ?? ''}` : field;
}

function flatTexts(out: FormValues, prefix: string, texts: unknown): void {
  if (!texts || typeof texts !== 'object') return;
  for (const [tag, text] of Object.entries(texts as Record<string, unknown>)) if (typeof text === 'string') out[`${prefix}.${tag}`] = text;
}

/** The inputs' values for a provider document (a draft, the live content, or the template). */
export function documentToForm(doc: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  const s = (name: string, v: unknown) => {
    if (typeof v === 'string' || typeof v === 'number') out[name] = String(v);
  };
  flatTexts(out, 'names', doc.names);
  s('country', doc.country);
  out.services = Array.isArray(doc.services) ? doc.services.filter((x): x is string => typeof x === 'string') : [];
  s('website', doc.website);
  s('legal_entity', doc.legal_entity);
  for (const item of Array.isArray(doc.data) ? (doc.data as Record<string, unknown>[]) : []) {
    if (!item || typeof item.category !== 'string') continue;
    const p = `data.${item.category}`;
    out[`${p}.held`] = 'on';
    s(`${p}.retention_days`, item.retention_days);
    flatTexts(out, `${p}.retention`, item.retention);
  }
  const requests = (doc.requests ?? {}) as Record<string, Record<string, unknown> | undefined>;
  for (const k of REQUEST_KINDS) {
    const ch = requests[k];
    if (!ch) continue;
    for (const f of CHANNEL_FIELDS) s(`requests.${k}.${f}`, ch[f]);
    flatTexts(out, `requests.${k}.note`, ch.note);
  }
  if (Array.isArray(doc.languages)) out.languages = doc.languages.join(', ');
  const ec = (doc.emergency_contact ?? {}) as Record<string, unknown>;
  for (const f of CONTACT_FIELDS) s(`emergency_contact.${f}`, ec[f]);
  const un = (doc.user_notification ?? {}) as Record<string, unknown>;
  s('user_notification.policy', un.policy);
  flatTexts(out, 'user_notification.note', un.note);
  const mla = (doc.content_requires_mla ?? {}) as Record<string, unknown>;
  s('content_requires_mla.value', mla.value);
  flatTexts(out, 'content_requires_mla.note', mla.note);
  flatTexts(out, 'notes', doc.notes);
  const vis = (doc.visibility ?? {}) as Record<string, unknown>;
  for (const f of VISIBILITY_FIELDS) s(`visibility.${f}`, vis[f]);
  if (doc.demo === true) out.demo = 'true';
  return out;
}
