package ticket

// billedCondition narrows the queue to billed or not yet billed tickets: with the
// done state, "not billed" is an invoicing run's list of finished work to bill.
func (f Filter) billedCondition(where string) string {
	switch f.Billed {
	case "yes":
		return where + ` AND t.billed` // no col(): "+" is no operator on booleans in PostgreSQL
	case "no":
		return where + ` AND NOT t.billed`
	}
	return where
}
