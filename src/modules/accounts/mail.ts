/**
 * Outgoing mail. Every mail is written to the outbox table in the caller's transaction (so it exists
 * only if the change that causes it commits). Without SMTP_URL it stays there (status "stored") for the
 * administrator to read at /{lang}/admin/outbox; with SMTP_URL, deliverPendingMail() sends it with
 * nodemailer after the commit and clears its body.
 */
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DB } from '../../platform/db/schema.js';
import type { Lang } from '../../platform/i18n/languages.js';
import { translator } from '../../platform/i18n/messages.js';
import type { AccountsEnv } from './env.js';
import { mailMessages } from './mail.messages.js';
import { insertOutbox, markMailFailed, markMailSent, selectPendingMail } from './repository/tokens.js';

export type MailKind = 'verify' | 'existing' | 'reset' | 'password_changed' | 'approved' | 'refused' | 'tokens_revoked';

export interface MailRequest {
  to: string;
  lang: Lang;
  kind: MailKind;
  values: Record<string, string | number>;
}

/** Compose a mail in the recipient's language and put it in the outbox. */
export async function queueMail(trx: Kysely<DB>, env: AccountsEnv, m: MailRequest): Promise<string> {
  const t = translator(mailMessages, m.lang);
  const subject = t(`${m.kind}_subject`);
  const body = `${t(`${m.kind}_body`, m.values)}\n\n${t('signature')}\n`;
  const row = await insertOutbox(trx, { to_address: m.to, lang: m.lang, purpose: m.kind, subject, body, status: env.config.smtpUrl ? 'pending' : 'stored' });
  return String(row.id);
}

const transports = new Map<string, Transporter>();
function transportFor(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
}

const MAX_ATTEMPTS = 5;

/** Deliver pending mail over SMTP (no-op without SMTP_URL). Returns how many were sent. Never throws. */
export async function deliverPendingMail(db: Kysely<DB>, env: AccountsEnv, log?: { warn: (o: object, m: string) => void }): Promise<number> {
  const url = env.config.smtpUrl;
  if (!url) return 0;
  let sent = 0;
  try {
    const pending = await selectPendingMail(db, 50);
    for (const m of pending) {
      try {
        await transportFor(url).sendMail({
          from: env.config.mailFrom,
          to: m.to_address,
          subject: m.subject,
          text: m.body ?? '',
          headers: { 'Content-Language': m.lang, 'Auto-Submitted': 'auto-generated' },
        });
        await markMailSent(db, String(m.id));
        sent++;
      } catch (err) {
        await markMailFailed(db, String(m.id), err instanceof Error ? err.message : String(err), m.attempts + 1 >= MAX_ATTEMPTS);
        log?.warn({ err, outbox_id: m.id }, 'mail delivery failed');
      }
    }
  } catch (err) {
    log?.warn({ err }, 'mail delivery failed');
  }
  return sent;
}

/** Close SMTP connections (tests, shutdown). */
export function closeMailTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}
