-- Refused privileged actions (an edit for another State, publishing or approving one's own change)
-- are recorded in the audit log with the outcome "refused", in a transaction of their own (the
-- refused request itself changes nothing).

ALTER TABLE audit_events DROP CONSTRAINT audit_events_outcome_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_outcome_check CHECK (outcome IN ('success', 'failure', 'refused'));
COMMENT ON COLUMN audit_events.outcome IS 'success; failure (e.g. a failed sign-in); refused (a privileged action the access policy refused: another State''s entry, one''s own change to publish or review)';
COMMENT ON CONSTRAINT audit_events_outcome_check ON audit_events IS 'The outcomes an audit event can have';
