package web

import (
	"net/http"
	"net/url"
	"path"
	"strings"
)

// BackTo returns the path of the same-site page the request came from, or fallback. Only
// a local path is used, so the Referer cannot redirect anyone to another site.
func BackTo(r *http.Request, fallback string) string {
	u, err := url.Parse(r.Referer())
	if err != nil || u.Host != r.Host || !strings.HasPrefix(u.Path, "/") {
		return fallback
	}
	p := path.Clean(u.Path)
	// "//host" and "/\host" are read by browsers as another site.
	if strings.HasPrefix(p, "//") || strings.ContainsRune(p, '\\') {
		return fallback
	}
	out := (&url.URL{Path: p, RawQuery: u.RawQuery}).String()
	if !strings.HasPrefix(out, "/") || strings.HasPrefix(out, "//") {
		return fallback
	}
	return out
}
