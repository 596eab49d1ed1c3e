-- The inbox lists items by their last activity, newest first: an item reopened, or one
-- a new mail joined (an answer continuing its conversation), comes back to the top
-- instead of staying where it first arrived. active_at is when the item arrived, was
-- reopened or got a new mail (package inbox); handling it or reading it changes
-- nothing. The list pages by (active_at, id), so each filter has an index ending in
-- both; they replace the ones ending in id alone, which also served the open count
-- and the lookups by kind and state.
--
-- Items start with their arrival time; a mail item an answer joined has the answer's
-- arrival in its payload ("received"), read with the engine's JSON functions (the only
-- statement that differs between the engines).
-- +goose Up
ALTER TABLE inbox_items ADD COLUMN active_at BIGINT NOT NULL DEFAULT 0;
UPDATE inbox_items SET active_at = created_at;
UPDATE inbox_items SET active_at = MAX(active_at, json_extract(payload, '$.received'))
    WHERE kind = 'mail' AND json_valid(payload) AND json_type(payload, '$.received') = 'integer';
DROP INDEX inbox_items_state;
DROP INDEX inbox_items_kind;
CREATE INDEX inbox_items_active ON inbox_items (tenant_id, active_at, id);
CREATE INDEX inbox_items_state_active ON inbox_items (tenant_id, state, active_at, id);
CREATE INDEX inbox_items_kind_active ON inbox_items (tenant_id, kind, active_at, id);
CREATE INDEX inbox_items_state_kind_active ON inbox_items (tenant_id, state, kind, active_at, id);

-- +goose Down
DROP INDEX inbox_items_state_kind_active;
DROP INDEX inbox_items_kind_active;
DROP INDEX inbox_items_state_active;
DROP INDEX inbox_items_active;
CREATE INDEX inbox_items_state ON inbox_items (tenant_id, state, kind, id);
CREATE INDEX inbox_items_kind ON inbox_items (tenant_id, kind, id);
ALTER TABLE inbox_items DROP COLUMN active_at;
