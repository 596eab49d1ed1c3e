package web

import "net/http"

// ExportPage answers a GET of an export that is a POST: a download that writes an audit
// entry must not be started by another site (http.CrossOriginProtection checks unsafe
// methods only) nor by a prefetch. A bookmark or an old link leads to the page offering
// the export, with the same filter; the query goes after a fixed path, so it cannot lead
// off the site.
func ExportPage(page string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		to := page
		if r.URL.RawQuery != "" {
			to += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, to, http.StatusSeeOther)
	}
}
