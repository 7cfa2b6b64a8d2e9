-- Issue 14 §3: a submission this node refuses to send (partner pending or revoked, case not in a state
-- that may be sent, a document refused) is kept as a `rejected` message with signed SubmissionRejection
-- evidence (docs/EXCHANGE.md "Evidence").
ALTER TABLE exchange_messages DROP CONSTRAINT exchange_messages_state_check;
ALTER TABLE exchange_messages ADD CONSTRAINT exchange_messages_state_check CHECK (state IN ('queued', 'delivered', 'failed', 'rejected', 'received'));
COMMENT ON COLUMN exchange_messages.state IS 'queued (waiting for delivery), delivered (the partner gave delivery evidence), failed (gave up), rejected (this node refused the submission: nothing sent, SubmissionRejection evidence with the reason in last_error), received (incoming)';
COMMENT ON COLUMN exchange_messages.last_error IS 'Why the last delivery attempt failed, or why the submission was rejected';
