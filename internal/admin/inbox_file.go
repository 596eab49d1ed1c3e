package admin

import (
	"errors"
	"mime"
	"net/http"
	"strconv"

	"pforte/internal/filestore"
	"pforte/internal/inbox"
	"pforte/internal/web"
)

// inboxFile downloads attachment n of a mail item. The item is loaded for the staff
// member's tenant, so another tenant's file is a 404 like a missing one.
func (a *Admin) inboxFile(w http.ResponseWriter, r *http.Request, v *visit) {
	p, ok := a.inboxMail(w, r, v)
	if !ok {
		return
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 0 || n >= len(p.Attachments) {
		a.env.NotFound(w, r)
		return
	}
	f := p.Attachments[n]
	a.serveStored(w, r, f.Key, f.Name, f.Type)
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
	a.serveStored(w, r, p.RawKey, "mail-"+r.PathValue("id")+".eml", "message/rfc822")
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

// serveStored streams a file from the file store as a download (never shown inline:
// a mail's attachment is whatever its sender chose), answering Range requests.
func (a *Admin) serveStored(w http.ResponseWriter, r *http.Request, key, name, ctype string) {
	f, err := a.env.Files.Open(key)
	if errors.Is(err, filestore.ErrNotFound) {
		a.env.NotFound(w, r)
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	disp := mime.FormatMediaType("attachment", map[string]string{"filename": name})
	if disp == "" {
		disp = "attachment"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", disp)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, "", st.ModTime(), f)
}
