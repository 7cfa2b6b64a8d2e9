/**
 * /{lang}/exchange/cases/{id}: where each message of a case is (queued, delivered, received, when), its
 * signed evidence (downloadable), and the forms to send an approved request or answer a received one.
 */
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { MessageStatusView } from '../evidence-service.js';
import { MESSAGE_KINDS } from '../domain/message.js';
import type { ExchangeMessageKey } from '../exchange.messages.js';
import { exT, Problem, when, type ET } from './ui.js';

export interface CaseExchangeData {
  caseId: string;
  messages: MessageStatusView[];
  partners: { id: string; name: string; country: string; nodeId: string }[];
  /** Partner node names by local partner id. */
  partnerNames: Record<string, string>;
  maySend: boolean;
  /** The kinds this case's side may send (domain/kinds.ts); empty when the actor may not write. */
  replyKinds: readonly string[];
  /** The refusal grounds offered (casework's list), labelled. */
  grounds: { code: string; label: string }[];
}

/** Kinds with a form of their own (their required fields); the others share one form. */
const OWN_FORM = ['refusal', 'postponement'];

const kindLabel = (t: ET, kind: string) => ((MESSAGE_KINDS as readonly string[]).includes(kind) ? t(`kind_${kind}` as ExchangeMessageKey) : kind);
const STATE_KEYS: Record<string, ExchangeMessageKey> = { queued: 'mstate_queued', delivered: 'mstate_delivered', failed: 'mstate_failed', rejected: 'mstate_rejected' };
const stateLabel = (t: ET, state: string) => t(STATE_KEYS[state] ?? 'mstate_received');

/** Whether the recipient authority opened the message (Retrieval evidence, from the recipient's node or ours), or not in time (NonRetrieval). */
function Retrieved({ t, m }: { t: ET; m: MessageStatusView }) {
  const r = m.evidence.find((e) => e.event === 'Retrieval');
  const n = m.evidence.find((e) => e.event === 'NonRetrieval');
  if (r) return <>{when(r.at)}</>;
  if (n) return <>{t('msg_not_retrieved')} ({when(n.at)})</>;
  return <>—</>;
}

/** The file field of an answer form (one document; the API takes several). */
const Attachment = ({ t, id }: { t: ET; id: string }) => (
  <>
    <label for={id}>{t('attachment')}</label>
    <input id={id} name="attachment" type="file" />
  </>
);

