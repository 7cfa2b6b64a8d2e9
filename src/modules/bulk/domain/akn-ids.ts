/** Identifiers and codes between Akoma Ntoso (FRBR URIs, ISO 639-2) and Palermo (entry ids, BCP 47). Pure. */
import crypto from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ENTRY_ID = /^[a-z0-9][a-z0-9._-]{0,127}$/;
const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function isEntryId(value: unknown): value is string {
  return typeof value === 'string' && ENTRY_ID.test(value);
}

function slug(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** An id of at most `max` characters: long values are cut and keep a short hash, so they stay distinct. */
function fit(value: string, max: number): string {
  if (value.length <= max) return value;
  const hash = crypto.createHash('sha256').update(value).digest('hex').slice(0, 8);
  return `${value.slice(0, max - 9).replace(/[-._]+$/, '')}-${hash}`;
}

/** The work URI without the "/!main" component part: "/akn/za/act/1996/constitution". */
export function workUri(frbrUriOrThis: string): string {
  return frbrUriOrThis.replace(/\/!.*$/, '').replace(/\/+$/, '');
}

/** "/akn/za/act/1996/constitution" → "za-act-1996-constitution" (deterministic, at most 100 characters). */
export function lawIdFromWorkUri(uri: string): string | undefined {
  const id = slug(workUri(uri).replace(/^\/?akn\//, ''));
  if (!id) return undefined;
  const fitted = fit(id, 100);
  return ENTRY_ID.test(fitted) ? fitted : undefined;
}

/** The id of an extract: "<law id>.sec-35". */
export function extractId(lawId: string, part: string): string {
  const s = slug(part) || 'x';
  return fit(`${lawId}.${s}`, 128);
}

/** Country part of a FRBR URI or FRBRcountry value ("za", "za-wc" for a locality) → ISO alpha-2 "ZA". */
export function iso2FromFrbrCountry(value: string): string | undefined {
  const m = /^([a-z]{2})(?:-|$)/i.exec(value.trim());
  return m ? m[1]!.toUpperCase() : undefined;
}

/** ISO 639-2 (eng, fre/fra) or 639-1 code → BCP 47 ("en", "fr"); undefined when not a language code. */
export function bcp47FromIso639(code: string): string | undefined {
  try {
    const [tag] = Intl.getCanonicalLocales(code.trim());
    return tag && LANG_TAG.test(tag) ? tag : undefined;
  } catch {
    return undefined;
  }
}

let iso3ByTag: Map<string, string> | undefined;

/** BCP 47 → ISO 639-2/T for FRBRlanguage ("en" → "eng"); codes without a two-letter form stay as they are. */
export function iso639FromBcp47(tag: string): string {
  if (!iso3ByTag) {
    const aliases = require('cldr-core/supplemental/aliases.json') as {
      supplemental: { metadata: { alias: { languageAlias: Record<string, { _reason: string; _replacement: string }> } } };
    };
    iso3ByTag = new Map();
    for (const [code, alias] of Object.entries(aliases.supplemental.metadata.alias.languageAlias)) {
      if (code.length === 3 && alias._reason === 'overlong' && /^[a-z]{2}$/.test(alias._replacement)) iso3ByTag.set(alias._replacement, code);
    }
  }
  const primary = tag.split('-')[0]!.toLowerCase();
  return iso3ByTag.get(primary) ?? primary;
}
