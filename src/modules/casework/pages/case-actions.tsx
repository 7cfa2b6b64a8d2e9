/** The steps the reader may take on a case page: one form per transition, and the way to forward the request. */
import { CsrfField } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { CaseTransition } from '../domain/transitions.js';
import { CHANNELS, REFUSAL_GROUNDS } from '../domain/vocabulary.js';
import type { CaseView } from '../service.js';
import { cwT, fid, label, type CwT } from './ui.js';

export type FailedTransition = { transition: string; values: Record<string, unknown> } | undefined;

/** The case's transitions the reader may apply, and (where the reader may forward) the link to the forwarding form. */
export function Actions({ ctx, view, failed, mayForward }: { ctx: PageContext; view: CaseView; failed: FailedTransition; mayForward: boolean }) {
  if (!view.owner) return null;
  const t = cwT(ctx.lang);
  const c = view.case;
  return (
    <section aria-labelledby="h-actions">
      <h2 id="h-actions">{t('h_actions')}</h2>
      {view.transitions.length ? (
        <div class="cw-transitions">
          {view.transitions.map((tr) => (
            <TransitionForm ctx={ctx} t={t} view={view} tr={tr} values={failed?.transition === tr.name ? failed.values : undefined} />
          ))}
        </div>
      ) : (
        <p>{t('no_actions')}</p>
      )}
      {mayForward ? (
        <p>
          <a class="button" href={`${href(ctx, `/casework/cases/${c.id}`, { forward: 1 })}#executions`}>
            {t('forward_action')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function TransitionForm({ ctx, t, view, tr, values }: { ctx: PageContext; t: CwT; view: CaseView; tr: CaseTransition; values: Record<string, unknown> | undefined }) {
  const fields = [...tr.requires, ...(tr.optional ?? [])];
  const v = (k: string) => (typeof values?.[k] === 'string' ? (values[k] as string) : '');
  const id = (k: string) => fid(`${tr.name}-${k}`);
  const required = (k: string) => tr.requires.includes(k as never);
  const body = (
    <form method="post" action={href(ctx, `/casework/cases/${view.case.id}/transition`)} class="cw-transition">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="transition" value={tr.name} />
      <input type="hidden" name="version" value={String(view.case.version)} />
      {fields.includes('comment') ? (
        <div class="form-row">
          <label for={id('comment')}>{t('field_comment')}</label>
          <textarea id={id('comment')} name="comment" rows={2} dir="auto" maxLength={5000} required={required('comment')}>
            {v('comment')}
          </textarea>
        </div>
      ) : null}
      {fields.includes('grounds') ? (
        <fieldset>
          <legend>{t('field_grounds')}</legend>
          {REFUSAL_GROUNDS.filter((g) => g !== 'bank_secrecy_not_a_ground').map((g) => (
            <div class="check">
              <input type="checkbox" id={id(`ground-${g}`)} name="grounds" value={g} />
              <label for={id(`ground-${g}`)}>{label(t, 'ground', g)}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {fields.includes('date') ? (
        <div class="form-row">
          <label for={id('date')}>{t('field_date')}</label>
          <input type="date" id={id('date')} name="date" value={v('date') || new Date().toISOString().slice(0, 10)} required={required('date')} />
        </div>
      ) : null}
      {fields.includes('until') ? (
        <div class="form-row">
          <label for={id('until')}>{t('field_until')}</label>
          <input type="date" id={id('until')} name="until" value={v('until')} required={required('until')} />
        </div>
      ) : null}
      {fields.includes('channel') ? (
        <div class="form-row">
          <label for={id('channel')}>{t('field_channel')}</label>
          <select id={id('channel')} name="channel" required={required('channel')}>
            {CHANNELS.map((ch) => (
              <option value={ch} selected={v('channel') === ch}>
                {label(t, 'channel', ch)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {fields.includes('outcome') ? (
        <div class="form-row">
          <label for={id('outcome')}>{t('field_outcome')}</label>
          <select id={id('outcome')} name="outcome">
            {(['executed', 'partly_executed'] as const).map((o) => (
              <option value={o} selected={v('outcome') === o}>
                {label(t, 'outcome', o)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" name="go" value={tr.name}>
        {label(t, 'tr', tr.name)}
      </button>
    </form>
  );
  if (!fields.length) return body;
  return (
    <details open={values !== undefined}>
      <summary>{label(t, 'tr', tr.name)}</summary>
      {body}
    </details>
  );
}
