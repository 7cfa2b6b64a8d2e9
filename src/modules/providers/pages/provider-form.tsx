/**
 * The structured editor of a provider (curators): one input per field of the document, named by
 * its path (domain/form.ts), so that each issue shows beside its input and links to it from the
 * summary. Multilingual texts: one input per UN language, texts in other languages kept as hidden
 * inputs. Plain HTML: works without JavaScript.
 */
import type { FieldIssue } from '../../../platform/http/errors.js';
import { LANGS, NATIVE_NAMES } from '../../../platform/i18n/languages.js';
import type { PageContext } from '../../../platform/web/page.js';
import type { FormValues } from '../domain/form.js';
import { CHANNEL_FIELDS, CONTACT_FIELDS } from '../domain/form.js';
import { DATA_CATEGORIES, NOTIFICATION_POLICIES, REQUEST_KINDS, SERVICES, VISIBILITY_FIELDS, YES_NO_UNKNOWN, type VisibilityField } from '../domain/schema.js';
import type { ProvidersMessageKey } from '../providers.messages.js';
import { provT } from './ui.js';

/** The id of an input named by a document path. */
export const inputId = (name: string) => `pf-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

interface Ctx {
  t: ReturnType<typeof provT>;
  values: FormValues;
  issues: readonly FieldIssue[];
}

const value = (c: Ctx, name: string) => {
  const v = c.values[name];
  return typeof v === 'string' ? v : '';
};

/** Issues about this input (or inside it). */
const issuesOf = (c: Ctx, name: string) => c.issues.filter((i) => i.field === name || i.field.startsWith(`${name}.`));

function Err(props: { c: Ctx; name: string }) {
  const list = issuesOf(props.c, props.name);
  return list.length ? (
    <span class="field-error" id={`${inputId(props.name)}-error`}>
      {list.map((i) => i.message).join('; ')}
    </span>
  ) : null;
}

const invalid = (c: Ctx, name: string): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string } => (issuesOf(c, name).length ? { 'aria-invalid': 'true', 'aria-describedby': `${inputId(name)}-error` } : {});

type Dir = 'auto' | 'ltr' | 'rtl';
type InputType = 'text' | 'url' | 'email' | 'tel';

function TextInput(props: { c: Ctx; name: string; label: string; type?: InputType; long?: boolean; dir?: Dir }) {
  const { c, name } = props;
  return (
    <div class="form-row">
      <label for={inputId(name)}>{props.label}</label>
      <Err c={c} name={name} />
      {props.long ? (
        <textarea id={inputId(name)} name={name} rows={3} dir={props.dir ?? 'auto'} {...invalid(c, name)}>
          {value(c, name)}
        </textarea>
      ) : (
        <input type={(props.type ?? 'text') as 'text'} id={inputId(name)} name={name} value={value(c, name)} dir={props.dir ?? 'auto'} {...invalid(c, name)} />
      )}
    </div>
  );
}

/** One input per UN language for a multilingual text; other languages travel hidden. */
function Texts(props: { c: Ctx; prefix: string; legend: string; long?: boolean; help?: string }) {
  const { c, prefix } = props;
  const others = Object.keys(c.values).filter((k) => k.startsWith(`${prefix}.`) && !(LANGS as readonly string[]).includes(k.slice(prefix.length + 1)));
  return (
    <fieldset class="multilingual" id={inputId(prefix)}>
      <legend>{props.legend}</legend>
      {props.help ? <p class="muted">{props.help}</p> : null}
      <Err c={c} name={prefix} />
      {LANGS.map((lang) => {
        const name = `${prefix}.${lang}`;
        return (
          <div class="form-row">
            <label for={inputId(name)} lang={lang}>
              {NATIVE_NAMES[lang]}
            </label>
            {props.long ? (
              <textarea id={inputId(name)} name={name} rows={2} lang={lang} dir="auto">
                {value(c, name)}
              </textarea>
            ) : (
              <input type="text" id={inputId(name)} name={name} value={value(c, name)} lang={lang} dir="auto" />
            )}
          </div>
        );
      })}
      {others.map((name) => (
        <input type="hidden" name={name} value={value(c, name)} />
      ))}
    </fieldset>
  );
}

function Select(props: { c: Ctx; name: string; label: string; options: readonly { value: string; label: string }[] }) {
  const { c, name } = props;
  return (
    <div class="form-row">
      <label for={inputId(name)}>{props.label}</label>
      <Err c={c} name={name} />
      <select id={inputId(name)} name={name} {...invalid(c, name)}>
        {props.options.map((o) => (
          <option value={o.value} selected={value(c, name) === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const VIS_LABEL: Record<VisibilityField, ProvidersMessageKey> = {
  legal_entity: 'f_legal_entity',
  data: 'f_data',
  requests: 'f_requests',
  languages: 'f_languages',
  user_notification: 'f_user_notification',
  content_requires_mla: 'f_content_mla',
  notes: 'f_notes',
};

export function ProviderFields(props: { ctx: PageContext; values: FormValues; issues: readonly FieldIssue[]; countries: readonly { iso3: string; name: string }[] }) {
  const t = provT(props.ctx.lang);
  const c: Ctx = { t, values: props.values, issues: props.issues };
  const services = new Set(Array.isArray(props.values.services) ? props.values.services : []);
  const none = { value: '', label: t('not_stated') };
  return (
    <>
      <fieldset>
        <legend>{t('f_general')}</legend>
        <Texts c={c} prefix="names" legend={t('f_names')} help={t('f_names_help')} />
        <Select c={c} name="country" label={t('f_country')} options={[none, ...props.countries.map((x) => ({ value: x.iso3, label: x.name }))]} />
        <fieldset id={inputId('services')}>
          <legend>{t('f_services')}</legend>
          <Err c={c} name="services" />
          {SERVICES.map((s) => (
            <label class="checkbox">
              <input type="checkbox" name="services" value={s} checked={services.has(s)} /> {t(`service_${s}`)}
            </label>
          ))}
        </fieldset>
        <TextInput c={c} name="website" label={t('f_website')} type="url" dir="ltr" />
        <TextInput c={c} name="legal_entity" label={t('f_legal_entity')} />
      </fieldset>
      <fieldset>
        <legend>{t('f_data')}</legend>
        {DATA_CATEGORIES.map((cat) => {
          const p = `data.${cat}`;
          return (
            <fieldset id={inputId(p)}>
              <legend>{t(`category_${cat}`)}</legend>
              <Err c={c} name={p} />
              <label class="checkbox">
                <input type="checkbox" name={`${p}.held`} value="on" checked={value(c, `${p}.held`) === 'on'} /> {t('f_held')}
              </label>
              <TextInput c={c} name={`${p}.retention_days`} label={t('f_retention_days')} type="text" dir="ltr" />
              <Texts c={c} prefix={`${p}.retention`} legend={t('f_retention_text')} />
            </fieldset>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>{t('f_requests')}</legend>
        {REQUEST_KINDS.map((k) => {
          const p = `requests.${k}`;
          return (
            <fieldset id={inputId(p)}>
              <legend>{t(`req_${k}`)}</legend>
              <Err c={c} name={p} />
              {CHANNEL_FIELDS.map((f) => (
                <TextInput c={c} name={`${p}.${f}`} label={t(`ch_${f}`)} type={f === 'portal' ? 'url' : f === 'email' ? 'email' : 'text'} long={f === 'address'} dir={f === 'address' ? 'auto' : 'ltr'} />
              ))}
              <Texts c={c} prefix={`${p}.note`} legend={t('f_conditions')} long />
            </fieldset>
          );
        })}
      </fieldset>
      <div class="form-row">
        <label for={inputId('languages')}>{t('f_languages')}</label>
        <Err c={c} name="languages" />
        <input type="text" id={inputId('languages')} name="languages" value={value(c, 'languages')} dir="ltr" aria-describedby={`${inputId('languages')}-help`} />
        <p class="muted" id={`${inputId('languages')}-help`}>
          {t('f_languages_help')}
        </p>
      </div>
      <fieldset id={inputId('emergency_contact')}>
        <legend>{t('f_emergency_contact')}</legend>
        <p class="muted">{t('restricted_note')}</p>
        <Err c={c} name="emergency_contact" />
        {CONTACT_FIELDS.map((f) => (
          <TextInput c={c} name={`emergency_contact.${f}`} label={t(`ec_${f}`)} type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'} dir={f === 'email' || f === 'phone' ? 'ltr' : 'auto'} />
        ))}
      </fieldset>
      <fieldset id={inputId('user_notification')}>
        <legend>{t('f_user_notification')}</legend>
        <Select c={c} name="user_notification.policy" label={t('f_user_notification')} options={[none, ...NOTIFICATION_POLICIES.map((p) => ({ value: p, label: t(`notification_${p}`) }))]} />
        <Texts c={c} prefix="user_notification.note" legend={t('f_note')} long />
      </fieldset>
      <fieldset id={inputId('content_requires_mla')}>
        <legend>{t('f_content_mla')}</legend>
        <Select c={c} name="content_requires_mla.value" label={t('f_content_mla')} options={[none, ...YES_NO_UNKNOWN.map((v) => ({ value: v, label: t(`yn_${v}`) }))]} />
        <Texts c={c} prefix="content_requires_mla.note" legend={t('f_note')} long />
      </fieldset>
      <Texts c={c} prefix="notes" legend={t('f_notes')} long />
      <fieldset id={inputId('visibility')}>
        <legend>{t('f_visibility')}</legend>
        <p class="muted">{t('f_visibility_help')}</p>
        {VISIBILITY_FIELDS.map((f) => (
          <Select
            c={c}
            name={`visibility.${f}`}
            label={t(VIS_LABEL[f])}
            options={[
              { value: '', label: t('vis_default') },
              { value: 'public', label: t('vis_public') },
              { value: 'practitioners', label: t('vis_practitioners') },
            ]}
          />
        ))}
      </fieldset>
      {value(c, 'demo') ? <input type="hidden" name="demo" value={value(c, 'demo')} /> : null}
    </>
  );
}
