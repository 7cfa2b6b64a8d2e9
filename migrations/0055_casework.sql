-- Casework: the requests a central authority sends and receives, tracked until executed (issue 10).
-- Every case belongs to one authority of the directory (authority_id). Row-level security on every
-- case table: the application runs its casework statements as the role palermo_casework with the
-- acting authorities in the setting palermo.casework_authorities (repository/scope.ts), so a statement
-- that forgot its permission check still sees only those authorities' cases and what was forwarded to
-- them. The database owner (migrations, backups) is not subject to these policies.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'palermo_casework') THEN
    CREATE ROLE palermo_casework NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database of the same server created it at the same moment
END $$;
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'palermo_casework', 'MEMBER') THEN
    EXECUTE format('GRANT palermo_casework TO %I', current_user);
  END IF;
END $$;

CREATE FUNCTION casework_scope() RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT string_to_array(NULLIF(current_setting('palermo.casework_authorities', true), ''), ',')
$$;
COMMENT ON FUNCTION casework_scope() IS 'The authorities (directory ids) the current transaction acts for in casework, from the setting palermo.casework_authorities (comma-separated, set per transaction); NULL (nothing visible) when unset';

CREATE TABLE casework_settings (
  authority_id text PRIMARY KEY,
  country text NOT NULL CHECK (country ~ '^[A-Z]{3}$'),
  incoming_pattern text NOT NULL DEFAULT 'MLI/{YYYY}/{NNNNN}' CHECK (length(incoming_pattern) BETWEEN 3 AND 60),
  outgoing_pattern text NOT NULL DEFAULT 'MLO/{YYYY}/{NNNNN}' CHECK (length(outgoing_pattern) BETWEEN 3 AND 60),
  holidays date[] NOT NULL DEFAULT '{}',
  working_days smallint[] NOT NULL DEFAULT '{1,2,3,4,5}',
  publish_statistics boolean NOT NULL DEFAULT false,
  chase_after_days integer NOT NULL DEFAULT 30 CHECK (chase_after_days BETWEEN 1 AND 365),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE casework_settings IS 'Casework settings of one authority (central or executing), set by its supervisor';
COMMENT ON COLUMN casework_settings.authority_id IS 'Directory identifier of the authority';
COMMENT ON COLUMN casework_settings.country IS 'ISO 3166-1 alpha-3 code of the authority''s State (statistics across a State''s authorities)';
COMMENT ON COLUMN casework_settings.incoming_pattern IS 'Pattern of our reference for incoming requests: {YYYY} year, {NNNNN} the number padded to as many digits as N';
COMMENT ON COLUMN casework_settings.outgoing_pattern IS 'Pattern of our reference for outgoing requests (as incoming_pattern)';
COMMENT ON COLUMN casework_settings.holidays IS 'Public holidays of the authority: not counted as working days in deadlines';
COMMENT ON COLUMN casework_settings.working_days IS 'ISO weekdays (1 Monday .. 7 Sunday) that are working days';
COMMENT ON COLUMN casework_settings.publish_statistics IS 'Whether the authority publishes its aggregate figures (never case data) on the public portal';
COMMENT ON COLUMN casework_settings.chase_after_days IS 'Days without news from an executing authority after which the officer is prompted to chase';
COMMENT ON COLUMN casework_settings.updated_at IS 'When the settings last changed';

CREATE TABLE case_reference_counters (
  authority_id text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2999),
  last_number integer NOT NULL CHECK (last_number >= 0),
  PRIMARY KEY (authority_id, direction, year)
);
COMMENT ON TABLE case_reference_counters IS 'Last number given per authority, direction and year: taken with a row lock in the transaction that registers the case, so numbers are unique and gap-free under concurrency (a rolled-back registration gives its number back)';
COMMENT ON COLUMN case_reference_counters.authority_id IS 'Directory identifier of the authority whose references these are';
COMMENT ON COLUMN case_reference_counters.direction IS 'incoming or outgoing: each has its own sequence';
COMMENT ON COLUMN case_reference_counters.year IS 'Calendar year of the numbering';
COMMENT ON COLUMN case_reference_counters.last_number IS 'The last number given (the next is last_number + 1)';

