-- Editorial workflow shared by knowledge entries, laws, taxonomy terms and directory authorities:
-- every change is a revision of one part of a subject (its language-neutral fields, or one
-- language version), moving draft -> in_review -> published -> archived. Revisions are never deleted.

CREATE TABLE revisions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject_type text NOT NULL CHECK (subject_type IN ('entry', 'law', 'taxonomy_term', 'authority')),
  subject_id text NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 200),
  part text NOT NULL DEFAULT '*' CHECK (part = '*' OR part ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
  number integer NOT NULL CHECK (number >= 1),
  state text NOT NULL CHECK (state IN ('draft', 'in_review', 'published', 'archived', 'discarded', 'superseded')),
  document jsonb NOT NULL,
  base_number integer,
  author_id uuid REFERENCES users (id),
  editor_ids uuid[] NOT NULL DEFAULT '{}',
  note text CHECK (length(note) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  decided_at timestamptz,
  decided_by uuid REFERENCES users (id),
  decision_comment text CHECK (length(decision_comment) <= 4000),
  UNIQUE (subject_type, subject_id, part, number)
);
COMMENT ON TABLE revisions IS 'Every version of every editable part of a subject; the published one is what the public sees';
COMMENT ON COLUMN revisions.id IS 'Identifier of the revision';
COMMENT ON COLUMN revisions.subject_type IS 'Kind of subject: entry (knowledge entry), law, taxonomy_term, authority (directory)';
COMMENT ON COLUMN revisions.subject_id IS 'Identifier of the subject (entry id, law id, "taxonomy:code", authority id)';
COMMENT ON COLUMN revisions.part IS '"*" for the language-neutral fields, or the BCP 47 tag of one language version';
COMMENT ON COLUMN revisions.number IS 'Sequence number of the revision within its subject part, from 1';
COMMENT ON COLUMN revisions.state IS 'draft, in_review, published (live), archived (taken off the site), discarded (abandoned draft), superseded (a later revision was published)';
COMMENT ON COLUMN revisions.document IS 'Content of the part in this revision (JSON, the canonical shape of the subject part)';
COMMENT ON COLUMN revisions.base_number IS 'Number of the published revision this one started from (NULL for the first)';
COMMENT ON COLUMN revisions.author_id IS 'Who created the revision';
COMMENT ON COLUMN revisions.editor_ids IS 'Everyone who changed the content of this revision (author included); none of them may review or publish it';
COMMENT ON COLUMN revisions.note IS 'The author''s note on what changed and why';
COMMENT ON COLUMN revisions.created_at IS 'When the revision was created';
COMMENT ON COLUMN revisions.updated_at IS 'When the revision last changed (content or state)';
COMMENT ON COLUMN revisions.submitted_at IS 'When it was last submitted for review';
COMMENT ON COLUMN revisions.decided_at IS 'When it was last published, returned, archived or restored';
COMMENT ON COLUMN revisions.decided_by IS 'Who made that decision';
COMMENT ON COLUMN revisions.decision_comment IS 'Reason given with the decision (required to return or archive)';
CREATE UNIQUE INDEX revisions_one_open_idx ON revisions (subject_type, subject_id, part) WHERE state IN ('draft', 'in_review');
CREATE INDEX revisions_subject_idx ON revisions (subject_type, subject_id, part, number DESC);
CREATE INDEX revisions_open_idx ON revisions (state, subject_type, updated_at) WHERE state IN ('draft', 'in_review');

CREATE TABLE revision_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  revision_id bigint NOT NULL REFERENCES revisions (id),
  event text NOT NULL CHECK (event IN ('create', 'edit', 'submit', 'withdraw', 'return', 'publish', 'archive', 'restore', 'discard', 'supersede')),
  from_state text,
  to_state text NOT NULL,
  actor_id uuid REFERENCES users (id),
  comment text CHECK (length(comment) <= 4000),
  at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE revision_events IS 'Append-only history of what happened to each revision, by whom and when';
COMMENT ON COLUMN revision_events.id IS 'Identifier of the event';
COMMENT ON COLUMN revision_events.revision_id IS 'The revision';
COMMENT ON COLUMN revision_events.event IS 'What happened: create, edit, submit, withdraw, return, publish, archive, restore, discard, supersede';
COMMENT ON COLUMN revision_events.from_state IS 'State before the event';
COMMENT ON COLUMN revision_events.to_state IS 'State after the event';
COMMENT ON COLUMN revision_events.actor_id IS 'Who did it (NULL: the system or the command line)';
COMMENT ON COLUMN revision_events.comment IS 'Comment given with the event';
COMMENT ON COLUMN revision_events.at IS 'When it happened';
CREATE INDEX revision_events_revision_idx ON revision_events (revision_id, id);

-- History is kept: revisions are never deleted, a decided revision's content never changes, and
-- revision events are never changed or deleted.
CREATE FUNCTION revisions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'revisions are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.document IS DISTINCT FROM OLD.document AND OLD.state <> 'draft' THEN
    RAISE EXCEPTION 'only a draft revision can change its content' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.subject_type <> OLD.subject_type OR NEW.subject_id <> OLD.subject_id OR NEW.part <> OLD.part OR NEW.number <> OLD.number THEN
    RAISE EXCEPTION 'a revision cannot move to another subject' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER revisions_guard BEFORE UPDATE OR DELETE ON revisions FOR EACH ROW EXECUTE FUNCTION revisions_guard();

CREATE FUNCTION revision_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'revision history is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER revision_events_append_only BEFORE UPDATE OR DELETE ON revision_events FOR EACH ROW EXECUTE FUNCTION revision_events_append_only();
COMMENT ON FUNCTION revisions_guard() IS 'Keeps revision history intact: no deletes, no content change after a revision leaves draft';
COMMENT ON FUNCTION revision_events_append_only() IS 'Refuses UPDATE and DELETE on revision_events';
