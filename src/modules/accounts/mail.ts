/**
 * Outgoing mail. Every mail is written to the outbox table in the caller's transaction (so it exists
 * only if the change that causes it commits). Without SMTP_URL it stays there (status "stored") for the
 * administrator to read at /{lang}/admin/outbox; with SMTP_URL a delivery job is queued in the same
 * transaction, and a worker (on whichever node takes it) sends the mail with nodemailer and clears its
 * body. A refused delivery is retried by the job queue with exponential back-off (1-2 minutes, then
 * doubling, six retries: about two hours in all); the mail is then "failed" and an administrator may
 * retry its job at /{lang}/admin/jobs.
 */
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DB } from '../../platform/db/schema.js';
import type { Lang } from '../../platform/i18n/languages.js';
import { translator } from '../../platform/i18n/messages.js';
import { enqueue, wakeWorkers, type JobDefinition, type JobInfo } from '../../platform/jobs/index.js';
import type { Logger } from '../../platform/log.js';
import type { Runtime } from '../../runtime.js';
import type { Config } from '../../config.js';
import { accountsEnv, type AccountsEnv } from './env.js';
import { mailMessages } from './mail.messages.js';
import { selectAdministratorRecipients } from './repository/users.js';
import { findOutboxMail, insertOutbox, markMailFailed, markMailSent, markMailStored, selectPendingMail } from './repository/tokens.js';

/** The job that delivers one outbox mail over SMTP. */
export const DELIVER_MAIL = 'accounts.deliver_mail';

export type MailKind = 'verify' | 'existing' | 'reset' | 'password_changed' | 'approved' | 'refused' | 'tokens_revoked' | 'backup_failed';

export interface MailRequest {
  to: string;
  lang: Lang;
  kind: MailKind;
  values: Record<string, string | number>;
}

/** Compose a mail in the recipient's language, put it in the outbox and, with SMTP, queue its delivery. */
export async function queueMail(trx: Kysely<DB>, env: AccountsEnv, m: MailRequest): Promise<string> {
  const t = translator(mailMessages, m.lang);
  const subject = t(`${m.kind}_subject`);
  const body = `${t(`${m.kind}_body`, m.values)}\n\n${t('signature')}\n`;
  const row = await insertOutbox(trx, { to_address: m.to, lang: m.lang, purpose: m.kind, subject, body, status: env.config.smtpUrl ? 'pending' : 'stored' });
  const id = String(row.id);
  if (env.config.smtpUrl) await enqueue(trx, DELIVER_MAIL, { outboxId: id }, { key: id });
  return id;
}

/** Alerts for the administrators of the installation (operations: a failed backup). */
export type AdministratorAlert = 'backup_failed';

/**
 * Mail every active administrator, each in their language, through the outbox (and delivery jobs
 * with SMTP); returns the number of mails queued.
 */
export async function mailAdministrators(db: Kysely<DB>, config: Config, kind: AdministratorAlert, values: (lang: Lang) => Record<string, string | number>): Promise<number> {
  const env = await accountsEnv(db, config);
  const queued = await db.transaction().execute(async (trx) => {
    const admins = await selectAdministratorRecipients(trx);
    for (const a of admins) await queueMail(trx, env, { to: a.email, lang: a.lang, kind, values: { name: a.display_name, ...values(a.lang) } });
    return admins.length;
  });
  if (queued) deliverSoon();
  return queued;
}

/** Deliver the mail just queued by this process now rather than at the next poll (after the commit). */
export function deliverSoon(): void {
  wakeWorkers(DELIVER_MAIL);
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

/**
 * Deliver one outbox mail (the job's handler). A mail already sent is not sent again (a job may run
 * twice); without SMTP_URL (removed since) the mail is kept for the administrator. A refused delivery
 * is recorded on the mail and thrown, for the queue to retry; after the last attempt the mail is failed.
 */
export async function deliverMail(db: Kysely<DB>, env: AccountsEnv, outboxId: string, job: JobInfo, log?: Logger): Promise<void> {
  const m = await findOutboxMail(db, outboxId);
  if (!m || m.status === 'sent' || m.status === 'stored') return;
  const url = env.config.smtpUrl;
  if (!url) {
    await markMailStored(db, outboxId);
    return;
  }
  try {
    await transportFor(url).sendMail({
      from: env.config.mailFrom,
      to: m.to_address,
      subject: m.subject,
      text: m.body ?? '',
      headers: { 'Content-Language': m.lang, 'Auto-Submitted': 'auto-generated' },
    });
  } catch (err) {
    await markMailFailed(db, outboxId, err instanceof Error ? err.message : String(err), job.lastAttempt);
    log?.warn({ err, outbox_id: outboxId, attempt: job.attempt }, 'mail delivery failed');
    throw err;
  }
  await markMailSent(db, outboxId);
}

export const deliverMailJob: JobDefinition<{ outboxId: string }, Runtime> = {
  name: DELIVER_MAIL,
  retryLimit: 6,
  retryDelaySeconds: 60,
  expireInSeconds: 600,
  concurrency: 2,
  async handler(data, job, runtime) {
    await deliverMail(runtime.db, await accountsEnv(runtime.db, runtime.config), data.outboxId, job, runtime.logger);
  },
};

/**
 * Queue the delivery of pending mail that has no job (written before mail moved onto the job queue,
 * or whose job was dropped unrun); idempotent, a job per mail. At every start, with SMTP only.
 */
export async function queuePendingMail(db: Kysely<DB>, env: AccountsEnv): Promise<number> {
  if (!env.config.smtpUrl) return 0;
  let queued = 0;
  for (const m of await selectPendingMail(db, 10_000)) {
    if (await enqueue(db, DELIVER_MAIL, { outboxId: String(m.id) }, { key: String(m.id) })) queued++;
  }
  return queued;
}

/** Close SMTP connections (tests, shutdown). */
export function closeMailTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}