CREATE TABLE casework_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id text NOT NULL,
  country text NOT NULL CHECK (country ~ '^[A-Z]{3}$'),
  direction text NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
  kind text NOT NULL CHECK (kind IN ('mla', 'extradition', 'provisional_arrest', 'transfer_sentenced', 'transfer_proceedings', 'confiscation', 'joint_investigation', 'videoconference', 'service_documents', 'spontaneous_information', 'other')),
  state text NOT NULL CHECK (state IN ('received', 'formal_check', 'returned_for_completion', 'registered', 'assessment', 'consultation', 'additional_info_requested', 'postponed', 'forwarded', 'results_review', 'results_sent', 'refused', 'withdrawn', 'lapsed', 'closed', 'draft', 'awaiting_approval', 'approved', 'sent', 'acknowledged', 'in_execution', 'partly_executed', 'executed')),
  state_since timestamptz NOT NULL DEFAULT now(),
  reference text CHECK (length(reference) BETWEEN 1 AND 80),
  partner_country text NOT NULL CHECK (partner_country ~ '^[A-Z]{3}$'),
  partner_authority_id text,
  partner_authority_name text CHECK (length(partner_authority_name) <= 300),
  partner_reference text CHECK (length(partner_reference) <= 120),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 20000),
  measures text[] NOT NULL DEFAULT '{}',
  crime_types text[] NOT NULL DEFAULT '{}',
  offence_text text NOT NULL DEFAULT '' CHECK (length(offence_text) <= 2000),
  proceeding_authority text CHECK (length(proceeding_authority) <= 300),
  proceeding_number text CHECK (length(proceeding_number) <= 120),
  urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent', 'very_urgent')),
  urgency_reason text CHECK (length(urgency_reason) <= 2000),
  confidential boolean NOT NULL DEFAULT false,
  partner_deadline date,
  languages text[] NOT NULL DEFAULT '{}',
  translation_required boolean NOT NULL DEFAULT false,
  channel text CHECK (channel IN ('central_authorities', 'diplomatic', 'interpol', 'direct_judicial', 'electronic', 'other')),
  received_on date,
  sent_on date,
  executed_on date,
  closed_on date,
  outcome text CHECK (outcome IN ('executed', 'partly_executed', 'refused', 'withdrawn', 'lapsed', 'returned')),
  refusal_grounds text[] NOT NULL DEFAULT '{}',
  postponed_until date,
  executing_authority_ids text[] NOT NULL DEFAULT '{}',
  assigned_to uuid,
  author_id uuid,
  approved_by uuid,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  history_seq integer NOT NULL DEFAULT 0 CHECK (history_seq >= 0),
  history_head text NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000' CHECK (history_head ~ '^[0-9a-f]{64}$'),
  demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (urgency = 'normal' OR length(coalesce(urgency_reason, '')) > 0)
);
COMMENT ON TABLE casework_cases IS 'A request for international cooperation our authority received (incoming) or sends (outgoing), from registration or draft until closed';
COMMENT ON COLUMN casework_cases.id IS 'Identifier of the case (UUID; stable, not the reference)';
COMMENT ON COLUMN casework_cases.authority_id IS 'Directory identifier of the authority the case belongs to (usually a central authority); its officers and supervisors act on it';
COMMENT ON COLUMN casework_cases.country IS 'ISO alpha-3 of the owning authority''s State';
COMMENT ON COLUMN casework_cases.direction IS 'incoming (a partner asked us) or outgoing (we ask a partner)';
COMMENT ON COLUMN casework_cases.kind IS 'Kind of request: mla, extradition, provisional_arrest, transfer_sentenced, transfer_proceedings, confiscation, joint_investigation, videoconference, service_documents, spontaneous_information, other';
COMMENT ON COLUMN casework_cases.state IS 'Current state in the lifecycle of its direction (casework/domain/transitions.ts)';
COMMENT ON COLUMN casework_cases.state_since IS 'When the case entered its current state (time in each state comes from the history)';
COMMENT ON COLUMN casework_cases.reference IS 'Our reference (pattern per authority, e.g. MLI/2026/00042), unique per authority; NULL until registered (a deficient incoming request returned for completion gets none)';
COMMENT ON COLUMN casework_cases.partner_country IS 'ISO alpha-3 of the partner State (requesting State for incoming, requested State for outgoing)';
COMMENT ON COLUMN casework_cases.partner_authority_id IS 'Directory identifier of the partner authority, when it is in the directory';
COMMENT ON COLUMN casework_cases.partner_authority_name IS 'Name of the partner authority as given (when not in the directory, or as written on the request)';
COMMENT ON COLUMN casework_cases.partner_reference IS 'The partner''s reference for the request';
COMMENT ON COLUMN casework_cases.title IS 'Short subject of the request, for lists';
COMMENT ON COLUMN casework_cases.summary IS 'Summary of the facts and of the assistance sought (18(15)(b)-(d))';
COMMENT ON COLUMN casework_cases.measures IS 'Measures requested: codes of the reference taxonomy measure (art. 18(3) and electronic-evidence measures)';
COMMENT ON COLUMN casework_cases.crime_types IS 'Offences: codes of the reference taxonomy crime';
COMMENT ON COLUMN casework_cases.offence_text IS 'Offences as described in the request (free text)';
COMMENT ON COLUMN casework_cases.proceeding_authority IS 'Authority conducting the investigation or proceeding the request serves';
COMMENT ON COLUMN casework_cases.proceeding_number IS 'Number of that investigation or proceeding';
COMMENT ON COLUMN casework_cases.urgency IS 'normal, urgent or very_urgent (a reason is then required)';
COMMENT ON COLUMN casework_cases.urgency_reason IS 'Why the request is urgent (e.g. a person in custody, data about to be deleted)';
COMMENT ON COLUMN casework_cases.confidential IS 'The requesting State asked that the request and its content be kept confidential (18(20))';
COMMENT ON COLUMN casework_cases.partner_deadline IS 'Date by which the partner asks for execution';
COMMENT ON COLUMN casework_cases.languages IS 'Languages of the request as received or sent (BCP 47)';
COMMENT ON COLUMN casework_cases.translation_required IS 'A translation is needed before the request can be executed or sent';
COMMENT ON COLUMN casework_cases.channel IS 'Transmission channel: central_authorities, diplomatic, interpol, direct_judicial, electronic, other';
COMMENT ON COLUMN casework_cases.received_on IS 'Date the request was received (incoming)';
COMMENT ON COLUMN casework_cases.sent_on IS 'Date the request was sent (outgoing)';
COMMENT ON COLUMN casework_cases.executed_on IS 'Date the request was executed or partly executed (processing time ends here)';
COMMENT ON COLUMN casework_cases.closed_on IS 'Date the case was closed';
COMMENT ON COLUMN casework_cases.outcome IS 'How the request ended: executed, partly_executed, refused, withdrawn, lapsed, returned; NULL while open';
COMMENT ON COLUMN casework_cases.refusal_grounds IS 'Grounds for refusal (casework/domain/vocabulary.ts REFUSAL_GROUNDS) when refused';
COMMENT ON COLUMN casework_cases.postponed_until IS 'Until when execution is postponed (18(25))';
COMMENT ON COLUMN casework_cases.executing_authority_ids IS 'Directory identifiers of the executing authorities the request was forwarded to (kept by the services from case_executions; read by the row-level security policy)';
COMMENT ON COLUMN casework_cases.assigned_to IS 'User (accounts) assigned to the case';
COMMENT ON COLUMN casework_cases.author_id IS 'User who created the case (four eyes: an outgoing request is approved by someone else)';
COMMENT ON COLUMN casework_cases.approved_by IS 'User who approved an outgoing request';
COMMENT ON COLUMN casework_cases.version IS 'Incremented by every change: an edit based on an older version is refused (409) instead of overwriting';
COMMENT ON COLUMN casework_cases.history_seq IS 'seq of the last event of the case''s history (events removed from the end show as a shorter chain)';
COMMENT ON COLUMN casework_cases.history_head IS 'hash of the last event of the case''s history (the head of the chain)';
COMMENT ON COLUMN casework_cases.demo IS 'Demo data (seed --demo), removed with the demo';
COMMENT ON COLUMN casework_cases.created_at IS 'When the case was created in Palermo';
COMMENT ON COLUMN casework_cases.updated_at IS 'When the case last changed';
CREATE UNIQUE INDEX casework_cases_reference_key ON casework_cases (authority_id, reference) WHERE reference IS NOT NULL;
COMMENT ON INDEX casework_cases_reference_key IS 'Our references are unique per authority';
CREATE INDEX casework_cases_authority_state_idx ON casework_cases (authority_id, state, state_since);
COMMENT ON INDEX casework_cases_authority_state_idx IS 'Worklists by state';
CREATE INDEX casework_cases_assigned_idx ON casework_cases (assigned_to, state) WHERE assigned_to IS NOT NULL;
COMMENT ON INDEX casework_cases_assigned_idx IS 'My cases';
CREATE INDEX casework_cases_executing_idx ON casework_cases USING gin (executing_authority_ids);
COMMENT ON INDEX casework_cases_executing_idx IS 'Cases forwarded to an executing authority';
CREATE INDEX casework_cases_country_idx ON casework_cases (country, direction, kind);
COMMENT ON INDEX casework_cases_country_idx IS 'Statistics across a State''s authorities';

