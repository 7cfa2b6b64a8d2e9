import type { ComponentChildren } from 'preact';
/** Shared pieces of the casework pages: the translator, labels of the vocabularies, form controls. */
import { translator } from '../../../platform/i18n/messages.js';
import type { Lang } from '../../../platform/i18n/languages.js';
import type { FieldIssue } from '../../../platform/http/errors.js';
import { countryName, isRequestable, termLabel, type Country, type Term } from '../../reference/index.js';
import { PlaceOptions } from '../../../platform/web/place-options.js';
import { caseworkMessages, type CaseworkMessageKey } from '../casework.messages.js';

export type CwKey = CaseworkMessageKey;
export const cwT = (lang: Lang) => translator(caseworkMessages, lang);
export type CwT = ReturnType<typeof cwT>;

/** A label from a prefix and a value (state_received, kind_mla, ...), the value itself when unknown. */
export function label(t: CwT, prefix: string, value: string | null | undefined): string {
  if (!value) return '';
  const key = `${prefix}_${value}` as CwKey;
  const text = t(key);
  return text === key ? value : text;
}

/** Reference data the pages show labels of. */
export interface PageRefs {
  countries: Country[];
  terms: Term[];
}

export const countryLabel = (refs: PageRefs, iso3: string, lang: Lang) => countryName(refs.countries, iso3, lang);

/** The options of a partner State picker: States, then areas with their own regime; never other areas. */
export function PartnerOptions(props: { refs: PageRefs; lang: Lang; selected?: string }) {
  return <PlaceOptions lang={props.lang} places={props.refs.countries.filter(isRequestable)} label={(iso3) => countryLabel(props.refs, iso3, props.lang)} selected={props.selected} />;
}
export const termText = (refs: PageRefs, taxonomy: 'measure' | 'crime', code: string, lang: Lang) => termLabel(refs.terms, taxonomy, code, lang);

export const fid = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function mine(issues: readonly FieldIssue[], name: string): FieldIssue[] {
  return issues.filter((i) => i.field === name || i.field.startsWith(`${name}.`));
}

export function Err(props: { issues: readonly FieldIssue[]; name: string }) {
  const list = mine(props.issues, props.name);
  if (!list.length) return null;
  return (
    <span class="field-error" id={`e-${fid(props.name)}`}>
      {list.map((i) => i.message).join('; ')}
    </span>
  );
}

const invalid = (issues: readonly FieldIssue[], name: string) => (mine(issues, name).length ? { 'aria-invalid': 'true' as const, 'aria-describedby': `e-${fid(name)}` } : {});

export function Text(props: { name: string; label: string; value?: string | null | undefined; issues: readonly FieldIssue[]; type?: 'text' | 'date'; max?: number; required?: boolean; hint?: string }) {
  return (
    <div class="form-row">
      <label for={fid(props.name)}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`h-${fid(props.name)}`}>
          {props.hint}
        </span>
      ) : null}
      <Err issues={props.issues} name={props.name} />
      <input
        {...({ type: props.type ?? 'text' } as { type: 'text' })}
        id={fid(props.name)}
        name={props.name}
        value={props.value ?? ''}
        maxLength={props.max ?? 300}
        dir="auto"
        required={props.required}
        {...invalid(props.issues, props.name)}
      />
    </div>
  );
}

export function Area(props: { name: string; label: string; value?: string | null | undefined; issues: readonly FieldIssue[]; rows?: number; required?: boolean; max?: number }) {
  return (
    <div class="form-row">
      <label for={fid(props.name)}>{props.label}</label>
      <Err issues={props.issues} name={props.name} />
      <textarea id={fid(props.name)} name={props.name} rows={props.rows ?? 3} dir="auto" maxLength={props.max ?? 20000} required={props.required} {...invalid(props.issues, props.name)}>
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

export function Select(props: {
  name: string;
  label: string;
  value?: string | readonly string[] | null | undefined;
  options: readonly (readonly [string, string])[];
  issues: readonly FieldIssue[];
  empty?: string;
  multiple?: boolean;
  required?: boolean;
  /** Options given as elements (e.g. grouped), instead of `options`. */
  children?: ComponentChildren;
}) {
  const selected = new Set(Array.isArray(props.value) ? props.value : props.value ? [props.value as string] : []);
  return (
    <div class="form-row">
      <label for={fid(props.name)}>{props.label}</label>
      <Err issues={props.issues} name={props.name} />
      <select id={fid(props.name)} name={props.name} multiple={props.multiple} size={props.multiple ? 6 : undefined} required={props.required} {...invalid(props.issues, props.name)}>
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.children ??
          props.options.map(([value, text]) => (
            <option value={value} selected={selected.has(value)}>
              {text}
            </option>
          ))}
      </select>
    </div>
  );
}

/** The list of problems at the top of a form (with links to the fields). */
export function ErrorSummary(props: { t: CwT; issues: readonly FieldIssue[]; message?: string | undefined }) {
  if (!props.issues.length && !props.message) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h2>{props.t('errors')}</h2>
      {props.message ? <p>{props.message}</p> : null}
      <ul>
        {props.issues.map((i) => (
          <li>
            <a href={`#${fid(i.field.split('.').slice(0, i.field.startsWith('persons') || i.field.startsWith('legal_bases') ? 3 : 1).join('.'))}`}>
              {i.field}: {i.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function formatDate(d: Date | string | null | undefined, lang: Lang): string {
  if (!d) return '';
  const date = typeof d === 'string' ? new Date(d.length === 10 ? `${d}T00:00:00Z` : d) : d;
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-Hans' : lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function formatDateTime(d: Date | string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-Hans' : lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(d));
}
