-- Business hours and the pause while waiting for the customer, for the service-level
-- targets (00036). A tenant's row in ticket_sla_calendars says whether its targets count
-- business hours (else calendar hours) and whether a ticket's resolution clock stands
-- while it waits for the customer; its business hours are one interval per open weekday
-- (ticket_sla_hours: minutes after midnight in the tenant's time zone, weekday as Go's
-- time.Weekday, Sunday 0; close_minute 1440 is midnight at the day's end) and it is
-- closed on its holidays (ticket_sla_holidays, dates as YYYY-MM-DD, which sort as text).
-- Tenants from before have no row: calendar hours and no pause, as until now; new
-- tenants get one with the pause on and business hours off (ticket/sla_calendar.go).
-- A ticket waiting with the pause on keeps the moment its clock stopped (sla_paused_at)
-- and has no resolution in sla_due_at, so it leaves the partial index tickets_due;
-- When the clock starts again, sla_counted_before adds what it had counted since its last
-- start (seconds of the time its targets count) and resolution_start_at becomes the end
-- of the pause: a resolution computed anew counts from there, less what was used.
-- +goose Up
CREATE TABLE ticket_sla_calendars (
    tenant_id BIGINT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    business_hours BOOLEAN NOT NULL DEFAULT FALSE,
    pause_waiting BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE TABLE ticket_sla_hours (
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL,
    open_minute INTEGER NOT NULL,
    close_minute INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, weekday)
);
CREATE TABLE ticket_sla_holidays (
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (tenant_id, day)
);
ALTER TABLE tickets ADD COLUMN sla_paused_at BIGINT;
ALTER TABLE tickets ADD COLUMN sla_counted_before BIGINT;

-- +goose Down
ALTER TABLE tickets DROP COLUMN sla_counted_before;
ALTER TABLE tickets DROP COLUMN sla_paused_at;
DROP TABLE ticket_sla_holidays;
DROP TABLE ticket_sla_hours;
DROP TABLE ticket_sla_calendars;