CREATE TABLE case_executions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES casework_cases (id),
  executing_authority_id text,
  executing_name text NOT NULL CHECK (length(executing_name) BETWEEN 1 AND 300),
  body_kind text NOT NULL DEFAULT 'other' CHECK (body_kind IN ('prosecution', 'court', 'police', 'financial_intelligence_unit', 'customs', 'ministry', 'other')),
  state text NOT NULL DEFAULT 'forwarded' CHECK (state IN ('forwarded', 'acknowledged', 'in_execution', 'partly_executed', 'executed', 'unable_to_execute', 'withdrawn')),
  state_since timestamptz NOT NULL DEFAULT now(),
  their_reference text CHECK (length(their_reference) <= 120),
  measures text[] NOT NULL DEFAULT '{}',
  forwarded_on date NOT NULL,
  due_on date,
  last_news_on date,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 5000),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE case_executions IS 'One executing authority''s track of an incoming request forwarded to it (forwarded, acknowledged, in execution, partly executed, executed, unable to execute)';
COMMENT ON COLUMN case_executions.id IS 'Identifier of the track';
COMMENT ON COLUMN case_executions.case_id IS 'The case forwarded';
COMMENT ON COLUMN case_executions.executing_authority_id IS 'Directory identifier of the executing authority (its officers then see the case); NULL for a body added by the central authority that does not use Palermo';
COMMENT ON COLUMN case_executions.executing_name IS 'Name of the executing authority (as in the directory, or as the central authority entered it)';
COMMENT ON COLUMN case_executions.body_kind IS 'prosecution, court, police, financial_intelligence_unit, customs, ministry, other';
COMMENT ON COLUMN case_executions.state IS 'State of this track';
COMMENT ON COLUMN case_executions.state_since IS 'When the track entered its state';
COMMENT ON COLUMN case_executions.their_reference IS 'The executing authority''s own reference';
COMMENT ON COLUMN case_executions.measures IS 'Measures this authority is to execute (codes of the measure taxonomy)';
COMMENT ON COLUMN case_executions.forwarded_on IS 'Date the request was forwarded to it';
COMMENT ON COLUMN case_executions.due_on IS 'Date by which the central authority expects execution';
COMMENT ON COLUMN case_executions.last_news_on IS 'Date of the last news from the executing authority (chases are prompted after casework_settings.chase_after_days)';
COMMENT ON COLUMN case_executions.note IS 'Instructions or progress note';
COMMENT ON COLUMN case_executions.version IS 'Incremented by every change (stale edits are refused)';
COMMENT ON COLUMN case_executions.created_at IS 'When the track was created';
COMMENT ON COLUMN case_executions.updated_at IS 'When the track last changed';
CREATE INDEX case_executions_case_idx ON case_executions (case_id);
COMMENT ON INDEX case_executions_case_idx IS 'Tracks of a case';
CREATE INDEX case_executions_authority_idx ON case_executions (executing_authority_id, state) WHERE executing_authority_id IS NOT NULL;
COMMENT ON INDEX case_executions_authority_idx IS 'Worklist of an executing authority';

