package portal

import "pforte/internal/ticket"

// mayManage reports whether the reader may close, reopen or add followers to t: its
// opener and the company's main contacts. A plain user who follows a colleague's
// ticket reads and answers it, but does not decide for the colleague when it is done
// or who else reads it; such a request is a 404, like other colleague tampering.
func mayManage(v *visit, t ticket.Ticket) bool {
	return v.P.IsMain() || (t.ContactID > 0 && t.ContactID == v.P.ContactID)
}
