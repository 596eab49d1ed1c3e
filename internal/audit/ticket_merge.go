package audit

// TicketMerged: staff merged a ticket into another of the same company, which moved
// its conversation, files and followers and told its contacts (ticket.Merge).
const TicketMerged = "ticket_merged"