CREATE TABLE case_persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES casework_cases (id),
  role text NOT NULL CHECK (role IN ('suspect', 'accused', 'sentenced_person', 'witness', 'victim', 'other')),
  family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 200),
  given_names text NOT NULL DEFAULT '' CHECK (length(given_names) <= 200),
  birth_date date,
  nationalities text[] NOT NULL DEFAULT '{}',
  identity_documents jsonb NOT NULL DEFAULT '[]',
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE case_persons IS 'Persons concerned by a request (only what the request needs: data minimisation)';
COMMENT ON COLUMN case_persons.id IS 'Identifier of the person record';
COMMENT ON COLUMN case_persons.case_id IS 'The case';
COMMENT ON COLUMN case_persons.role IS 'suspect, accused, sentenced_person, witness, victim, other';
COMMENT ON COLUMN case_persons.family_name IS 'Family name as written in the request';
COMMENT ON COLUMN case_persons.given_names IS 'Given names';
COMMENT ON COLUMN case_persons.birth_date IS 'Date of birth, when known and needed';
COMMENT ON COLUMN case_persons.nationalities IS 'Nationalities (ISO alpha-3)';
COMMENT ON COLUMN case_persons.identity_documents IS 'Identity documents: [{type, number, country}]';
COMMENT ON COLUMN case_persons.note IS 'What else is needed to identify or locate the person (18(15)(e))';
COMMENT ON COLUMN case_persons.created_at IS 'When the person was added';
CREATE INDEX case_persons_case_idx ON case_persons (case_id);
COMMENT ON INDEX case_persons_case_idx IS 'Persons of a case';
CREATE INDEX case_persons_name_idx ON case_persons (lower(family_name));
COMMENT ON INDEX case_persons_name_idx IS 'Search of the authority''s cases by a person''s name';

