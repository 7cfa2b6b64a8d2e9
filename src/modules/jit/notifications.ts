/**
 * Workspace mail (docs/JIT.md): when a member shares a document (or a new version) or adds a task,
 * every officer and supervisor of the member authorities except the author and those who turned
 * workspace mail off gets an e-mail, queued in the accounts outbox (delivered by the job queue) in the
 * transaction of the change. The mail names no team, document or task (the workspace is
 * confidential): a link to the workspace only.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import { translator } from '../../platform/i18n/messages.js';
import { queueMailToMembers } from '../accounts/index.js';
import { jitMessages } from './jit.messages.js';
import { selectOptedOut } from './repository.js';

export type WorkspaceEvent = 'document' | 'task';

/** Queue the mails of a change in the workspace; returns how many were queued. */
export function notifyMembers(trx: Kysely<DB>, config: Config, e: { teamId: string; members: readonly string[]; authorId: string | null; event: WorkspaceEvent }): Promise<number> {
  return queueMailToMembers(trx, config, {
    authorities: e.members,
    authorId: e.authorId,
    optedOut: (userIds) => selectOptedOut(trx, userIds),
    purpose: `jit.${e.event}`,
    compose: (lang, name) => {
      const t = translator(jitMessages, lang);
      const link = `${config.publicUrl.replace(/\/$/, '')}/${lang}/jit/${e.teamId}`;
      return { subject: t('mail_subject'), body: `${t(e.event === 'document' ? 'mail_body_document' : 'mail_body_task', { name, link })}\n\n${t('mail_signature')}\n` };
    },
  });
}
