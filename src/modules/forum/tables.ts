import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../platform/db/types.js';

export type SpaceKind = 'topic' | 'private';

export interface ForumSpacesTable {
  id: Generated<string>;
  kind: SpaceKind;
  title: string;
  description: Generated<string>;
  created_by: string | null;
  created_for_authority: string | null;
  created_at: Timestamp;
}

export interface ForumSpaceMembersTable {
  space_id: string;
  authority_id: string;
  added_at: Timestamp;
}

export interface ForumThreadsTable {
  id: Generated<string>;
  space_id: string;
  title: string;
  created_by: string | null;
  created_at: Timestamp;
  last_post_at: Timestamp;
}

export interface ForumPostsTable {
  id: Generated<string>;
  thread_id: string;
  body: string;
  author_id: string | null;
  author_name: string;
  acting_authority_id: string | null;
  created_at: Timestamp;
  edited_at: NullableTimestamp;
  hidden_at: NullableTimestamp;
  hidden_by: string | null;
  hidden_reason: string | null;
}

export interface ForumPostEditsTable {
  id: Generated<string>;
  post_id: string;
  previous_body: string;
  edited_by: string | null;
  edited_at: Timestamp;
}

export interface ForumThreadReadsTable {
  user_id: string;
  thread_id: string;
  read_until: Date | string;
}

export interface ForumAttachmentsTable {
  id: Generated<string>;
  post_id: string;
  filename: string;
  media_type: string;
  byte_size: number;
  sha256: string;
  content: Buffer;
  created_at: Timestamp;
}

export interface ForumMailOptOutsTable {
  user_id: string;
  created_at: Timestamp;
}

export interface ForumTables {
  forum_spaces: ForumSpacesTable;
  forum_space_members: ForumSpaceMembersTable;
  forum_threads: ForumThreadsTable;
  forum_posts: ForumPostsTable;
  forum_attachments: ForumAttachmentsTable;
  forum_mail_opt_outs: ForumMailOptOutsTable;
  forum_post_edits: ForumPostEditsTable;
  forum_thread_reads: ForumThreadReadsTable;
}
