/** The form to create or change an authority: every field, with its visibility switch. POST, CSRF, no JavaScript needed. */
import type { ComponentChildren } from 'preact';
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { FUNCTION_BASIS, FUNCTION_CODES } from '../domain/functions.js';
import { visibilityOf } from '../domain/checks.js';
import { CHANNELS, ELECTRONIC, REQUIREMENT_STATUSES, YES_NO_UNKNOWN, type AuthorityDocument, type VisibilityField } from '../domain/schema.js';
import { countryLabel, dirT, edT, fnLabel, languageName, measureLabel, type PageRefs } from './ui.js';

type Doc = Partial<AuthorityDocument> & Record<string, unknown>;

export interface FormPageProps {
  ctx: PageContext;
  refs: PageRefs;
  /** Existing authority id, or undefined for a new one. */
  id?: string | undefined;
  title: string;
  doc: Doc;
  langs: string[];
  /** Countries the author may create authorities for (new authorities only). */
  countries: string[];
  issues: { field: string; message: string }[];
  note?: string | undefined;
  saved?: boolean;
}

const fid = (name: string) => `f-${name}`;

function Err(props: { issues: FormPageProps['issues']; name: string }) {
  const mine = props.issues.filter((i) => i.field === props.name || i.field.startsWith(`${props.name}.`));
  if (!mine.length) return null;
  return (
    <span class="field-error" id={`e-${props.name}`}>
      {mine.map((i) => i.message).join('; ')}
    </span>
  );
}

function Text(props: { name: string; label: string; value?: string | undefined; issues: FormPageProps['issues']; type?: 'text' | 'tel' | 'email' | 'url' | 'time'; max?: number; dir?: 'ltr' | 'auto'; lang?: string | undefined }) {
  const bad = props.issues.some((i) => i.field === props.name || i.field.startsWith(`${props.name}.`));
  return (
    <div class="form-row">
      <label for={fid(props.name)}>{props.label}</label>
      <Err issues={props.issues} name={props.name} />
      <input
        {...({ type: props.type ?? 'text' } as { type: 'text' })}
        id={fid(props.name)}
        name={props.name}
        value={props.value ?? ''}
        maxLength={props.max ?? 500}
        dir={props.dir ?? 'auto'}
        {...(props.lang ? { lang: props.lang } : {})}
        aria-invalid={bad ? 'true' : undefined}
        aria-describedby={bad ? `e-${props.name}` : undefined}
      />
    </div>
  );
}