CREATE TABLE case_legal_bases (
  case_id uuid NOT NULL REFERENCES casework_cases (id),
  position smallint NOT NULL CHECK (position >= 0),
  basis text NOT NULL CHECK (basis IN ('untoc', 'untoc_protocol', 'uncac', 'treaty', 'reciprocity', 'domestic_law', 'other')),
  instrument_id text CHECK (length(instrument_id) <= 120),
  article text CHECK (length(article) <= 40),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  PRIMARY KEY (case_id, position)
);
COMMENT ON TABLE case_legal_bases IS 'Legal bases a request relies on, in the order given (UNTOC as legal basis is counted on its own in statistics)';
COMMENT ON COLUMN case_legal_bases.case_id IS 'The case';
COMMENT ON COLUMN case_legal_bases.position IS 'Order of the legal basis in the request';
COMMENT ON COLUMN case_legal_bases.basis IS 'untoc, untoc_protocol, uncac, treaty, reciprocity, domestic_law, other';
COMMENT ON COLUMN case_legal_bases.instrument_id IS 'The instrument: a reference instrument id (untoc, untoc-tip, uncac, coe-mla, ...) or a knowledge treaty id';
COMMENT ON COLUMN case_legal_bases.article IS 'The article relied on (e.g. 18, 16(4))';
COMMENT ON COLUMN case_legal_bases.note IS 'Further detail (domestic law cited, reciprocity assurance)';

