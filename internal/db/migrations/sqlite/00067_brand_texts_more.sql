-- The company chooser's heading and the support hours per language, beside the
-- portal's title and welcome text per language (00066): an empty one shows the main
-- text (tenants.brand_chooser, support_hours), or for the heading without one the
-- standard text.
-- +goose Up
ALTER TABLE tenant_brand_texts ADD COLUMN chooser TEXT NOT NULL DEFAULT '';
ALTER TABLE tenant_brand_texts ADD COLUMN support_hours TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE tenant_brand_texts DROP COLUMN support_hours;
ALTER TABLE tenant_brand_texts DROP COLUMN chooser;
