package web

import (
	"net/http"
	"net/url"
	"strings"
)

// BackTo returns the path of the same-site page the request came from, or fallback. Only
// a local path is used, so the Referer cannot redirect anyone to another site.
func BackTo(r *http.Request, fallback string) string {
	u, err := url.Parse(r.Referer())
	if err != nil || u.Host != r.Host || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") {
		return fallback
	}
	if u.RawQuery != "" {
		return u.Path + "?" + u.RawQuery
	}
	return u.Path
}