CREATE TABLE case_links (
  case_id uuid NOT NULL REFERENCES casework_cases (id),
  other_case_id uuid NOT NULL REFERENCES casework_cases (id),
  kind text NOT NULL CHECK (kind IN ('supplementary', 'follows_preservation', 'same_matter', 'counterpart')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, other_case_id),
  CHECK (case_id <> other_case_id)
);
COMMENT ON TABLE case_links IS 'Links between requests of the same authority: supplementary request, follow-up of a preservation, same matter, counterpart';
COMMENT ON COLUMN case_links.case_id IS 'The case the link is recorded on';
COMMENT ON COLUMN case_links.other_case_id IS 'The linked case';
COMMENT ON COLUMN case_links.kind IS 'supplementary (case_id supplements other_case_id), follows_preservation, same_matter, counterpart';
COMMENT ON COLUMN case_links.created_at IS 'When the link was made';

CREATE TABLE case_deadlines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES casework_cases (id),
  execution_id uuid REFERENCES case_executions (id),
  kind text NOT NULL CHECK (kind IN ('partner', 'statutory', 'service_level', 'custom')),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 300),
  due_on date NOT NULL,
  met_on date,
  reminded_at timestamptz,
  overdue_notified_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE case_deadlines IS 'Deadlines of a case or of one executing authority''s track: the partner''s, statutory ones (e.g. provisional arrest), service levels, custom';
COMMENT ON COLUMN case_deadlines.id IS 'Identifier of the deadline';
COMMENT ON COLUMN case_deadlines.case_id IS 'The case';
COMMENT ON COLUMN case_deadlines.execution_id IS 'The executing authority''s track it applies to; NULL for the case';
COMMENT ON COLUMN case_deadlines.kind IS 'partner, statutory, service_level, custom';
COMMENT ON COLUMN case_deadlines.label IS 'What is due';
COMMENT ON COLUMN case_deadlines.due_on IS 'Due date (working days already counted where the authority gives its holidays)';
COMMENT ON COLUMN case_deadlines.met_on IS 'When it was met; NULL while open';
COMMENT ON COLUMN case_deadlines.reminded_at IS 'When the assigned officer was reminded before the deadline';
COMMENT ON COLUMN case_deadlines.overdue_notified_at IS 'When the supervisor was told it is overdue';
COMMENT ON COLUMN case_deadlines.created_at IS 'When the deadline was set';
CREATE INDEX case_deadlines_open_idx ON case_deadlines (due_on) WHERE met_on IS NULL;
COMMENT ON INDEX case_deadlines_open_idx IS 'Open deadlines by date (reminders, due this week, overdue)';
CREATE INDEX case_deadlines_case_idx ON case_deadlines (case_id);
COMMENT ON INDEX case_deadlines_case_idx IS 'Deadlines of a case';

