/** Small pieces shared by the jit pages: translator, dates, field errors, the State picker. */
import type { ComponentChildren } from 'preact';
import { INTL_LOCALE, type Lang } from '../../../platform/i18n/languages.js';
import { translator } from '../../../platform/i18n/messages.js';
import { PlaceOptions } from '../../../platform/web/place-options.js';
import { countryName, type Country } from '../../reference/index.js';
import { jitMessages } from '../jit.messages.js';

export const jitT = (lang: Lang) => translator(jitMessages, lang);

export type Issues = readonly { field: string; message: string }[];

export function dateText(lang: Lang, iso: string | null): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

export function dateTimeText(lang: Lang, at: Date): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(at);
}

/** A labelled input or select with its error (named by the field the service names). */
export function Field(props: { id: string; name: string; label: string; issues: Issues; children?: ComponentChildren; type?: 'text' | 'date'; value?: string | undefined; required?: boolean; maxLength?: number }) {
  const error = props.issues.find((i) => i.field === props.name)?.message;
  const errId = `${props.id}-error`;
  return (
    <div class="form-row">
      <label for={props.id}>{props.label}</label>
      {error ? (
        <span class="field-error" id={errId}>
          {error}
        </span>
      ) : null}
      {props.children ??
        (props.type === 'date' ? (
          <input id={props.id} name={props.name} type="date" value={props.value ?? ''} required={props.required} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? errId : undefined} />
        ) : (
          <input id={props.id} name={props.name} type="text" value={props.value ?? ''} required={props.required} maxLength={props.maxLength} dir="auto" aria-invalid={error ? 'true' : undefined} aria-describedby={error ? errId : undefined} />
        ))}
    </div>
  );
}

export function StateSelect(props: { id: string; name: string; lang: Lang; countries: readonly Country[]; selected?: string | undefined }) {
  const t = jitT(props.lang);
  return (
    <select id={props.id} name={props.name} required>
      <option value="">{t('choose')}</option>
      <PlaceOptions lang={props.lang} places={props.countries.filter((c) => c.kind !== 'area_own_regime')} label={(iso3) => countryName(props.countries, iso3, props.lang)} selected={props.selected} />
    </select>
  );
}

/** Problems of a form not tied to one field (e.g. the workspace closed meanwhile). */
export function FormProblem(props: { message?: string | undefined }) {
  return props.message ? (
    <p class="field-error" role="alert">
      {props.message}
    </p>
  ) : null;
}
