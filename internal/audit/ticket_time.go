package audit

// TicketTimeChanged and TicketTimeDeleted: staff changed or deleted time logged on a
// ticket (ticket/time_entry.go). Logged time is what the customer is billed for, so
// who changed whose time, and from what to what, must be traceable.
const (
	TicketTimeChanged = "ticket_time_changed"
	TicketTimeDeleted = "ticket_time_deleted"
)

// TimeExported: staff downloaded the time entries of a period as a CSV file.
const TimeExported = "time_exported"