CREATE TABLE case_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES casework_cases (id),
  execution_id uuid REFERENCES case_executions (id),
  kind text NOT NULL CHECK (kind IN ('request', 'translation', 'supporting', 'result', 'correspondence', 'other')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  media_type text NOT NULL CHECK (length(media_type) BETWEEN 3 AND 120),
  byte_size bigint NOT NULL CHECK (byte_size >= 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  language text CHECK (length(language) <= 35),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  previous_id uuid REFERENCES case_documents (id),
  uploaded_by uuid,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  complete boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE case_documents IS 'Documents of a case (request, translations, supporting documents, results, correspondence), each version kept; the content is in case_document_chunks so that a database backup is a backup of the case';
COMMENT ON COLUMN case_documents.id IS 'Identifier of this version of the document';
COMMENT ON COLUMN case_documents.case_id IS 'The case';
COMMENT ON COLUMN case_documents.execution_id IS 'The executing authority''s track it belongs to (e.g. its results); NULL for the case';
COMMENT ON COLUMN case_documents.kind IS 'request, translation, supporting, result, correspondence, other';
COMMENT ON COLUMN case_documents.title IS 'Title shown in the case';
COMMENT ON COLUMN case_documents.filename IS 'File name offered for download';
COMMENT ON COLUMN case_documents.media_type IS 'Media type found from the content (not the uploader''s claim)';
COMMENT ON COLUMN case_documents.byte_size IS 'Size in bytes';
COMMENT ON COLUMN case_documents.sha256 IS 'SHA-256 of the content, hex (also in the hash-chained history)';
COMMENT ON COLUMN case_documents.language IS 'Language of the document (BCP 47)';
COMMENT ON COLUMN case_documents.version IS 'Version number of the document (1 for the first upload)';
COMMENT ON COLUMN case_documents.previous_id IS 'The version this one replaces';
COMMENT ON COLUMN case_documents.uploaded_by IS 'User who uploaded it';
COMMENT ON COLUMN case_documents.uploaded_at IS 'When it was uploaded';
COMMENT ON COLUMN case_documents.complete IS 'All chunks written and checked (an interrupted upload stays false and is never served)';
CREATE INDEX case_documents_case_idx ON case_documents (case_id);
COMMENT ON INDEX case_documents_case_idx IS 'Documents of a case';

CREATE TABLE case_document_chunks (
  document_id uuid NOT NULL REFERENCES case_documents (id),
  seq integer NOT NULL CHECK (seq >= 0),
  data bytea NOT NULL,
  PRIMARY KEY (document_id, seq)
);
COMMENT ON TABLE case_document_chunks IS 'Content of case documents in chunks (streamed in and out, never held whole in memory)';
COMMENT ON COLUMN case_document_chunks.document_id IS 'The document version';
COMMENT ON COLUMN case_document_chunks.seq IS 'Order of the chunk, from 0';
COMMENT ON COLUMN case_document_chunks.data IS 'The bytes of the chunk';

CREATE TABLE case_events (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES casework_cases (id),
  seq integer NOT NULL CHECK (seq >= 1),
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_name text,
  acting_authority_id text,
  type text NOT NULL CHECK (type IN ('created', 'edited', 'transition', 'assigned', 'person_added', 'person_edited', 'person_removed', 'legal_basis_set', 'link_added', 'link_removed', 'deadline_set', 'deadline_met', 'document_added', 'execution_forwarded', 'execution_transition', 'execution_edited', 'status_enquiry', 'chased', 'imported')),
  data jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  UNIQUE (case_id, seq)
);
COMMENT ON TABLE case_events IS 'The history of each case, append-only and hash-chained: each event holds the hash of the previous event of its case and the hash of its own canonical content (casework/domain/history.ts); written in the transaction of the change';
COMMENT ON COLUMN case_events.id IS 'Global order of events';
COMMENT ON COLUMN case_events.case_id IS 'The case';
COMMENT ON COLUMN case_events.seq IS 'Number of the event within its case, from 1, without gaps';
COMMENT ON COLUMN case_events.at IS 'When it happened (part of the hashed content)';
COMMENT ON COLUMN case_events.actor_id IS 'User who did it; NULL for the system or the command line';
COMMENT ON COLUMN case_events.actor_name IS 'Name of the actor at the time';
COMMENT ON COLUMN case_events.acting_authority_id IS 'The authority the actor acted for (the owner, or an executing authority)';
COMMENT ON COLUMN case_events.type IS 'What happened (casework/domain/vocabulary.ts EVENT_TYPES)';
COMMENT ON COLUMN case_events.data IS 'The change: fields before and after, transition from/to, document SHA-256, ...';
COMMENT ON COLUMN case_events.prev_hash IS 'hash of the previous event of the case (64 zeros for the first)';
COMMENT ON COLUMN case_events.hash IS 'SHA-256 over prev_hash and the canonical JSON of (case_id, seq, at, actor_id, acting_authority_id, type, data)';
CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
COMMENT ON FUNCTION case_events_append_only() IS 'Refuses UPDATE and DELETE on case_events (the hash chain also shows any change made around this trigger)';
CREATE TRIGGER case_events_no_change BEFORE UPDATE OR DELETE ON case_events FOR EACH ROW EXECUTE FUNCTION case_events_append_only();

CREATE TABLE case_access_log (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES casework_cases (id),
  user_id uuid,
  acting_authority_id text,
  action text NOT NULL CHECK (action IN ('open', 'download', 'export')),
  document_id uuid,
  at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE case_access_log IS 'Who opened a case or downloaded its documents (the supervisor sees who looked)';
COMMENT ON COLUMN case_access_log.id IS 'Order of the log';
COMMENT ON COLUMN case_access_log.case_id IS 'The case looked at';
COMMENT ON COLUMN case_access_log.user_id IS 'Who looked';
COMMENT ON COLUMN case_access_log.acting_authority_id IS 'For which authority';
COMMENT ON COLUMN case_access_log.action IS 'open (case page or API read), download (a document), export';
COMMENT ON COLUMN case_access_log.document_id IS 'The document downloaded';
COMMENT ON COLUMN case_access_log.at IS 'When';
CREATE INDEX case_access_log_case_idx ON case_access_log (case_id, at);
COMMENT ON INDEX case_access_log_case_idx IS 'Who looked at a case';
CREATE TRIGGER case_access_log_no_change BEFORE UPDATE OR DELETE ON case_access_log FOR EACH ROW EXECUTE FUNCTION case_events_append_only();

-- Row-level security: the owning authority sees its cases; an executing authority sees the cases
-- forwarded to it and its own tracks. Child rows follow their case (the subquery on cases is itself
-- filtered by the cases policy).
ALTER TABLE casework_cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY casework_cases_scope ON casework_cases TO palermo_casework
  USING (authority_id = ANY (casework_scope()) OR executing_authority_ids && casework_scope())
  WITH CHECK (authority_id = ANY (casework_scope()) OR executing_authority_ids && casework_scope());
ALTER TABLE case_executions ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_executions_scope ON case_executions TO palermo_casework
  USING (executing_authority_id = ANY (casework_scope()) OR EXISTS (SELECT 1 FROM casework_cases c WHERE c.id = case_id AND c.authority_id = ANY (casework_scope())));
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['case_persons', 'case_legal_bases', 'case_links', 'case_deadlines', 'case_documents', 'case_events', 'case_access_log'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I TO palermo_casework USING (EXISTS (SELECT 1 FROM casework_cases c WHERE c.id = case_id))', t || '_scope', t);
  END LOOP;
END $$;
ALTER TABLE case_document_chunks ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_document_chunks_scope ON case_document_chunks TO palermo_casework
  USING (EXISTS (SELECT 1 FROM case_documents d WHERE d.id = document_id));
ALTER TABLE case_reference_counters ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_reference_counters_scope ON case_reference_counters TO palermo_casework USING (authority_id = ANY (casework_scope()));
ALTER TABLE casework_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY casework_settings_scope ON casework_settings TO palermo_casework USING (authority_id = ANY (casework_scope()));

GRANT SELECT, INSERT, UPDATE ON casework_cases, case_executions, case_deadlines, case_documents, case_reference_counters, casework_settings TO palermo_casework;
GRANT SELECT, INSERT, UPDATE, DELETE ON case_persons, case_legal_bases, case_links TO palermo_casework;
GRANT SELECT, INSERT ON case_document_chunks, case_events, case_access_log TO palermo_casework;
GRANT USAGE ON SEQUENCE case_events_id_seq, case_access_log_id_seq TO palermo_casework;
