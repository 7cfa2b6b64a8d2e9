-- Casework: executing authorities' tracks, deadlines, service levels, reminders, notifications and
-- deputies (issue 10 sections 1 and 4; casework/execution-service.ts, deadline-service.ts,
-- notification-service.ts, jobs.ts). Row-level security as in migration 0055: rows of an authority
-- are seen only by statements acting for it (casework_scope()), notifications only with their case.

ALTER TABLE casework_settings
  ADD COLUMN remind_days_before integer NOT NULL DEFAULT 3 CHECK (remind_days_before BETWEEN 0 AND 60),
  ADD COLUMN statutory_days jsonb NOT NULL DEFAULT '{"provisional_arrest": 60}' CHECK (jsonb_typeof(statutory_days) = 'object');
COMMENT ON COLUMN casework_settings.remind_days_before IS 'Days before a deadline on which the assigned officer (or their deputy) is reminded';
COMMENT ON COLUMN casework_settings.statutory_days IS 'Statutory periods in calendar days per kind of request, e.g. {"provisional_arrest": 60} (the period within which the extradition request must arrive); a deadline of kind statutory is set from the date the period starts';

ALTER TABLE case_executions
  ADD COLUMN chased_on date,
  ADD COLUMN reason text CHECK (length(reason) <= 2000);
COMMENT ON COLUMN case_executions.chased_on IS 'Date the officer last confirmed chasing the executing authority (the next chase prompt counts from the later of this and last_news_on)';
COMMENT ON COLUMN case_executions.reason IS 'Why the track ended as unable_to_execute or withdrawn (required then)';

CREATE TABLE casework_service_levels (
  authority_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('mla', 'extradition', 'provisional_arrest', 'transfer_sentenced', 'transfer_proceedings', 'confiscation', 'joint_investigation', 'videoconference', 'service_documents', 'spontaneous_information', 'other')),
  state text NOT NULL CHECK (state IN ('received', 'formal_check', 'returned_for_completion', 'registered', 'assessment', 'consultation', 'additional_info_requested', 'postponed', 'forwarded', 'results_review', 'results_sent', 'draft', 'awaiting_approval', 'approved', 'sent', 'acknowledged', 'in_execution', 'partly_executed')),
  days integer NOT NULL CHECK (days BETWEEN 1 AND 3650),
  working_days boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (authority_id, kind, state)
);
COMMENT ON TABLE casework_service_levels IS 'Service levels an authority''s supervisor sets: a case of this kind should leave this state within so many days (e.g. formal check of an MLA request within 10 working days)';
COMMENT ON COLUMN casework_service_levels.authority_id IS 'Directory identifier of the authority';
COMMENT ON COLUMN casework_service_levels.kind IS 'Kind of request (casework/domain/vocabulary.ts CASE_KINDS)';
COMMENT ON COLUMN casework_service_levels.state IS 'State the case should leave within the period';
COMMENT ON COLUMN casework_service_levels.days IS 'Length of the period';
COMMENT ON COLUMN casework_service_levels.working_days IS 'Counted in working days (the authority''s working_days and holidays) rather than calendar days';
COMMENT ON COLUMN casework_service_levels.updated_at IS 'When the service level was last set';

CREATE TABLE casework_deputies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id text NOT NULL,
  user_id uuid NOT NULL,
  deputy_id uuid NOT NULL,
  from_date date NOT NULL,
  until_date date NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (until_date >= from_date),
  CHECK (user_id <> deputy_id)
);
COMMENT ON TABLE casework_deputies IS 'Deputies for absences, set by the supervisor: from from_date to until_date the deputy receives the absent officer''s reminders and sees their cases among "mine"';
COMMENT ON COLUMN casework_deputies.id IS 'Identifier of the deputy arrangement';
COMMENT ON COLUMN casework_deputies.authority_id IS 'The authority both work for';
COMMENT ON COLUMN casework_deputies.user_id IS 'The absent officer (accounts user)';
COMMENT ON COLUMN casework_deputies.deputy_id IS 'The officer who covers (accounts user)';
COMMENT ON COLUMN casework_deputies.from_date IS 'First day of the absence';
COMMENT ON COLUMN casework_deputies.until_date IS 'Last day of the absence';
COMMENT ON COLUMN casework_deputies.created_by IS 'Supervisor who set it';
COMMENT ON COLUMN casework_deputies.created_at IS 'When it was set';
CREATE INDEX casework_deputies_deputy_idx ON casework_deputies (authority_id, deputy_id, until_date);
COMMENT ON INDEX casework_deputies_deputy_idx IS 'Whom a deputy covers now';

CREATE TABLE case_notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  case_id uuid NOT NULL REFERENCES casework_cases (id),
  kind text NOT NULL CHECK (kind IN ('deadline_soon', 'deadline_overdue', 'chase_due', 'forwarded', 'execution_changed')),
  data jsonb NOT NULL DEFAULT '{}',
  dedupe_key text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  UNIQUE (user_id, dedupe_key)
);
COMMENT ON TABLE case_notifications IS 'In-app notifications to casework users: reminders before a deadline, overdue deadlines (supervisors), chase prompts, forwarded requests; an e-mail is queued with each';
COMMENT ON COLUMN case_notifications.id IS 'Identifier of the notification';
COMMENT ON COLUMN case_notifications.user_id IS 'Recipient (accounts user)';
COMMENT ON COLUMN case_notifications.case_id IS 'The case it is about (the recipient sees it only while the case is visible to them)';
COMMENT ON COLUMN case_notifications.kind IS 'deadline_soon, deadline_overdue, chase_due, forwarded, execution_changed';
COMMENT ON COLUMN case_notifications.data IS 'Identifiers and dates for the message: deadline id, label, due date, track id, executing authority name';
COMMENT ON COLUMN case_notifications.dedupe_key IS 'What the notification is for (e.g. soon:<deadline id>): one per user and key, so a scan run twice or on two nodes notifies once';
COMMENT ON COLUMN case_notifications.created_at IS 'When it was created';
COMMENT ON COLUMN case_notifications.read_at IS 'When the recipient marked it read; NULL while unread';
CREATE INDEX case_notifications_user_idx ON case_notifications (user_id, created_at DESC);
COMMENT ON INDEX case_notifications_user_idx IS 'A user''s notifications, newest first';
CREATE INDEX case_notifications_case_idx ON case_notifications (case_id);
COMMENT ON INDEX case_notifications_case_idx IS 'Notifications of a case';

ALTER TABLE casework_service_levels ENABLE ROW LEVEL SECURITY;
CREATE POLICY casework_service_levels_scope ON casework_service_levels TO palermo_casework USING (authority_id = ANY (casework_scope()));
ALTER TABLE casework_deputies ENABLE ROW LEVEL SECURITY;
CREATE POLICY casework_deputies_scope ON casework_deputies TO palermo_casework USING (authority_id = ANY (casework_scope()));
ALTER TABLE case_notifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_notifications_scope ON case_notifications TO palermo_casework USING (EXISTS (SELECT 1 FROM casework_cases c WHERE c.id = case_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON casework_service_levels, casework_deputies TO palermo_casework;
GRANT SELECT, INSERT, UPDATE ON case_notifications TO palermo_casework;
