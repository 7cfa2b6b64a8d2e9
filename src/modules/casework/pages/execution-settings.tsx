/**
 * /{lang}/casework/settings: what a supervisor sets (casework.supervise): working days, holidays,
 * reminder and chase periods, the provisional-arrest period, service levels, deputies. One authority
 * at a time (?authority=, default the first the supervisor supervises).
 */
import type { FastifyRequest } from 'fastify';
import type { App } from '../../../platform/http/app.js';
import { caseworkNavLinks } from './nav.js';
import { CsrfField } from '../../../platform/web/layout.js';
import { href, pageContext, type PageContext } from '../../../platform/web/page.js';
import { assertAllowedSomewhere } from '../../access/index.js';
import { auditContext } from '../../audit/index.js';
import { CASE_KINDS } from '../domain/vocabulary.js';
import { addDeputy, getCaseworkSettings, removeDeputy, removeServiceLevel, saveCaseworkSettings, setServiceLevel, type CaseworkSettingsView } from '../settings-service.js';
import { handleForm, label, sendCaseworkPage, signInFirst, tx, type ET } from './execution-ui.js';

const LEVEL_STATES = ['received', 'formal_check', 'registered', 'assessment', 'consultation', 'forwarded', 'results_review', 'draft', 'awaiting_approval', 'approved', 'sent'] as const;

function authorityOf(request: FastifyRequest): string {
  const scope = assertAllowedSomewhere(request.actor, 'casework.supervise');
  const q = (request.query as Record<string, unknown>).authority;
  const b = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>).authority : undefined;
  const given = typeof b === 'string' ? b : typeof q === 'string' ? q : undefined;
  return given ?? scope.authorities[0] ?? '';
}

