-- The tenant's time zone (an IANA name): pages show instants and dates in it, with the
-- zone's abbreviation ("14:05 CET"). Until now every time was shown in UTC and said so.
-- Existing tenants get Europe/Berlin like new ones: Pforte is made for German-speaking
-- service providers and their customers, who read "UTC" times by converting in their
-- heads and got dates wrong around midnight. Nothing stored changes (instants stay UTC
-- seconds), every shown time still names its zone, so nobody is misled by the switch;
-- a provider elsewhere picks its zone in the back office settings.
-- +goose Up
ALTER TABLE tenants ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Berlin';

-- +goose Down
ALTER TABLE tenants DROP COLUMN time_zone;
