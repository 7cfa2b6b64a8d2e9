/** Shared bits of the exchange pages: the translator, times, errors. */
import { translator, type Translate } from '../../../platform/i18n/messages.js';
import type { Lang } from '../../../platform/i18n/languages.js';
import { exchangeMessages, type ExchangeMessageKey } from '../exchange.messages.js';

export type ET = Translate<ExchangeMessageKey>;
export const exT = (lang: Lang): ET => translator(exchangeMessages, lang) as ET;
export const when = (d: string | null) => (d ? `${d.replace('T', ' ').slice(0, 16)} UTC` : '—');

export function Problem({ message }: { message: string | null }) {
  return message ? (
    <div class="error-summary" role="alert" tabindex={-1}>
      <p dir="auto">{message}</p>
    </div>
  ) : null;
}
