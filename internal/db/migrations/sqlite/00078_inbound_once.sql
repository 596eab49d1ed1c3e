-- A mail is routed once per tenant, sender (the From address) and Message-ID, even
-- when two listeners take it in at the same moment (two instances behind one MX, a
-- sending server that retries while the first attempt is still being routed): both
-- pass the early check that it is new, and only this index decides which one routes
-- it (inbound.claimRecord inserts with ON CONFLICT DO NOTHING in the transaction that
-- routes the mail; the loser records a duplicate and routes nothing). Records of mail
-- that routed nothing (rejected, deferred, duplicate) and mail without a Message-ID
-- stay out of it, as they stayed out of the duplicate check.
--
-- Records the race already doubled keep what they did in their reason but count as
-- duplicates from now on (only the first one holds the key), so the index can be built.
-- +goose Up
UPDATE inbound_mails SET outcome = 'duplicate',
    reason = 'routed again (' || outcome || ': ' || reason || ') before copies arriving at once were caught'
    WHERE message_id <> '' AND outcome NOT IN ('rejected', 'deferred', 'duplicate')
    AND EXISTS (SELECT 1 FROM inbound_mails o WHERE o.tenant_id = inbound_mails.tenant_id
        AND o.sender = inbound_mails.sender AND o.message_id = inbound_mails.message_id
        AND o.outcome NOT IN ('rejected', 'deferred', 'duplicate') AND o.id < inbound_mails.id);
CREATE UNIQUE INDEX inbound_mails_once ON inbound_mails (tenant_id, sender, message_id)
    WHERE message_id <> '' AND outcome NOT IN ('rejected', 'deferred', 'duplicate');

-- +goose Down
DROP INDEX inbound_mails_once;
