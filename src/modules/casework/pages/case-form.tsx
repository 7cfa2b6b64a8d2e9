/** The form to register an incoming request, draft an outgoing one, or edit a case (hidden version: a stale edit is refused). */
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { FieldIssue } from '../../../platform/http/errors.js';
import { CASE_KINDS, LEGAL_BASIS_TYPES, PERSON_ROLES, URGENCIES, type Direction } from '../domain/vocabulary.js';
import { Area, cwT, PartnerOptions, ErrorSummary, label, Select, termText, Text, type PageRefs } from './ui.js';

export interface CaseFormProps {
  ctx: PageContext;
  refs: PageRefs;
  direction: Direction;
  /** Present when editing. */
  caseId?: string | undefined;
  version?: number | undefined;
  heading: string;
  values: Record<string, unknown>;
  issues: FieldIssue[];
  message?: string | undefined;
  /** Authorities the author may create the case for (a choice when several). */
  authorities: string[];
}

export function CaseFormPage(p: CaseFormProps) {
  const { ctx, refs, values, issues } = p;
  const t = cwT(ctx.lang);
  const s = (k: string) => {
    const v = values[k];
    return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
  };
  const list = (k: string) => {
    const v = values[k];
    return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
  };
  const terms = (tax: 'measure' | 'crime') => refs.terms.filter((x) => x.taxonomy === tax).map((x) => [x.code, termText(refs, tax, x.code, ctx.lang)] as const);
  const action = p.caseId ? href(ctx, `/casework/cases/${p.caseId}/edit`) : href(ctx, '/casework/new', { direction: p.direction });
  return (
    <Layout ctx={ctx} title={p.heading} section="casework">
      <main id="main" class="casework cw-form">
        <p>
          <a href={href(ctx, p.caseId ? `/casework/cases/${p.caseId}` : '/casework')}>{t('back_to_worklist')}</a>
        </p>
        <h1 dir="auto">{p.heading}</h1>
        <ErrorSummary t={t} issues={issues} message={p.message} />
        <form method="post" action={action} novalidate>
          <CsrfField ctx={ctx} />
          {p.caseId ? <input type="hidden" name="version" value={String(p.version ?? '')} /> : <input type="hidden" name="direction" value={p.direction} />}
          {!p.caseId && p.authorities.length > 1 ? <Select name="authority_id" label={t('f_authority')} value={s('authority_id')} options={p.authorities.map((a) => [a, a] as const)} issues={issues} /> : null}
          <Select name="kind" label={t('f_kind')} value={s('kind') || 'mla'} options={CASE_KINDS.map((k) => [k, label(t, 'kind', k)] as const)} issues={issues} required />
          <Select name="partner_country" label={t('f_partner_country')} value={s('partner_country')} empty="" options={[]} issues={issues} required>
            <PartnerOptions refs={refs} lang={ctx.lang} selected={s('partner_country')} />
          </Select>
          <Text name="partner_authority_name" label={t('partner_authority')} value={s('partner_authority_name')} issues={issues} />
          <Text name="partner_reference" label={t('partner_reference')} value={s('partner_reference')} issues={issues} max={120} />
          <Text name="title" label={t('f_title')} value={s('title')} issues={issues} required />
          <Area name="summary" label={t('f_summary')} value={s('summary')} issues={issues} rows={5} />
          <Select name="measures" label={t('f_measures')} value={list('measures')} options={terms('measure')} issues={issues} multiple />
          <Select name="crime_types" label={t('f_crimes')} value={list('crime_types')} options={terms('crime')} issues={issues} multiple />
          <Area name="offence_text" label={t('f_offence_text')} value={s('offence_text')} issues={issues} max={2000} />
          <Select name="urgency" label={t('f_urgency')} value={s('urgency') || 'normal'} options={URGENCIES.map((u) => [u, label(t, 'urgency', u)] as const)} issues={issues} />
          <Area name="urgency_reason" label={t('f_urgency_reason')} value={s('urgency_reason')} issues={issues} rows={2} max={2000} />
          <div class="form-row check">
            <input type="checkbox" id="f-confidential" name="confidential" checked={values.confidential === true || values.confidential === 'on'} />
            <label for="f-confidential">{t('f_confidential')}</label>
          </div>
          {p.direction === 'incoming' ? <Text name="received_on" type="date" label={t('f_received_on')} value={s('received_on')} issues={issues} /> : null}
          <Text name="partner_deadline" type="date" label={t('f_partner_deadline')} value={s('partner_deadline')} issues={issues} />
          {!p.caseId ? (
            <>
              <fieldset>
                <legend>{t('h_person')}</legend>
                <Select name="persons.0.role" label={t('f_role')} value={s('persons.0.role') || 'suspect'} options={PERSON_ROLES.map((r) => [r, label(t, 'role', r)] as const)} issues={issues} />
                <Text name="persons.0.family_name" label={t('f_family_name')} value={s('persons.0.family_name')} issues={issues} max={200} />
                <Text name="persons.0.given_names" label={t('f_given_names')} value={s('persons.0.given_names')} issues={issues} max={200} />
              </fieldset>
              <fieldset>
                <legend>{t('f_basis')}</legend>
                <Select name="legal_bases.0.basis" label={t('f_basis')} value={s('legal_bases.0.basis')} empty="" options={LEGAL_BASIS_TYPES.map((b) => [b, label(t, 'basis', b)] as const)} issues={issues} />
                <Text name="legal_bases.0.article" label={t('f_article')} value={s('legal_bases.0.article')} issues={issues} max={40} />
              </fieldset>
            </>
          ) : null}
          <button type="submit">{p.caseId ? t('save') : t('create')}</button>
        </form>
      </main>
    </Layout>
  );
}
