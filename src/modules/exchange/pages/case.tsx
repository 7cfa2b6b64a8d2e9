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
}

const kindLabel = (t: ET, kind: string) => ((MESSAGE_KINDS as readonly string[]).includes(kind) ? t(`kind_${kind}` as ExchangeMessageKey) : kind);
const stateLabel = (t: ET, state: string) => (state === 'queued' ? t('mstate_queued') : state === 'delivered' ? t('mstate_delivered') : state === 'failed' ? t('mstate_failed') : t('mstate_received'));

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
                            {t('msg_last_error')}: <span dir="auto">{m.lastError}</span>
                          </span>
                        </>
                      ) : null}
                    </td>
                    <td>{when(m.createdAt)}</td>
                    <td>{when(m.deliveredAt)}</td>
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
      {data.replyKinds.length ? (
        <section aria-labelledby="reply">
          <h2 id="reply">{t('reply_title')}</h2>
          <form method="post" action={href(ctx, `/exchange/cases/${data.caseId}/reply`)}>
            <CsrfField ctx={ctx} />
            <label for="reply-kind">{t('reply_kind')}</label>
            <select id="reply-kind" name="kind">
              {data.replyKinds.map((k) => (
                <option value={k}>{kindLabel(t, k)}</option>
              ))}
            </select>
            <label for="reply-text">{t('reply_text')}</label>
            <textarea id="reply-text" name="text" rows={5} dir="auto" maxLength={100_000}></textarea>
            {data.replyKinds.includes('postponement') ? (
              <>
                <label for="reply-until">{t('reply_until')}</label>
                <input id="reply-until" name="until" type="date" />
              </>
            ) : null}
            <button type="submit">{t('reply_button')}</button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
