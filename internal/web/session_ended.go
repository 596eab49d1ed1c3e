package web

import (
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"pforte/internal/i18n"
)

// sessionEndedRead bounds how much of a refused body is read to show its text back: a
// ticket with attachments is read through (so the browser receives the answer instead
// of a connection reset while it is still sending), a larger one is cut off.
const sessionEndedRead = 64 << 20

// SessionEnded answers a form sent after its session ended (it expired, a password
// change elsewhere ended it, or the person's access was changed: revoked, or a main
// contact made a user): instead of a bare 404 that loses what was typed, a page in
// the visitor's language says what happened, links to loginPath with the page the form
// was on as next, and shows the text that was sent so it can be copied before signing
// in again. home is where next falls back to without a usable Referer. Requests from
// htmx are sent to the login page instead, with the same message; other scripts' requests
// get the 404 as before.
func (e *Env) SessionEnded(w http.ResponseWriter, r *http.Request, loginPath, home string) {
	next := BackTo(r, home)
	login := loginPath
	if next != home {
		login += "?next=" + url.QueryEscape(next)
	}
	ct := r.Header.Get("Content-Type")
	htmx := r.Header.Get("HX-Request") == "true"
	if !htmx && !strings.HasPrefix(ct, "application/x-www-form-urlencoded") && !strings.HasPrefix(ct, "multipart/form-data") {
		e.NotFound(w, r) // a script's request (JSON): nobody reads a page
		return
	}
	if htmx {
		e.FlashNext(w, r, "error.session_ended")
		w.Header().Set("HX-Redirect", login)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	ctx := r.Context()
	c := Chrome{Title: i18n.T(ctx, "session.ended.title"), BrandName: TenantFrom(ctx).TitleIn(i18n.From(ctx).Lang), BrandHref: home,
		Admin: strings.HasPrefix(home, "/admin/")}
	Render(w, r, http.StatusUnauthorized, sessionEndedPage(c, login, keptText(w, r)))
}

// keptText is the text of a refused form worth showing back: free text a person typed,
// in the form's order; no passwords or codes, no ids or choices.
func keptText(w http.ResponseWriter, r *http.Request) []sentField {
	var fs []sentField
	ct := r.Header.Get("Content-Type")
	body := http.MaxBytesReader(w, r.Body, sessionEndedRead)
	switch {
	case strings.HasPrefix(ct, "multipart/form-data"):
		fs = multipartFields(body, ct, MaxFormBytes)
	case strings.HasPrefix(ct, "application/x-www-form-urlencoded"):
		b, err := io.ReadAll(io.LimitReader(body, MaxFormBytes+1))
		if err == nil && len(b) <= MaxFormBytes {
			fs = urlencodedFields(b)
		}
	}
	out := fs[:0]
	for _, f := range fs {
		if typedText(f) {
			out = append(out, f)
		}
	}
	return out
}

// typedText tells free text worth keeping from secrets (passwords, codes, tokens),
// ids and choices (numbers, a language code, a button's value).
func typedText(f sentField) bool {
	name := strings.ToLower(f.Name)
	for _, secret := range []string{"password", "current", "code", "token", "secret", "credential", "recovery", "next"} {
		if strings.Contains(name, secret) {
			return false
		}
	}
	if name == "id" || strings.HasSuffix(name, "_id") || name == "action" || name == "language" {
		return false
	}
	return strings.IndexFunc(f.Value, unicode.IsLetter) >= 0
}

// rowsFor sizes a textarea to its text: at least 2 rows, at most 12.
func rowsFor(s string) string {
	n := strings.Count(s, "\n") + 1 + len(s)/80
	return strconv.Itoa(min(max(n, 2), 12))
}

func itoa(i int) string { return strconv.Itoa(i) }