function Area(props: { name: string; label: string; value?: string | undefined; issues: FormPageProps['issues']; lang?: string | undefined; rows?: number }) {
  const bad = props.issues.some((i) => i.field === props.name || i.field.startsWith(`${props.name}.`));
  return (
    <div class="form-row">
      <label for={fid(props.name)}>{props.label}</label>
      <Err issues={props.issues} name={props.name} />
      <textarea id={fid(props.name)} name={props.name} rows={props.rows ?? 3} dir="auto" {...(props.lang ? { lang: props.lang } : {})} aria-invalid={bad ? 'true' : undefined} aria-describedby={bad ? `e-${props.name}` : undefined}>
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

function Visibility(props: { ctx: PageContext; field: VisibilityField; doc: Doc }) {
  const e = edT(props.ctx.lang);
  const v = visibilityOf(props.doc as AuthorityDocument, props.field);
  return (
    <div class="form-row dir-visibility">
      <label for={fid(`visibility.${props.field}`)}>{e('f_visibility')}</label>
      <select id={fid(`visibility.${props.field}`)} name={`visibility.${props.field}`}>
        <option value="public" selected={v === 'public'}>
          {e('vis_public')}
        </option>
        <option value="practitioners" selected={v === 'practitioners'}>
          {e('vis_practitioners')}
        </option>
      </select>
    </div>
  );
}

function Group(props: { legend: string; children: ComponentChildren }) {
  return (
    <fieldset class="dir-fieldset">
      <legend>{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}

export function AuthorityFormPage(props: FormPageProps) {
  const { ctx, refs, doc, langs, issues } = props;
  const t = dirT(ctx.lang);
  const e = edT(ctx.lang);
  const L = (l: string) => languageName(ctx.lang, l);
  const action = props.id ? href(ctx, `/directory/authorities/${props.id}/edit`) : href(ctx, '/directory/new');
  const mlv = (v: unknown, l: string) => (v as Record<string, string> | undefined)?.[l];
  const phones = (doc.phones ?? []) as { number?: string; label?: string }[];
  const directs = (doc.direct_lines ?? []) as { number?: string; label?: string }[];
  const emails = (doc.emails ?? []) as { address?: string; label?: string }[];
  const contacts = (doc.contacts ?? []) as { name?: string; title?: string; phone?: string; email?: string; languages?: string[] }[];
  const weekly = (doc.hours?.weekly ?? []) as { day?: number; open?: string; close?: string }[];
  const exceptionsText = (doc.hours?.exceptions ?? []).map((x) => `${x.date} ${x.closed ? 'closed' : `${x.open ?? ''}-${x.close ?? ''}`}${x.note ? ` ${x.note}` : ''}`).join('\n');
  const fns = new Map((doc.functions ?? []).map((f) => [f.code, f]));
  const reqs = new Map((doc.requirements ?? []).map((r) => [r.measure, r]));
  const labels: Record<string, string> = {};
  return (
    <Layout ctx={ctx} title={props.title} section="directory">
      <nav class="breadcrumbs" aria-label={t('links_heading')}>
        <ol>
          <li>
            <a href={href(ctx, '/directory')}>{t('title')}</a>
          </li>
          {props.id ? (
            <li>
              <a href={href(ctx, `/directory/authorities/${props.id}`)}>{props.id}</a>
            </li>
          ) : null}
        </ol>
      </nav>
      <h1 dir="auto">{props.title}</h1>
      <p>{e('edit_intro')}</p>
      {props.saved ? (
        <p class="dir-done" role="status">
          {e('saved')}
        </p>
      ) : null}
      {issues.length ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
          <h2 id="error-summary-title">{e('errors_title')}</h2>
          <ul>
            {issues.map((i) => (
              <li>
                <a href={`#${fid(i.field)}`}>{`${labels[i.field] ?? i.field}: ${i.message}`}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="get" action={props.id ? href(ctx, `/directory/authorities/${props.id}/edit`) : href(ctx, '/directory/new')} class="dir-lang-form">
        <input type="hidden" name="langs" value={langs.join(',')} />
        <label for="f-add-lang">{e('f_add_language')}</label> <input type="text" id="f-add-lang" name="add_lang" maxLength={35} size={8} dir="ltr" /> <button type="submit" class="secondary">{e('f_add_language_button')}</button>
      </form>
      <form method="post" action={action} class="dir-form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="langs" value={langs.join(',')} />
        <p class="muted">
          {e('f_text_languages')}: {langs.map(L).join(', ')}
        </p>
        <Group legend={e('f_names')}>
          {props.id ? null : (
            <>
              <Text name="id" label={e('f_id')} value={doc.id} issues={issues} max={128} dir="ltr" />
              <p class="muted">{e('f_id_hint')}</p>
              <div class="form-row">
                <label for="f-country">{e('f_country')}</label>
                <Err issues={issues} name="country" />
                <select id="f-country" name="country" required>
                  {props.countries.map((c) => (
                    <option value={c} selected={c === doc.country}>
                      {countryLabel(refs, c, ctx.lang)}
                    </option>
                  ))}
                </select>
              </div>
            </>
          )}
          {langs.map((l) => (
            <Text name={`names.${l}`} label={e('f_name_in', { language: L(l) })} value={mlv(doc.names, l)} issues={issues} lang={l} />
          ))}
        </Group>

        <Group legend={e('f_functions')}>
          <Err issues={issues} name="functions" />
          {FUNCTION_CODES.map((code) => {
            const f = fns.get(code);
            return (
              <fieldset class="dir-function">
                <legend>
                  <label>
                    <input type="checkbox" name={`fn.${code}`} value="1" checked={!!f} /> {fnLabel(ctx.lang, code)}
                  </label>
                </legend>
                <Text name={`fn.${code}.articles`} label={e('f_articles')} value={(f?.articles ?? (f ? [] : FUNCTION_BASIS[code].articles)).join(', ')} issues={issues} dir="ltr" max={400} />
                {langs.map((l) => (
                  <Text name={`fn.${code}.note.${l}`} label={e('f_function_note', { language: L(l) })} value={mlv(f?.note, l)} issues={issues} lang={l} max={2000} />
                ))}
              </fieldset>
            );
          })}
        </Group>

        <Group legend={e('f_contact')}>
          <Area name="address" label={t('address')} value={doc.address} issues={issues} />
          <Visibility ctx={ctx} field="address" doc={doc} />
          {[...phones, {}, {}].map((p, i) => (
            <div class="dir-row">
              <Text name={`phones.${i}.number`} label={`${e('f_phone', { n: i + 1 })} — ${e('f_number')}`} value={p.number} issues={issues} type="tel" dir="ltr" max={60} />
              <Text name={`phones.${i}.label`} label={e('f_label')} value={p.label} issues={issues} max={200} />
            </div>
          ))}
          <Visibility ctx={ctx} field="phones" doc={doc} />
          {[...directs, {}].map((p, i) => (
            <div class="dir-row">
              <Text name={`direct_lines.${i}.number`} label={`${e('f_direct', { n: i + 1 })} — ${e('f_number')}`} value={p.number} issues={issues} type="tel" dir="ltr" max={60} />
              <Text name={`direct_lines.${i}.label`} label={e('f_label')} value={p.label} issues={issues} max={200} />
            </div>
          ))}
          <Visibility ctx={ctx} field="direct_lines" doc={doc} />
          {[...emails, {}].map((m, i) => (
            <div class="dir-row">
              <Text name={`emails.${i}.address`} label={`${e('f_email', { n: i + 1 })} — ${e('f_email_address')}`} value={m.address} issues={issues} type="email" dir="ltr" max={254} />
              <Text name={`emails.${i}.label`} label={e('f_label')} value={m.label} issues={issues} max={200} />
            </div>
          ))}
          <Visibility ctx={ctx} field="emails" doc={doc} />
          <Text name="website" label={t('website')} value={doc.website} issues={issues} type="url" dir="ltr" max={2000} />
          <Visibility ctx={ctx} field="website" doc={doc} />
          {[...contacts, {}].map((c, i) => (
            <fieldset class="dir-contact">
              <legend>{e('f_contact_person', { n: i + 1 })}</legend>
              <Text name={`contacts.${i}.name`} label={t('contact_name')} value={c.name} issues={issues} max={200} />
              <Text name={`contacts.${i}.title`} label={t('contact_title')} value={c.title} issues={issues} max={300} />
              <Text name={`contacts.${i}.phone`} label={t('contact_phone')} value={c.phone} issues={issues} type="tel" dir="ltr" max={60} />
              <Text name={`contacts.${i}.email`} label={t('contact_email')} value={c.email} issues={issues} type="email" dir="ltr" max={254} />
              <Text name={`contacts.${i}.languages`} label={e('f_contact_languages')} value={(c.languages ?? []).join(', ')} issues={issues} dir="ltr" max={300} />
            </fieldset>
          ))}
          <Visibility ctx={ctx} field="contacts" doc={doc} />
        </Group>

        <Group legend={e('f_hours')}>
          <Text name="hours.time_zone" label={e('f_time_zone')} value={doc.hours?.time_zone} issues={issues} dir="ltr" max={64} />
          <div class="form-row form-row--check">
            <label>
              <input type="checkbox" name="hours.always_open" value="1" checked={!!doc.hours?.always_open} /> {e('f_always_open')}
            </label>
          </div>
          {[...weekly, {}, {}, {}].map((s, i) => (
            <div class="dir-row">
              <div class="form-row">
                <label for={fid(`hours.weekly.${i}.day`)}>{`${e('f_slot', { n: i + 1 })} — ${e('f_day')}`}</label>
                <select id={fid(`hours.weekly.${i}.day`)} name={`hours.weekly.${i}.day`}>
                  <option value="">—</option>
                  {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                    <option value={String(d)} selected={s.day === d}>
                      {t(`day_${d}` as 'day_1')}
                    </option>
                  ))}
                </select>
              </div>
              <Text name={`hours.weekly.${i}.open`} label={e('f_open')} value={s.open} issues={issues} type="time" dir="ltr" max={5} />
              <Text name={`hours.weekly.${i}.close`} label={e('f_close')} value={s.close} issues={issues} type="time" dir="ltr" max={5} />
            </div>
          ))}
          <Area name="hours.exceptions" label={e('f_exceptions')} value={exceptionsText} issues={issues} />
          <Visibility ctx={ctx} field="hours" doc={doc} />
        </Group>

        <Group legend={e('f_requests')}>
          <Text name="languages" label={e('f_languages')} value={(doc.languages ?? []).join(', ')} issues={issues} dir="ltr" max={400} />
          <Visibility ctx={ctx} field="languages" doc={doc} />
          <fieldset>
            <legend>{t('channels')}</legend>
            <Err issues={issues} name="channels" />
            {CHANNELS.map((c) => (
              <label class="dir-check">
                <input type="checkbox" name="channels" value={c} checked={!!doc.channels?.includes(c)} /> {t(`channel_${c}`)}
              </label>
            ))}
          </fieldset>
          <Visibility ctx={ctx} field="channels" doc={doc} />
          <div class="form-row">
            <label for="f-electronic_requests">{t('electronic')}</label>
            <Err issues={issues} name="electronic_requests" />
            <select id="f-electronic_requests" name="electronic_requests">
              <option value="">{e('f_not_stated')}</option>
              {ELECTRONIC.map((v) => (
                <option value={v} selected={doc.electronic_requests === v}>
                  {t(`electronic_${v}`)}
                </option>
              ))}
            </select>
          </div>
          <Visibility ctx={ctx} field="electronic_requests" doc={doc} />
          {langs.map((l) => (
            <Area name={`urgent_procedure.${l}`} label={e('f_urgent_in', { language: L(l) })} value={mlv(doc.urgent_procedure, l)} issues={issues} lang={l} />
          ))}
          <Visibility ctx={ctx} field="urgent_procedure" doc={doc} />
          <div class="form-row">
            <label for="f-untoc_extradition_basis.value">{e('f_basis')}</label>
            <Err issues={issues} name="untoc_extradition_basis" />
            <select id="f-untoc_extradition_basis.value" name="untoc_extradition_basis.value">
              <option value="">{e('f_not_stated')}</option>
              {YES_NO_UNKNOWN.map((v) => (
                <option value={v} selected={doc.untoc_extradition_basis?.value === v}>
                  {t(`basis_${v}`)}
                </option>
              ))}
            </select>
          </div>
          {langs.map((l) => (
            <Text name={`untoc_extradition_basis.note.${l}`} label={e('f_basis_note', { language: L(l) })} value={mlv(doc.untoc_extradition_basis?.note, l)} issues={issues} lang={l} max={5000} />
          ))}
          <Visibility ctx={ctx} field="untoc_extradition_basis" doc={doc} />
        </Group>

        <Group legend={t('requirements')}>
          <Err issues={issues} name="requirements" />
          {refs.measures.map((m) => {
            const r = reqs.get(m.code);
            return (
              <details class="dir-measure" open={!!r}>
                <summary>{measureLabel(refs, m.code, ctx.lang)}</summary>
                <div class="form-row">
                  <label for={fid(`req.${m.code}.status`)}>{t('col_status')}</label>
                  <select id={fid(`req.${m.code}.status`)} name={`req.${m.code}.status`}>
                    <option value="">{e('f_not_stated')}</option>
                    {REQUIREMENT_STATUSES.map((s) => (
                      <option value={s} selected={r?.status === s}>
                        {t(`status_${s}`)}
                      </option>
                    ))}
                  </select>
                </div>
                {langs.map((l) => (
                  <Area name={`req.${m.code}.conditions.${l}`} label={e('f_requirement_in', { language: L(l) })} value={mlv(r?.conditions, l)} issues={issues} lang={l} rows={2} />
                ))}
              </details>
            );
          })}
          <Visibility ctx={ctx} field="requirements" doc={doc} />
        </Group>

        <Group legend={t('e_evidence')}>
          {langs.map((l) => (
            <Area name={`e_evidence.preservation.${l}`} label={e('f_preservation_in', { language: L(l) })} value={mlv(doc.e_evidence?.preservation, l)} issues={issues} lang={l} />
          ))}
          {langs.map((l) => (
            <Area name={`e_evidence.disclosure.${l}`} label={e('f_disclosure_in', { language: L(l) })} value={mlv(doc.e_evidence?.disclosure, l)} issues={issues} lang={l} />
          ))}
          <Visibility ctx={ctx} field="e_evidence" doc={doc} />
        </Group>

        <Group legend={t('laws')}>
          <Text name="laws" label={e('f_laws')} value={(doc.laws ?? []).join(', ')} issues={issues} dir="ltr" max={7000} />
          <Visibility ctx={ctx} field="laws" doc={doc} />
          {langs.map((l) => (
            <Area name={`notes.${l}`} label={e('f_notes_in', { language: L(l) })} value={mlv(doc.notes, l)} issues={issues} lang={l} />
          ))}
          <Visibility ctx={ctx} field="notes" doc={doc} />
        </Group>

        <Area name="note" label={e('f_note')} value={props.note} issues={issues} />
        <p class="muted">{e('four_eyes')}</p>
        <button type="submit">{e('save_draft')}</button>
      </form>
    </Layout>
  );
}
