/**
 * /{lang}/e-evidence/providers/{id}/edit and /{lang}/e-evidence/new (curators): the provider in a
 * structured form (pages/provider-form.tsx), or with ?format=json the whole document as JSON (fields
 * in docs/E-EVIDENCE.md); the issues naming each bad field, linked to its input; and the history with
 * the transitions the curator may apply (four eyes: never publish one's own change).
 */
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { countryName, type Country } from '../../reference/index.js';
import { RevisionCard } from '../../workflow/index.js';
import type { ProviderEditorModel } from '../editor-service.js';
import { inputId, ProviderFields } from './provider-form.js';
import { Crumbs, provT } from './ui.js';

export function ProviderEditorPage(props: { ctx: PageContext; model: ProviderEditorModel; countries: readonly Country[] }) {
  const { ctx, model } = props;
  const countries = props.countries.map((c) => ({ iso3: c.iso3, name: countryName(props.countries, c.iso3, ctx.lang) })).sort((a, b) => a.name.localeCompare(b.name, ctx.lang));
  const self = model.id ? `/e-evidence/providers/${model.id}/edit` : '/e-evidence/new';
  const t = provT(ctx.lang);
  const title = model.id ? t('editor_title', { id: model.id }) : t('editor_new_title');
  const action = model.id ? href(ctx, `/e-evidence/providers/${model.id}/edit`) : href(ctx, '/e-evidence/new');
  return (
    <Layout ctx={ctx} title={title} section="e-evidence">
      <Crumbs ctx={ctx} items={[{ label: t('providers_title'), path: '/e-evidence/providers' }, ...(model.id ? [{ label: model.id, path: `/e-evidence/providers/${model.id}` }] : []), { label: title }]} />
      <h1>{title}</h1>
      <p class="lead">{t('editor_intro')}</p>
      <p>{model.json ? <a href={href(ctx, self)}>{t('editor_form_link')}</a> : <a href={href(ctx, `${self}?format=json`)}>{t('editor_json_link')}</a>}</p>
      {model.issues.length ? (
        <div class="error-summary" role="alert" aria-labelledby="issues-heading">
          <h2 id="issues-heading">{t('editor_issues')}</h2>
          <ul>
            {model.issues.map((i) => (
              <li>
                {model.json ? (
                  <code dir="ltr">{i.field}</code>
                ) : (
                  <a href={`#${inputId(i.field)}`}>
                    <code dir="ltr">{i.field}</code>
                  </a>
                )}
                : <span dir="auto">{i.message}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={action} class="dir-form provider-form">
        <CsrfField ctx={ctx} />
        {model.id ? null : (
          <div class="form-row">
            <label for="pe-id">{t('editor_id')}</label>
            <input type="text" id="pe-id" name="id" required maxLength={128} pattern="[a-z0-9][a-z0-9._\-]{0,127}" dir="ltr" />
          </div>
        )}
        {model.json ? (
          <div class="form-row">
            <label for="pe-document">{t('editor_document')}</label>
            <textarea id="pe-document" name="document" rows={24} dir="ltr" spellcheck={false} aria-describedby="pe-document-help">
              {model.document}
            </textarea>
            <p id="pe-document-help" class="muted">
              {t('editor_document_help')}
            </p>
          </div>
        ) : (
          <ProviderFields ctx={ctx} values={model.values} issues={model.issues} countries={countries} />
        )}
        <div class="form-row">
          <label for="pe-note">{t('editor_note')}</label>
          <input type="text" id="pe-note" name="note" value={model.note} maxLength={2000} dir="auto" />
        </div>
        <button type="submit">{t('editor_save')}</button>
      </form>
      {model.id && model.history.length ? (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">{t('editor_history')}</h2>
          <ol class="dir-history">
            {model.history.map((item) => (
              <RevisionCard ctx={ctx} item={item} transitionAction={href(ctx, `/e-evidence/providers/${model.id}/transition`)} revertAction={null} />
            ))}
          </ol>
        </section>
      ) : null}
    </Layout>
  );
}
