package audit

// TicketsExported: staff downloaded the tickets of a period as a CSV file (the
// helpdesk reports); the target is the period's first and last day.
const TicketsExported = "tickets_exported"
