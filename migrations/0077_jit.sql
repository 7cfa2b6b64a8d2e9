-- Joint investigation teams (UNTOC art. 19; docs/JIT.md): a workspace per team shared by its member
-- authorities from several States: the agreement and its extensions, tasks, shared documents and an
-- append-only evidence log of who uploaded, viewed or downloaded each document. After the team's end
-- date the workspace is read-only (enforced by the jit services). Only members see anything.

CREATE TABLE jit_teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  purpose text NOT NULL DEFAULT '' CHECK (length(purpose) <= 4000),
  lead_authority_id text NOT NULL CHECK (length(lead_authority_id) BETWEEN 1 AND 120),
  starts_on date NOT NULL,
  ends_on date NOT NULL CHECK (ends_on >= starts_on),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE jit_teams IS 'Joint investigation teams (UNTOC art. 19): one shared workspace each';
COMMENT ON COLUMN jit_teams.id IS 'Identifier of the team, part of its URL';
COMMENT ON COLUMN jit_teams.title IS 'Name of the team as its members call it';
COMMENT ON COLUMN jit_teams.purpose IS 'Purpose of the team as set out in the agreement (may be empty)';
COMMENT ON COLUMN jit_teams.lead_authority_id IS 'The authority that opened the workspace (directory identifier); also a member';
COMMENT ON COLUMN jit_teams.starts_on IS 'First day of the team''s operation under its agreement';
COMMENT ON COLUMN jit_teams.ends_on IS 'Last day of operation (the latest end date of the agreement and its extensions); from the next day the workspace is read-only';
COMMENT ON COLUMN jit_teams.created_by IS 'User who opened the workspace';
COMMENT ON COLUMN jit_teams.created_at IS 'When the workspace was opened';
COMMENT ON COLUMN jit_teams.updated_at IS 'When the team''s own fields last changed (an extension)';

CREATE TABLE jit_members (
  team_id uuid NOT NULL REFERENCES jit_teams (id),
  authority_id text NOT NULL CHECK (length(authority_id) BETWEEN 1 AND 120),
  country text NOT NULL REFERENCES countries (iso3),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  added_by uuid,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, authority_id)
);
COMMENT ON TABLE jit_members IS 'Member authorities of a team: their officers and supervisors see the workspace';
COMMENT ON COLUMN jit_members.team_id IS 'The team';
COMMENT ON COLUMN jit_members.authority_id IS 'Member authority (directory identifier, as in user roles)';
COMMENT ON COLUMN jit_members.country IS 'State of the member authority (ISO alpha-3, a State of the UN lists)';
COMMENT ON COLUMN jit_members.name IS 'Name of the member authority shown in the workspace';
COMMENT ON COLUMN jit_members.added_by IS 'User who added the member';
COMMENT ON COLUMN jit_members.added_at IS 'When the member was added';
CREATE INDEX jit_members_authority_idx ON jit_members (authority_id);
COMMENT ON INDEX jit_members_authority_idx IS 'Teams of an authority';

