-- Exchange evidence (issue 11 §5): every exchange-log entry gets its own attempt id beside the message id,
-- an outcome (QUEUED, DELIVERED, FAILED, REFUSED, ACCEPTED, REPLAYED) and a detail (outcome status or
-- reason). Entries written before keep NULL there and their first canonical form (ExchangeEntry.canonical),
-- so the hash chain still verifies. A refused arrival may lack a message id, an operation or a dossier code.
ALTER TABLE exchange_log ADD COLUMN attempt_id VARCHAR(36);
ALTER TABLE exchange_log ADD COLUMN outcome VARCHAR(20);
ALTER TABLE exchange_log ADD COLUMN detail VARCHAR(500);
ALTER TABLE exchange_log ALTER COLUMN message_id DROP NOT NULL;
ALTER TABLE exchange_log ALTER COLUMN operation DROP NOT NULL;
ALTER TABLE exchange_log ALTER COLUMN dossier_code DROP NOT NULL;
-- query-status by message id and the attempts of one message
CREATE INDEX exchange_log_message_idx ON exchange_log (partner_code, message_id);
