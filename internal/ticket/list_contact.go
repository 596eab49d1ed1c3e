package ticket

// contactConditions adds the queue's contact filter: the tickets the contact opened, or
// those they follow. A contact's tickets are few next to the tenant's, so both are
// found through the contact's own index entries and then ordered: tickets_opener
// (contact_id, …) for the opened ones, ticket_followers_contact (contact_id, ticket_id)
// for the followed ones. The columns are named plainly (not f.col's "+t."), also when
// the queue is listed by due time: walking tickets_due for one contact's handful would
// read every open ticket with a due time. The tenant condition on t keeps another
// tenant's contact id from finding anything here.
func (f Filter) contactConditions(where string, args []any) (string, []any) {
	switch {
	case f.ContactID <= 0:
	case f.ContactFollows:
		where += ` AND t.id IN (SELECT fo.ticket_id FROM ticket_followers fo WHERE fo.contact_id = ?)`
		args = append(args, f.ContactID)
	default:
		where += ` AND t.contact_id = ?`
		args = append(args, f.ContactID)
	}
	return where, args
}
