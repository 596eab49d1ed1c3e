package admin

import (
	"errors"
	"net/http"
	"strings"

	"pforte/internal/filestore"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketFile streams an attachment of a ticket of the tenant (internal notes' files
// included) as a download: never inline, so an uploaded HTML file cannot run in the
// back office's origin; with the sniffed type, nosniff, and Range support.
func (a *Admin) ticketFile(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	fileID, ok2 := web.ID(r, "file")
	if !ok || !ok2 {
		a.env.NotFound(w, r)
		return
	}
	ctx := r.Context()
	t, err := ticket.ForStaff(ctx, a.env.DB, v.P.TenantID, id)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	att, err := ticket.AttachmentOf(ctx, a.env.DB, t, fileID, true)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	f, err := a.env.Files.Open(att.Key)
	if errors.Is(err, filestore.ErrNotFound) {
		a.env.NotFound(w, r)
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	defer f.Close()
	h := w.Header()
	ct := att.ContentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	h.Set("Content-Type", ct)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Disposition", attachmentDisposition(att.Filename))
	h.Set("Cache-Control", "private, no-cache")
	http.ServeContent(w, r, "", att.CreatedAt, f)
}

// attachmentDisposition names the download: an ASCII fallback for old clients and the
// real name in RFC 5987 form (filename* in percent-encoded UTF-8) for everyone else.
func attachmentDisposition(name string) string {
	fallback := strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' || r == '%' {
			return '_'
		}
		return r
	}, name)
	return `attachment; filename="` + fallback + `"; filename*=UTF-8''` + rfc5987(name)
}

// rfc5987 percent-encodes every byte that is not an attr-char of RFC 5987.
func rfc5987(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
