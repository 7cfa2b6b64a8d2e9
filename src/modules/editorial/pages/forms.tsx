/** The editor's forms: general information (per record type), a language version, a taxonomy term. */
import type { FieldIssue } from '../../../platform/http/errors.js';
import { pickLocalized } from '../../../platform/i18n/languages.js';
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import type { PageContext } from '../../../platform/web/page.js';
import type { Term } from '../../reference/index.js';
import { fieldText, type FieldSpec } from '../domain/fields.js';
import { UN_LANGS } from '../domain/parts.js';
import { Crumbs, edT, ErrorSummary, FieldError, fieldLabel, issuesByField, languageName, type EdKey } from './ui.js';

export interface FormProps {
  ctx: PageContext;
  title: string;
  action: string;
  crumbs: { label: string; href: string }[];
  issues: readonly FieldIssue[];
  values: Record<string, unknown>;
  note?: string | undefined;
  intro?: string;
  saved?: boolean;
}

const fid = (name: string) => `f-${name.replace(/\./g, '-')}`;

function aria(name: string, errors: Map<string, FieldIssue[]>) {
  return errors.has(name) ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${fid(name)}-error` } : {};
}

function Field(props: { ctx: PageContext; spec: FieldSpec; value: unknown; errors: Map<string, FieldIssue[]>; terms: readonly Term[] }) {
  const { ctx, spec, errors } = props;
  const t = edT(ctx.lang);
  const id = fid(spec.name);
  const label = fieldLabel(ctx.lang, spec.name);
  const text = fieldText(spec, props.value);
  const err = <FieldError ctx={ctx} id={id} issues={errors.get(spec.name)} />;
  if (spec.kind === 'terms') {
    const chosen = new Set(Array.isArray(props.value) ? (props.value as string[]) : []);
    return (
      <fieldset class="field" id={id} {...aria(spec.name, errors)}>
        <legend>{label}</legend>
        {err}
        <div class="checkbox-grid">
          {props.terms.map((term) => (
            <label class="checkbox">
              <input type="checkbox" name={spec.name} value={term.code} checked={chosen.has(term.code)} /> {pickLocalized(term.labels, ctx.lang)?.text ?? term.code}
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  let control;
  if (spec.kind === 'textarea' || spec.kind === 'sources') {
    control = (
      <textarea id={id} name={spec.name} rows={spec.name === 'body' || spec.name === 'full_text' ? 14 : 5} dir="auto" required={spec.required} {...aria(spec.name, errors)}>
        {text}
      </textarea>
    );
  } else if (spec.kind === 'yesno' || spec.kind === 'enum') {
    const options = spec.kind === 'yesno' ? [['', t('unknown')], ['yes', t('yes')], ['no', t('no')]] : [['', ''], ...(spec.options ?? []).map((o) => [o, t(`kind_${o}` as EdKey)])];
    control = (
      <select id={id} name={spec.name} required={spec.required} {...aria(spec.name, errors)}>
        {options.map(([v, l]) => (
          <option value={v} selected={v === text}>
            {l}
          </option>
        ))}
      </select>
    );
  } else {
    control = <input type="text" id={id} name={spec.name} value={text} dir={spec.kind === 'text' ? 'auto' : 'ltr'} required={spec.required} inputMode={spec.kind === 'int' ? 'numeric' : undefined} placeholder={spec.kind === 'date' ? 'YYYY-MM-DD' : undefined} {...aria(spec.name, errors)} />;
  }
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {err}
      {control}
    </div>
  );
}

function FormFrame(props: FormProps & { children: preact.ComponentChildren }) {
  const { ctx } = props;
  const t = edT(ctx.lang);
  const errors = issuesByField(props.issues);
  return (
    <Layout ctx={ctx} title={props.title}>
      <Crumbs ctx={ctx} items={props.crumbs} />
      <h1 dir="auto">{props.title}</h1>
      {props.saved ? (
        <p class="notice" role="status">
          {t('saved')}
        </p>
      ) : null}
      <p>{props.intro ?? t('four_eyes')}</p>
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <form method="post" action={props.action} class="stack editor-form" novalidate>
        <CsrfField ctx={ctx} />
        {props.children}
        <div class="field">
          <label for="f-note">{t('note')}</label>
          <FieldError ctx={ctx} id="f-note" issues={errors.get('note')} />
          <textarea id="f-note" name="note" rows={2} maxLength={2000} dir="auto">
            {props.note ?? ''}
          </textarea>
        </div>
        <button type="submit">{t('save_draft')}</button>
      </form>
    </Layout>
  );
}

/** General information and tags of an entry or law; with an identifier field when it is new. */
export function MetaFormPage(props: FormProps & { fields: readonly FieldSpec[]; terms: readonly Term[]; isNew: boolean }) {
  const { ctx } = props;
  const t = edT(ctx.lang);
  const errors = issuesByField(props.issues);
  return (
    <FormFrame {...props}>
      {props.isNew ? (
        <div class="field">
          <label for="f-id">{t('f_id')}</label>
          <p class="hint">{t('f_id_hint')}</p>
          <FieldError ctx={ctx} id="f-id" issues={errors.get('id')} />
          <input type="text" id="f-id" name="id" value={String(props.values.id ?? '')} dir="ltr" maxLength={128} {...aria('id', errors)} />
        </div>
      ) : null}
      {props.fields.map((spec) => (
        <Field ctx={ctx} spec={spec} value={props.values[spec.name]} errors={errors} terms={spec.taxonomy ? props.terms.filter((x) => x.taxonomy === spec.taxonomy) : []} />
      ))}
    </FormFrame>
  );
}

/** A language version: the text fields of the record type, the machine-translation mark and its source. */
export function TextFormPage(props: FormProps & { fields: readonly FieldSpec[]; lang: string }) {
  const { ctx } = props;
  const t = edT(ctx.lang);
  const errors = issuesByField(props.issues);
  return (
    <FormFrame {...props}>
      <div lang={props.lang}>
        {props.fields.map((spec) => (
          <Field ctx={ctx} spec={spec} value={props.values[spec.name]} errors={errors} terms={[]} />
        ))}
      </div>
      <div class="field">
        <label class="checkbox" for="f-machine_translated">
          <input type="checkbox" id="f-machine_translated" name="machine_translated" value="1" checked={props.values.machine_translated === true} /> {t('f_machine_translated')}
        </label>
      </div>
      <Field ctx={ctx} spec={{ name: 'translated_from', kind: 'list' }} value={props.values.translated_from} errors={errors} terms={[]} />
    </FormFrame>
  );
}

/** A taxonomy term: its label and scope note in each of the six languages. */
export function TermFormPage(props: FormProps) {
  const { ctx } = props;
  const errors = issuesByField(props.issues);
  const labels = (props.values.labels ?? {}) as Record<string, string>;
  const descriptions = (props.values.descriptions ?? {}) as Record<string, string>;
  return (
    <FormFrame {...props}>
      {UN_LANGS.map((l) => (
        <fieldset class="field" lang={l}>
          <legend>{languageName(ctx.lang, l)}</legend>
          <Field ctx={ctx} spec={{ name: `labels.${l}`, kind: 'text', required: true }} value={labels[l]} errors={errors} terms={[]} />
          <Field ctx={ctx} spec={{ name: `descriptions.${l}`, kind: 'textarea' }} value={descriptions[l]} errors={errors} terms={[]} />
        </fieldset>
      ))}
    </FormFrame>
  );
}
