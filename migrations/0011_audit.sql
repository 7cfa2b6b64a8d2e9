-- Append-only audit log. Rows are written in the same transaction as the change they record;
-- a trigger refuses UPDATE, DELETE and TRUNCATE, so no code path in Palermo can rewrite history.

CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  actor_label text CHECK (length(actor_label) <= 300),
  actor_ip text CHECK (length(actor_ip) <= 64),
  via text NOT NULL DEFAULT 'web' CHECK (via IN ('web', 'api', 'cli', 'system')),
  action text NOT NULL CHECK (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  outcome text NOT NULL DEFAULT 'success' CHECK (outcome IN ('success', 'failure')),
  target_type text CHECK (length(target_type) <= 60),
  target_id text CHECK (length(target_id) <= 200),
  changes jsonb,
  request_id text CHECK (length(request_id) <= 64)
);
COMMENT ON TABLE audit_events IS 'Append-only record of security-relevant events and changes: who did what, when, from where, to what';
COMMENT ON COLUMN audit_events.id IS 'Sequence number (also the pagination key)';
COMMENT ON COLUMN audit_events.occurred_at IS 'Time of the event (transaction time)';
COMMENT ON COLUMN audit_events.actor_user_id IS 'User who acted (no foreign key: the record outlives the account); NULL for anonymous or system actions';
COMMENT ON COLUMN audit_events.actor_label IS 'Name and e-mail of the actor at the time, or the e-mail typed at a failed sign-in';
COMMENT ON COLUMN audit_events.actor_ip IS 'Client address of the request';
COMMENT ON COLUMN audit_events.via IS 'Channel: web (pages), api (token), cli (command line) or system';
COMMENT ON COLUMN audit_events.action IS 'What happened, dotted: auth.sign_in, roles.assign, knowledge.publish...';
COMMENT ON COLUMN audit_events.outcome IS 'success or failure (e.g. a failed sign-in)';
COMMENT ON COLUMN audit_events.target_type IS 'Kind of object acted on: user, session, api_token, practitioner_request, entry...';
COMMENT ON COLUMN audit_events.target_id IS 'Identifier of the object acted on';
COMMENT ON COLUMN audit_events.changes IS 'What changed, as JSON: {"field": {"from": old, "to": new}} or event details; never secrets';
COMMENT ON COLUMN audit_events.request_id IS 'Request id of the HTTP request (X-Request-Id), to match the logs';
CREATE INDEX audit_events_time_idx ON audit_events (occurred_at DESC, id DESC);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, id DESC);
CREATE INDEX audit_events_action_idx ON audit_events (action, id DESC);
CREATE INDEX audit_events_target_idx ON audit_events (target_type, target_id, id DESC);

CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
COMMENT ON FUNCTION audit_events_refuse_change() IS 'Trigger function that makes audit_events append-only';

CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
