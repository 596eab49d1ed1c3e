package admin

import (
	"net/http"
	"strconv"
	"time"

	"pforte/internal/inbox"
	"pforte/internal/web"
)

// inboxFile downloads file n of a mail item's conversation, numbered by
// inbox.MailPayload.Files (earlier mails first, so an answer joining the item keeps
// every number). The item is loaded for the staff member's tenant, so another tenant's
// file is a 404 like a missing one.
func (a *Admin) inboxFile(w http.ResponseWriter, r *http.Request, v *visit) {
	p, ok := a.inboxMail(w, r, v)
	if !ok {
		return
	}
	files := p.Files()
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 0 || n >= len(files) {
		a.env.NotFound(w, r)
		return
	}
	f := files[n]
	a.env.ServeFile(w, r, f.Key, f.Name, f.Type, time.Time{})
}

// inboxRaw downloads a mail item's original message as received.
func (a *Admin) inboxRaw(w http.ResponseWriter, r *http.Request, v *visit) {
	p, ok := a.inboxMail(w, r, v)
	if !ok {
		return
	}
	if p.RawKey == "" {
		a.env.NotFound(w, r)
		return
	}
	a.env.ServeFile(w, r, p.RawKey, "mail-"+r.PathValue("id")+".eml", "message/rfc822", time.Time{})
}

// inboxMail loads the payload of the tenant's mail item named in the path.
func (a *Admin) inboxMail(w http.ResponseWriter, r *http.Request, v *visit) (inbox.MailPayload, bool) {
	var p inbox.MailPayload
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return p, false
	}
	it, err := inbox.Get(r.Context(), a.env.DB, v.P.TenantID, id)
	if err == nil && it.Kind != inbox.KindMail {
		a.env.NotFound(w, r)
		return p, false
	}
	if err == nil {
		err = it.Decode(&p)
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return p, false
	}
	return p, true
}
