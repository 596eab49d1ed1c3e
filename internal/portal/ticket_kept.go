package portal

import (
	"net/http"

	"pforte/internal/ticket"
	"pforte/internal/web"
)

// The new-ticket and reply forms keep the files of a refused send as staged uploads
// (web/kept_files.go): the returned form lists them above the file input (fileDrop)
// and sending it again attaches them with any newly chosen ones. They belong to the
// contact in the active company, on the ticket (0: the new ticket not yet created), so
// another contact's, a staff member's or another company's id is ignored.

// keptOwner is the contact's kept files in the active company on ticket id (0: a new
// ticket).
func keptOwner(v *visit, id int64) ticket.StagedOwner {
	return ticket.StagedOwner{TenantID: v.P.TenantID, ContactID: v.P.ContactID, CompanyID: v.P.CompanyID, TicketID: id}
}

// keptFlash redirects to to with the flash msg, adding that missing listed files were
// no longer kept and did not go with it, so nobody believes them attached.
func keptFlash(env *web.Env, w http.ResponseWriter, r *http.Request, to, msg string, missing int) {
	if missing <= 0 {
		env.Flash(w, r, msg, to)
		return
	}
	env.FlashParts(w, r, to, web.FlashPart{ID: msg}, web.FlashPart{ID: "staged_uploads.not_sent", Count: missing})
}
