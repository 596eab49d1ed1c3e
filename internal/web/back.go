package web

import (
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"
)

// LocalPath returns p if it is a path on this site (not "//host" or "/\\host", which
// browsers read as another site), else fallback. Used for ?next= after login.
func LocalPath(p, fallback string) string {
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, "/") {
		return fallback
	}
	clean := path.Clean(u.Path)
	if strings.HasPrefix(clean, "//") || strings.ContainsRune(clean, '\\') {
		return fallback
	}
	out := (&url.URL{Path: clean, RawQuery: u.RawQuery}).String()
	if !strings.HasPrefix(out, "/") || strings.HasPrefix(out, "//") {
		return fallback
	}
	return out
}

// BackTo returns the path of the same-site page the request came from, or fallback. Only
// a local path is used, so the Referer cannot redirect anyone to another site.
func BackTo(r *http.Request, fallback string) string {
	u, err := url.Parse(r.Referer())
	if err != nil || u.Host != r.Host || !strings.HasPrefix(u.Path, "/") {
		return fallback
	}
	return LocalPath((&url.URL{Path: u.Path, RawQuery: u.RawQuery}).String(), fallback)
}

// Without is a copy of q without the keys: a list's query for a link that changes
// some of its filters (and starts again at the first page). Without "page" it is also
// without "after", the place in the list a page of a ticket list starts at (Pager.Next).
func Without(q url.Values, keys ...string) url.Values {
	page := slices.Contains(keys, "page")
	out := url.Values{}
	for k, v := range q {
		if !slices.Contains(keys, k) && (!page || k != "after") {
			out[k] = v
		}
	}
	return out
}