CREATE TABLE jit_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  team_id uuid NOT NULL REFERENCES jit_teams (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  byte_size bigint NOT NULL CHECK (byte_size > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  uploaded_by uuid,
  uploaded_by_name text CHECK (length(uploaded_by_name) <= 300),
  authority_id text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE jit_documents IS 'Documents shared in a team''s workspace; never changed or deleted (the evidence log refers to them)';
COMMENT ON COLUMN jit_documents.id IS 'Identifier of the document';
COMMENT ON COLUMN jit_documents.team_id IS 'The team';
COMMENT ON COLUMN jit_documents.title IS 'Title shown in the workspace';
COMMENT ON COLUMN jit_documents.filename IS 'File name offered for download (made safe)';
COMMENT ON COLUMN jit_documents.byte_size IS 'Size in bytes';
COMMENT ON COLUMN jit_documents.sha256 IS 'SHA-256 of the content, hex (also in each evidence log entry)';
COMMENT ON COLUMN jit_documents.content IS 'The bytes (at most 20 MB, jit/documents-service.ts: held in the database so that a backup is a backup of the evidence)';
COMMENT ON COLUMN jit_documents.uploaded_by IS 'User who uploaded it';
COMMENT ON COLUMN jit_documents.uploaded_by_name IS 'Name of that user at the time';
COMMENT ON COLUMN jit_documents.authority_id IS 'Member authority the uploader acted for';
COMMENT ON COLUMN jit_documents.uploaded_at IS 'When it was uploaded';
CREATE INDEX jit_documents_team_idx ON jit_documents (team_id, uploaded_at);
COMMENT ON INDEX jit_documents_team_idx IS 'Documents of a team in upload order';

CREATE TABLE jit_agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  team_id uuid NOT NULL REFERENCES jit_teams (id),
  kind text NOT NULL CHECK (kind IN ('agreement', 'extension')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  signed_on date NOT NULL,
  ends_on date NOT NULL,
  document_id uuid REFERENCES jit_documents (id),
  recorded_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE jit_agreements IS 'The agreement setting up a team and its extensions, each with its dates and, when shared, its signed document';
COMMENT ON COLUMN jit_agreements.id IS 'Identifier';
COMMENT ON COLUMN jit_agreements.team_id IS 'The team';
COMMENT ON COLUMN jit_agreements.kind IS 'agreement (the founding agreement, once) or extension';
COMMENT ON COLUMN jit_agreements.title IS 'Title of the instrument';
COMMENT ON COLUMN jit_agreements.signed_on IS 'Date of signature (the last signature)';
COMMENT ON COLUMN jit_agreements.ends_on IS 'End date of the team under this instrument';
COMMENT ON COLUMN jit_agreements.document_id IS 'The signed text among the team''s documents, if shared';
COMMENT ON COLUMN jit_agreements.recorded_by IS 'User who recorded it';
COMMENT ON COLUMN jit_agreements.recorded_at IS 'When it was recorded';
CREATE INDEX jit_agreements_team_idx ON jit_agreements (team_id, signed_on);
COMMENT ON INDEX jit_agreements_team_idx IS 'Agreement and extensions of a team in date order';
CREATE UNIQUE INDEX jit_agreements_one_agreement ON jit_agreements (team_id) WHERE kind = 'agreement';
COMMENT ON INDEX jit_agreements_one_agreement IS 'One founding agreement per team';

CREATE TABLE jit_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  team_id uuid NOT NULL REFERENCES jit_teams (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  assignee_authority_id text NOT NULL,
  due_on date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (team_id, assignee_authority_id) REFERENCES jit_members (team_id, authority_id)
);
COMMENT ON TABLE jit_tasks IS 'Tasks of a team, each assigned to a member authority';
COMMENT ON COLUMN jit_tasks.id IS 'Identifier';
COMMENT ON COLUMN jit_tasks.team_id IS 'The team';
COMMENT ON COLUMN jit_tasks.title IS 'What is to be done';
COMMENT ON COLUMN jit_tasks.assignee_authority_id IS 'Member authority responsible';
COMMENT ON COLUMN jit_tasks.due_on IS 'Due date (optional)';
COMMENT ON COLUMN jit_tasks.status IS 'open, in_progress, done, cancelled (jit/domain/tasks.ts transition table)';
COMMENT ON COLUMN jit_tasks.created_by IS 'User who created it';
COMMENT ON COLUMN jit_tasks.created_at IS 'When it was created';
COMMENT ON COLUMN jit_tasks.updated_at IS 'When its status last changed';
CREATE INDEX jit_tasks_team_idx ON jit_tasks (team_id, status);
COMMENT ON INDEX jit_tasks_team_idx IS 'Tasks of a team';

CREATE TABLE jit_evidence_log (
  id bigserial PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES jit_teams (id),
  document_id uuid NOT NULL REFERENCES jit_documents (id),
  action text NOT NULL CHECK (action IN ('upload', 'view', 'download')),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  user_id uuid,
  user_name text CHECK (length(user_name) <= 300),
  authority_id text,
  at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE jit_evidence_log IS 'Evidence log of a team''s documents: who uploaded, viewed or downloaded each one, when, with its SHA-256; append-only';
COMMENT ON COLUMN jit_evidence_log.id IS 'Order of the log';
COMMENT ON COLUMN jit_evidence_log.team_id IS 'The team';
COMMENT ON COLUMN jit_evidence_log.document_id IS 'The document';
COMMENT ON COLUMN jit_evidence_log.action IS 'upload, view (its details page or API read), download (its content)';
COMMENT ON COLUMN jit_evidence_log.sha256 IS 'SHA-256 of the document''s content at the time';
COMMENT ON COLUMN jit_evidence_log.user_id IS 'Who';
COMMENT ON COLUMN jit_evidence_log.user_name IS 'Name of the user at the time';
COMMENT ON COLUMN jit_evidence_log.authority_id IS 'Member authority the user acted for';
COMMENT ON COLUMN jit_evidence_log.at IS 'When';
CREATE INDEX jit_evidence_log_team_idx ON jit_evidence_log (team_id, id);
COMMENT ON INDEX jit_evidence_log_team_idx IS 'Evidence log of a team in order';

CREATE FUNCTION jit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
COMMENT ON FUNCTION jit_append_only() IS 'Refuses UPDATE and DELETE on the evidence log and the shared documents of joint investigation teams';
CREATE TRIGGER jit_evidence_log_no_change BEFORE UPDATE OR DELETE ON jit_evidence_log FOR EACH ROW EXECUTE FUNCTION jit_append_only();
CREATE TRIGGER jit_documents_no_change BEFORE UPDATE OR DELETE ON jit_documents FOR EACH ROW EXECUTE FUNCTION jit_append_only();
