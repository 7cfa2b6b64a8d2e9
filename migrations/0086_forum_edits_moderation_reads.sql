-- The forum's later parts (docs/FORUM.md): editing one's own post with its history kept, hiding a
-- post by a moderator with a reason, unread markers per member and thread, and full-text search of
-- posts (only within the spaces the reader may see: the services decide which).

ALTER TABLE forum_posts
  ADD COLUMN edited_at timestamptz,
  ADD COLUMN hidden_at timestamptz,
  ADD COLUMN hidden_by uuid,
  ADD COLUMN hidden_reason text CHECK (length(hidden_reason) BETWEEN 1 AND 1000),
  ADD CONSTRAINT forum_posts_hidden_whole CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL));
COMMENT ON COLUMN forum_posts.edited_at IS 'When its author last edited the post (null: never edited); earlier texts are in forum_post_edits';
COMMENT ON COLUMN forum_posts.hidden_at IS 'When a moderator hid the post (null: shown); members then see that it is hidden and why, not its text';
COMMENT ON COLUMN forum_posts.hidden_by IS 'The moderator who hid the post';
COMMENT ON COLUMN forum_posts.hidden_reason IS 'Why the post was hidden, shown to the members';

CREATE TABLE forum_post_edits (
  id bigserial PRIMARY KEY,
  post_id uuid NOT NULL REFERENCES forum_posts (id) ON DELETE CASCADE,
  previous_body text NOT NULL CHECK (length(previous_body) BETWEEN 1 AND 20000),
  edited_by uuid,
  edited_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE forum_post_edits IS 'History of edited posts: the text each edit replaced, oldest first';
COMMENT ON COLUMN forum_post_edits.id IS 'Order of the edits';
COMMENT ON COLUMN forum_post_edits.post_id IS 'The edited post';
COMMENT ON COLUMN forum_post_edits.previous_body IS 'The text of the post before this edit';
COMMENT ON COLUMN forum_post_edits.edited_by IS 'Who edited it (its author)';
COMMENT ON COLUMN forum_post_edits.edited_at IS 'When';
CREATE INDEX forum_post_edits_post ON forum_post_edits (post_id, id);
COMMENT ON INDEX forum_post_edits_post IS 'The history of a post in order';

CREATE TABLE forum_thread_reads (
  user_id uuid NOT NULL,
  thread_id uuid NOT NULL REFERENCES forum_threads (id) ON DELETE CASCADE,
  read_until timestamptz NOT NULL,
  PRIMARY KEY (user_id, thread_id)
);
COMMENT ON TABLE forum_thread_reads IS 'Unread markers: up to which post (its time) each user has read each thread';
COMMENT ON COLUMN forum_thread_reads.user_id IS 'The reader';
COMMENT ON COLUMN forum_thread_reads.thread_id IS 'The thread';
COMMENT ON COLUMN forum_thread_reads.read_until IS 'Creation time of the newest post the reader has seen; later posts by others are new';

CREATE INDEX forum_posts_text ON forum_posts USING gin (to_tsvector('simple', body));
COMMENT ON INDEX forum_posts_text IS 'Full-text search of posts (simple configuration: every language, no stemming)';
