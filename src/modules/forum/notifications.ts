/**
 * Forum mail: when someone posts in a private space, every user acting for a member authority
 * (officers and supervisors) except the author and those who turned forum mail off gets an e-mail,
 * queued in the accounts outbox in the posting transaction. The mail names no title and quotes no
 * text (the space is confidential): a link to the thread only. Topic spaces send no mail.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import { translator } from '../../platform/i18n/messages.js';
import { queueMailToMembers } from '../accounts/index.js';
import { forumMessages } from './forum.messages.js';
import { selectOptedOut } from './repository.js';
import type { SpaceKind } from './tables.js';

export interface PostEvent {
  kind: SpaceKind;
  members: readonly string[];
  authorId: string | null;
  threadId: string;
  event: 'thread' | 'reply';
}

/** Queue the mails of a new post; returns how many were queued. */
export async function notifyMembers(trx: Kysely<DB>, config: Config, e: PostEvent): Promise<number> {
  if (e.kind !== 'private') return 0;
  return queueMailToMembers(trx, config, {
    authorities: e.members,
    authorId: e.authorId,
    optedOut: (userIds) => selectOptedOut(trx, userIds),
    purpose: `forum.${e.event}`,
    compose: (lang, name) => {
      const t = translator(forumMessages, lang);
      const link = `${config.publicUrl.replace(/\/$/, '')}/${lang}/forum/threads/${e.threadId}`;
      return { subject: t('mail_subject'), body: `${t('mail_body', { name, link })}\n\n${t('mail_signature')}\n` };
    },
  });
}
