package web

import (
	"net/http"
	"strings"

	"pforte/internal/filestore"
	"pforte/internal/i18n"
)

// RecoveryFile answers the recovery codes page's "Download as text file": the codes of
// account email at portal as a plain text file to save, never cached.
func RecoveryFile(w http.ResponseWriter, r *http.Request, portal, email string, codes []string) {
	ctx := r.Context()
	var b strings.Builder
	b.WriteString(i18n.T(ctx, "signin.codes_file_heading", map[string]any{"Portal": portal, "Email": email}))
	b.WriteString("\r\n\r\n")
	b.WriteString(i18n.T(ctx, "signin.codes_file_text"))
	b.WriteString("\r\n\r\n")
	for _, c := range codes {
		b.WriteString(c + "\r\n")
	}
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Content-Disposition", filestore.Disposition(i18n.T(ctx, "signin.codes_file_name")+".txt"))
	h.Set("Cache-Control", "no-store")
	w.Write([]byte(b.String()))
}
