-- Joint investigation team workspaces linked to casework cases, and corrections of network case log
-- entries with their history (docs/JIT.md, docs/NETWORKS.md).

-- 1. A member authority links its own casework cases that relate to the team (the outgoing JIT
-- request, MLA requests executed within the team). Only the case's identifier and its owning
-- authority are kept here: what the case says stays in casework, behind its row-level security.
CREATE TABLE jit_case_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  team_id uuid NOT NULL REFERENCES jit_teams (id),
  case_id uuid NOT NULL,
  authority_id text NOT NULL CHECK (length(authority_id) BETWEEN 1 AND 120),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 300),
  linked_by uuid,
  linked_by_name text,
  linked_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (team_id, authority_id) REFERENCES jit_members (team_id, authority_id),
  UNIQUE (team_id, case_id)
);
COMMENT ON TABLE jit_case_links IS 'Casework cases linked to a joint investigation team by the member authority that owns them (no case data: the case stays in casework)';
COMMENT ON COLUMN jit_case_links.id IS 'Identifier of the link';
COMMENT ON COLUMN jit_case_links.team_id IS 'The team';
COMMENT ON COLUMN jit_case_links.case_id IS 'The casework case (casework_cases.id), owned by authority_id';
COMMENT ON COLUMN jit_case_links.authority_id IS 'Member authority that owns the case and linked it; other members see only "a case of" this authority unless casework lets them see the case';
COMMENT ON COLUMN jit_case_links.note IS 'How the case relates to the team (e.g. the JIT request), as written by the linking authority';
COMMENT ON COLUMN jit_case_links.linked_by IS 'User who linked it';
COMMENT ON COLUMN jit_case_links.linked_by_name IS 'Name of that user at the time';
COMMENT ON COLUMN jit_case_links.linked_at IS 'When it was linked';
CREATE INDEX jit_case_links_case_idx ON jit_case_links (case_id);
COMMENT ON INDEX jit_case_links_case_idx IS 'The workspaces a case is linked to (its casework page)';

-- 2. Corrections of a network case log entry by the network's secretariat: the entry holds the
-- corrected values (the figures count them); each correction is kept, append-only and hash-chained
-- per entry, with who, when, what changed (from, to) and why.
CREATE TABLE network_case_corrections (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES network_cases (id),
  seq integer NOT NULL CHECK (seq >= 1),
  changes jsonb NOT NULL CHECK (jsonb_typeof(changes) = 'object' AND changes <> '{}'::jsonb),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  corrected_by uuid,
  corrected_by_name text,
  corrected_at timestamptz NOT NULL DEFAULT now(),
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  UNIQUE (case_id, seq)
);
COMMENT ON TABLE network_case_corrections IS 'History of corrections of network case log entries (append-only, hash-chained per entry)';
COMMENT ON COLUMN network_case_corrections.id IS 'Identifier, in order of recording';
COMMENT ON COLUMN network_case_corrections.case_id IS 'The corrected entry';
COMMENT ON COLUMN network_case_corrections.seq IS '1 for the first correction of the entry, then 2, 3…';
COMMENT ON COLUMN network_case_corrections.changes IS 'What changed: {field: {from, to}} for each corrected field';
COMMENT ON COLUMN network_case_corrections.reason IS 'Why, as written by the secretariat';
COMMENT ON COLUMN network_case_corrections.corrected_by IS 'Secretariat user who corrected it';
COMMENT ON COLUMN network_case_corrections.corrected_by_name IS 'Name of that user at the time';
COMMENT ON COLUMN network_case_corrections.corrected_at IS 'When';
COMMENT ON COLUMN network_case_corrections.prev_hash IS 'hash of the previous correction of the entry (64 zeros for the first)';
COMMENT ON COLUMN network_case_corrections.hash IS 'SHA-256 (hex) of prev_hash and the canonical JSON of case_id, seq, changes, reason, corrected_by and corrected_at';

CREATE FUNCTION network_corrections_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
COMMENT ON FUNCTION network_corrections_append_only() IS 'Refuses UPDATE and DELETE on the history of network case corrections';
CREATE TRIGGER network_case_corrections_no_change BEFORE UPDATE OR DELETE ON network_case_corrections FOR EACH ROW EXECUTE FUNCTION network_corrections_append_only();

-- 3. Networks administered from the pages (/{lang}/networks/admin): names in the six languages,
-- member States, the authority that holds the secretariat. Who holds the network_secretariat role
-- stays in user_roles (accounts), granted and revoked from the same pages.
ALTER TABLE networks
  ADD COLUMN names jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(names) = 'object'),
  ADD COLUMN secretariat_authority_id text CHECK (length(secretariat_authority_id) BETWEEN 1 AND 120);
COMMENT ON COLUMN networks.names IS 'Full name per UN language {ar, zh, en, fr, es, ru} (name keeps the English one)';
COMMENT ON COLUMN networks.secretariat_authority_id IS 'Directory identifier of the authority holding the secretariat (NULL when not recorded)';
UPDATE networks SET names = jsonb_build_object('en', name);

CREATE TABLE network_members (
  network_id text NOT NULL REFERENCES networks (id),
  country text NOT NULL REFERENCES countries (iso3),
  PRIMARY KEY (network_id, country)
);
COMMENT ON TABLE network_members IS 'Member States of a judicial cooperation network';
COMMENT ON COLUMN network_members.network_id IS 'The network';
COMMENT ON COLUMN network_members.country IS 'A member State (ISO alpha-3, a State of the UN lists)';
