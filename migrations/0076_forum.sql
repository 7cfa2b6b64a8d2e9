-- The secure forum of authorities (docs/FORUM.md): spaces (topic spaces open to every signed-in
-- practitioner, private spaces between named authorities), threads, posts, attachments, and the
-- users who asked for no forum mail. Reads of private spaces are recorded in audit_events.
CREATE TABLE forum_spaces (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('topic', 'private')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  created_by uuid,
  created_for_authority text CHECK (length(created_for_authority) <= 200),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE forum_spaces IS 'Discussion spaces of the forum: topic spaces (every signed-in practitioner) and private spaces (member authorities only)';
COMMENT ON COLUMN forum_spaces.id IS 'Identifier of the space';
COMMENT ON COLUMN forum_spaces.kind IS 'topic: open to every signed-in practitioner; private: only users acting for a member authority';
COMMENT ON COLUMN forum_spaces.title IS 'Title of the space (never shown to non-members of a private space)';
COMMENT ON COLUMN forum_spaces.description IS 'What the space is for (plain text)';
COMMENT ON COLUMN forum_spaces.created_by IS 'User who created the space';
COMMENT ON COLUMN forum_spaces.created_for_authority IS 'Directory id of the authority that opened a private space; null for topic spaces';
COMMENT ON COLUMN forum_spaces.created_at IS 'When the space was created';

CREATE TABLE forum_space_members (
  space_id uuid NOT NULL REFERENCES forum_spaces (id) ON DELETE CASCADE,
  authority_id text NOT NULL CHECK (length(authority_id) BETWEEN 1 AND 200),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (space_id, authority_id)
);
CREATE INDEX forum_space_members_authority ON forum_space_members (authority_id);
COMMENT ON TABLE forum_space_members IS 'Member authorities of a private space: the users acting for them (officers, supervisors) read and post';
COMMENT ON COLUMN forum_space_members.space_id IS 'The private space';
COMMENT ON COLUMN forum_space_members.authority_id IS 'Directory id of a member authority';
COMMENT ON COLUMN forum_space_members.added_at IS 'When the authority became a member';

CREATE TABLE forum_threads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  space_id uuid NOT NULL REFERENCES forum_spaces (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_post_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX forum_threads_space ON forum_threads (space_id, last_post_at DESC);
COMMENT ON TABLE forum_threads IS 'Threads of a forum space';
COMMENT ON COLUMN forum_threads.id IS 'Identifier of the thread';
COMMENT ON COLUMN forum_threads.space_id IS 'The space the thread belongs to';
COMMENT ON COLUMN forum_threads.title IS 'Subject of the thread';
COMMENT ON COLUMN forum_threads.created_by IS 'User who opened the thread';
COMMENT ON COLUMN forum_threads.created_at IS 'When the thread was opened';
COMMENT ON COLUMN forum_threads.last_post_at IS 'Time of the latest post (threads are listed by it)';

CREATE TABLE forum_posts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  thread_id uuid NOT NULL REFERENCES forum_threads (id) ON DELETE CASCADE,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  author_id uuid,
  author_name text NOT NULL CHECK (length(author_name) <= 300),
  acting_authority_id text CHECK (length(acting_authority_id) <= 200),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX forum_posts_thread ON forum_posts (thread_id, created_at);
COMMENT ON TABLE forum_posts IS 'Posts of a thread (plain text, escaped when shown)';
COMMENT ON COLUMN forum_posts.id IS 'Identifier of the post';
COMMENT ON COLUMN forum_posts.thread_id IS 'The thread';
COMMENT ON COLUMN forum_posts.body IS 'Text of the post, plain text';
COMMENT ON COLUMN forum_posts.author_id IS 'User who wrote the post';
COMMENT ON COLUMN forum_posts.author_name IS 'Display name of the author when the post was written';
COMMENT ON COLUMN forum_posts.acting_authority_id IS 'Member authority the author acted for (private spaces); null in topic spaces';
COMMENT ON COLUMN forum_posts.created_at IS 'When the post was written';

CREATE TABLE forum_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  post_id uuid NOT NULL REFERENCES forum_posts (id) ON DELETE CASCADE,
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  media_type text NOT NULL CHECK (length(media_type) <= 200),
  byte_size integer NOT NULL CHECK (byte_size > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX forum_attachments_post ON forum_attachments (post_id);
COMMENT ON TABLE forum_attachments IS 'Files attached to posts (type found from the content, size limited by FORUM_MAX_UPLOAD_MB)';
COMMENT ON COLUMN forum_attachments.id IS 'Identifier of the attachment';
COMMENT ON COLUMN forum_attachments.post_id IS 'The post the file is attached to';
COMMENT ON COLUMN forum_attachments.filename IS 'Name offered for download (made safe)';
COMMENT ON COLUMN forum_attachments.media_type IS 'Type found from the content';
COMMENT ON COLUMN forum_attachments.byte_size IS 'Size in bytes';
COMMENT ON COLUMN forum_attachments.sha256 IS 'SHA-256 of the content, hex';
COMMENT ON COLUMN forum_attachments.content IS 'The file';
COMMENT ON COLUMN forum_attachments.created_at IS 'When the file was attached';

CREATE TABLE forum_mail_opt_outs (
  user_id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE forum_mail_opt_outs IS 'Users who asked for no forum mail (they still see new posts in the forum)';
COMMENT ON COLUMN forum_mail_opt_outs.user_id IS 'The user';
COMMENT ON COLUMN forum_mail_opt_outs.created_at IS 'When they opted out';
