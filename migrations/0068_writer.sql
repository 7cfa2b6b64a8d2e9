-- The request writer (docs/WRITER.md): the answers of a draft, kept beside the casework outgoing
-- request it is (one row per case, saved at each step). The case itself (state, approval, sending,
-- documents) stays in casework's tables.

CREATE TABLE writer_drafts (
  case_id uuid PRIMARY KEY,
  authority_id text NOT NULL CHECK (length(authority_id) BETWEEN 1 AND 120),
  kind text NOT NULL CHECK (kind IN ('mla', 'preservation', 'subscriber_information', 'traffic_data', 'content_data', 'realtime_collection', 'extradition', 'transfer_sentenced', 'transfer_proceedings', 'confiscation', 'jit_agreement', 'spontaneous_information', 'voluntary_disclosure', 'emergency_disclosure', 'stored_data_mla')),
  requested_country char(3) NOT NULL CHECK (requested_country ~ '^[A-Z]{3}$'),
  answers jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(answers) = 'object'),
  saved_steps text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE writer_drafts IS 'Request writer: the answers of a draft request, one row per casework outgoing case (casework_cases.id), saved at each step';
COMMENT ON COLUMN writer_drafts.case_id IS 'The casework outgoing case the draft is (casework_cases.id; the case is reached through casework''s services)';
COMMENT ON COLUMN writer_drafts.authority_id IS 'The requesting authority (the case''s authority), for listing a user''s drafts without reading casework tables';
COMMENT ON COLUMN writer_drafts.kind IS 'Kind of request in the writer''s vocabulary (writer/domain/kinds.ts), finer than the case kind';
COMMENT ON COLUMN writer_drafts.requested_country IS 'The requested State, ISO 3166-1 alpha-3';
COMMENT ON COLUMN writer_drafts.answers IS 'Question id -> answer text (or list of chosen ids), as the drafter gave them';
COMMENT ON COLUMN writer_drafts.saved_steps IS 'Steps the drafter has saved at least once';
COMMENT ON COLUMN writer_drafts.version IS 'Incremented at each save; a save based on an older version is refused (two tabs)';
COMMENT ON COLUMN writer_drafts.created_by IS 'User who started the draft (accounts users.id)';
COMMENT ON COLUMN writer_drafts.created_at IS 'When the draft was started';
COMMENT ON COLUMN writer_drafts.updated_at IS 'Last save';
CREATE INDEX writer_drafts_authority ON writer_drafts (authority_id, updated_at DESC);
COMMENT ON INDEX writer_drafts_authority IS 'The drafts of an authority, latest first';