function SettingsPage({ ctx, t, s }: { ctx: PageContext; t: ET; s: CaseworkSettingsView }) {
  const action = (path: string) => href(ctx, `/casework/settings${path}`);
  const Hidden = () => (
    <>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="authority" value={s.authorityId} />
    </>
  );
  const staffOptions = s.staff.map((u) => <option value={u.id}>{u.name}</option>);
  return (
    <>
      <h1>{t('settings_title')}</h1>
      <p dir="ltr">{t('settings_authority', { id: s.authorityId })}</p>
      {ctx.query.done === '1' ? (
        <p class="notice notice--ok" role="status">
          {t('recorded')}
        </p>
      ) : null}
      <section aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">{t('calendar_title')}</h2>
        <form method="post" action={action('')}>
          <Hidden />
          <fieldset>
            <legend>{t('working_days_label')}</legend>
            {[1, 2, 3, 4, 5, 6, 7].map((d) => (
              <label class="checkbox">
                <input type="checkbox" name="workingDays" value={String(d)} checked={s.workingDays.includes(d)} /> {label(t, 'weekday_', String(d))}
              </label>
            ))}
          </fieldset>
          <label for="holidays">{t('holidays_label')}</label>
          <textarea id="holidays" name="holidays" rows={6} dir="ltr">
            {s.holidays.join('\n')}
          </textarea>
          <label for="remind">{t('remind_label')}</label>
          <input id="remind" name="remindDaysBefore" type="number" min={0} max={60} value={String(s.remindDaysBefore)} required />
          <label for="chase">{t('chase_label')}</label>
          <input id="chase" name="chaseAfterDays" type="number" min={1} max={365} value={String(s.chaseAfterDays)} required />
          <label for="statutory">{t('statutory_label')}</label>
          <input id="statutory" name="statutoryDays[provisional_arrest]" type="number" min={1} max={3650} value={String(s.statutoryDays.provisional_arrest ?? '')} />
          <button type="submit">{t('save_button')}</button>
        </form>
      </section>
      <section aria-labelledby="levels-heading">
        <h2 id="levels-heading">{t('levels_title')}</h2>
        {s.serviceLevels.length ? (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('col_kind')}</th>
                  <th scope="col">{t('col_case_state')}</th>
                  <th scope="col">{t('col_days')}</th>
                  <th scope="col">{t('col_working')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('remove_button')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.serviceLevels.map((l) => (
                  <tr>
                    <td>{label(t, 'kind_', l.kind)}</td>
                    <td>{label(t, 'case_state_', l.state)}</td>
                    <td>{l.days}</td>
                    <td>{l.workingDays ? t('yes') : t('no')}</td>
                    <td>
                      <form method="post" action={action('/service-levels/remove')} class="inline-form">
                        <Hidden />
                        <input type="hidden" name="kind" value={l.kind} />
                        <input type="hidden" name="state" value={l.state} />
                        <button type="submit" class="secondary">
                          {t('remove_button')}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('levels_none')}</p>
        )}
        <form method="post" action={action('/service-levels')}>
          <Hidden />
          <label for="sl-kind">{t('col_kind')}</label>
          <select id="sl-kind" name="kind">
            {CASE_KINDS.map((k) => (
              <option value={k}>{label(t, 'kind_', k)}</option>
            ))}
          </select>
          <label for="sl-state">{t('col_case_state')}</label>
          <select id="sl-state" name="state">
            {LEVEL_STATES.map((k) => (
              <option value={k}>{label(t, 'case_state_', k)}</option>
            ))}
          </select>
          <label for="sl-days">{t('col_days')}</label>
          <input id="sl-days" name="days" type="number" min={1} max={3650} required />
          <input type="hidden" name="workingDays" value="false" />
          <label class="checkbox">
            <input type="checkbox" name="workingDays" value="true" checked /> {t('col_working')}
          </label>
          <button type="submit">{t('add_level_button')}</button>
        </form>
      </section>
      <section aria-labelledby="deputies-heading">
        <h2 id="deputies-heading">{t('deputies_title')}</h2>
        {s.deputies.length ? (
          <ul class="deputies">
            {s.deputies.map((d) => (
              <li>
                <span dir="auto">{d.userName}</span> → <span dir="auto">{d.deputyName}</span> ({t('col_from')} {d.from} {t('col_until')} {d.until}){' '}
                <form method="post" action={action('/deputies/remove')} class="inline-form">
                  <Hidden />
                  <input type="hidden" name="id" value={d.id} />
                  <button type="submit" class="secondary">
                    {t('remove_button')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('deputies_none')}</p>
        )}
        <form method="post" action={action('/deputies')}>
          <Hidden />
          <label for="dep-user">{t('col_absent')}</label>
          <select id="dep-user" name="userId">
            {staffOptions}
          </select>
          <label for="dep-deputy">{t('col_deputy')}</label>
          <select id="dep-deputy" name="deputyId">
            {staffOptions}
          </select>
          <label for="dep-from">{t('col_from')}</label>
          <input id="dep-from" name="from" type="date" required />
          <label for="dep-until">{t('col_until')}</label>
          <input id="dep-until" name="until" type="date" required />
          <button type="submit">{t('add_deputy_button')}</button>
        </form>
      </section>
    </>
  );
}

const form = (request: FastifyRequest) => (request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {});

/** "statutoryDays[provisional_arrest]" form fields into an object. */
function settingsBody(b: Record<string, unknown>) {
  const statutoryDays = Object.fromEntries(Object.entries(b).flatMap(([k, v]) => {
    const m = /^statutoryDays\[([a-z_]{1,40})\]$/.exec(k);
    return m ? [[m[1]!, v]] : [];
  }));
  return { holidays: b.holidays ?? '', workingDays: b.workingDays, chaseAfterDays: b.chaseAfterDays, remindDaysBefore: b.remindDaysBefore, statutoryDays };
}

export async function settingsPages(app: App): Promise<void> {
  app.get('/casework/settings', async (request, reply) => {
    const redirected = signInFirst(request, reply);
    if (redirected) return redirected;
    const ctx = pageContext(request);
    const s = await getCaseworkSettings(app.db, request.actor, authorityOf(request));
    return sendCaseworkPage(reply, ctx, tx(ctx)('settings_title'), <SettingsPage ctx={ctx} t={tx(ctx)} s={s} />, 200, caseworkNavLinks(request.actor));
  });
  const back = (request: FastifyRequest) => `/casework/settings?authority=${encodeURIComponent(authorityOf(request))}`;
  app.post('/casework/settings', async (request, reply) => handleForm(request, reply, back(request), () => saveCaseworkSettings(app.db, auditContext(request), authorityOf(request), settingsBody(form(request)))));
  app.post('/casework/settings/service-levels', async (request, reply) => {
    const b = form(request);
    const wd = Array.isArray(b.workingDays) ? b.workingDays.includes('true') : b.workingDays === 'true';
    return handleForm(request, reply, back(request), () => setServiceLevel(app.db, auditContext(request), authorityOf(request), { kind: b.kind, state: b.state, days: b.days, workingDays: wd }));
  });
  app.post('/casework/settings/service-levels/remove', async (request, reply) => handleForm(request, reply, back(request), () => removeServiceLevel(app.db, auditContext(request), authorityOf(request), String(form(request).kind ?? ''), String(form(request).state ?? ''))));
  app.post('/casework/settings/deputies', async (request, reply) => {
    const b = form(request);
    return handleForm(request, reply, back(request), () => addDeputy(app.db, auditContext(request), authorityOf(request), { userId: b.userId, deputyId: b.deputyId, from: b.from, until: b.until }));
  });
  app.post('/casework/settings/deputies/remove', async (request, reply) => handleForm(request, reply, back(request), () => removeDeputy(app.db, auditContext(request), authorityOf(request), String(form(request).id ?? ''))));
}