export function CaseExchangePage({ ctx, data, problem, notice }: { ctx: PageContext; data: CaseExchangeData; problem: string | null; notice: boolean }) {
  const t = exT(ctx.lang);
  const title = t('case_title', { reference: data.caseId });
  return (
    <Layout ctx={ctx} title={title} section="casework">
      <p>
        <a href={href(ctx, `/casework/cases/${data.caseId}`)}>←</a>
      </p>
      <h1>{title}</h1>
      <Problem message={problem} />
      {notice ? <p role="status">{t('sent_notice')}</p> : null}
      <section aria-labelledby="messages">
        <h2 id="messages">{t('messages')}</h2>
        {!data.messages.length ? (
          <p>{t('messages_none')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('msg_kind')}</th>
                  <th scope="col">{t('msg_state')}</th>
                  <th scope="col">{t('msg_created')}</th>
                  <th scope="col">{t('msg_delivered')}</th>
                  <th scope="col">{t('msg_retrieved')}</th>
                  <th scope="col">{t('msg_attempts')}</th>
                  <th scope="col">{t('evidence')}</th>
                </tr>
              </thead>
              <tbody>
                {data.messages.map((m) => (
                  <tr>
                    <td>
                      {kindLabel(t, m.kind)} ({m.direction === 'out' ? t('msg_direction_out') : t('msg_direction_in')}) · <span dir="auto">{data.partnerNames[m.partnerId] ?? ''}</span>
                      <br />
                      <code dir="ltr">{m.id}</code>
                    </td>
                    <td>
                      {stateLabel(t, m.state)}
                      {m.lastError && m.state !== 'delivered' ? (
                        <>
                          <br />
                          <span class="muted">
                            {t(m.state === 'rejected' ? 'msg_rejection_reason' : 'msg_last_error')}: <span dir="auto">{m.lastError}</span>
                          </span>
                        </>
                      ) : null}
                    </td>
                    <td>{when(m.createdAt)}</td>
                    <td>{when(m.deliveredAt)}</td>
                    <td>
                      <Retrieved t={t} m={m} />
                    </td>
                    <td>{m.direction === 'out' ? m.attempts : '—'}</td>
                    <td>
                      <ul>
                        {m.evidence.map((e) => (
                          <li>
                            <a href={`/api/v1/exchange/evidence/${e.id}`} dir="ltr">
                              {e.event}
                            </a>{' '}
                            <code dir="ltr">{e.signer}</code> {when(e.at)}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {data.maySend && data.partners.length ? (
        <section aria-labelledby="send">
          <h2 id="send">{t('send_title')}</h2>
          <form method="post" action={href(ctx, `/exchange/cases/${data.caseId}/send`)}>
            <CsrfField ctx={ctx} />
            <label for="partner">{t('send_partner')}</label>
            <select id="partner" name="partnerId">
              {data.partners.map((p) => (
                <option value={p.id}>
                  {p.name} ({p.country})
                </option>
              ))}
            </select>
            <button type="submit">{t('send_button')}</button>
          </form>
        </section>
      ) : null}
      {data.replyKinds.length ? <ReplyForms ctx={ctx} t={t} data={data} /> : null}
    </Layout>
  );
}

/** The answer forms: one per kind with fields of its own (refusal: grounds, reasons, attachment; postponement: reason, date), one for the others. Multipart (reply-form.ts). */
function ReplyForms({ ctx, t, data }: { ctx: PageContext; t: ET; data: CaseExchangeData }) {
  const action = href(ctx, `/exchange/cases/${data.caseId}/reply`);
  const others = data.replyKinds.filter((k) => !OWN_FORM.includes(k));
  return (
    <section aria-labelledby="reply">
      <h2 id="reply">{t('reply_title')}</h2>
      {data.replyKinds.includes('refusal') ? (
        <form method="post" action={action} enctype="multipart/form-data" aria-labelledby="refusal-title">
          <h3 id="refusal-title">{t('refusal_title')}</h3>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="kind" value="refusal" />
          <fieldset>
            <legend>{t('refusal_grounds')}</legend>
            {data.grounds.map((g) => (
              <div class="check">
                <input type="checkbox" id={`ground-${g.code}`} name={`ground_${g.code}`} value="1" />
                <label for={`ground-${g.code}`}>{g.label}</label>
              </div>
            ))}
          </fieldset>
          <label for="refusal-text">{t('refusal_reasons')}</label>
          <textarea id="refusal-text" name="text" rows={5} dir="auto" maxLength={100_000} required></textarea>
          <Attachment t={t} id="refusal-attachment" />
          <button type="submit">{t('refusal_button')}</button>
        </form>
      ) : null}
      {data.replyKinds.includes('postponement') ? (
        <form method="post" action={action} enctype="multipart/form-data" aria-labelledby="postpone-title">
          <h3 id="postpone-title">{t('postpone_title')}</h3>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="kind" value="postponement" />
          <label for="postpone-text">{t('postpone_reason')}</label>
          <textarea id="postpone-text" name="text" rows={3} dir="auto" maxLength={100_000} required></textarea>
          <label for="postpone-until">{t('postpone_until')}</label>
          <input id="postpone-until" name="until" type="date" required />
          <button type="submit">{t('postpone_button')}</button>
        </form>
      ) : null}
      {others.length ? (
        <form method="post" action={action} enctype="multipart/form-data" aria-labelledby="reply-other-title">
          <h3 id="reply-other-title">{t('reply_other_title')}</h3>
          <CsrfField ctx={ctx} />
          <label for="reply-kind">{t('reply_kind')}</label>
          <select id="reply-kind" name="kind">
            {others.map((k) => (
              <option value={k}>{kindLabel(t, k)}</option>
            ))}
          </select>
          <label for="reply-text">{t('reply_text')}</label>
          <textarea id="reply-text" name="text" rows={5} dir="auto" maxLength={100_000}></textarea>
          <Attachment t={t} id="reply-attachment" />
          <button type="submit">{t('reply_button')}</button>
        </form>
      ) : null}
    </section>
  );
}
