package web

import "pforte/internal/ticket"

// FilesSent reports whether a form brought files along: new ones saved (ups), ones
// kept from a refused send (kept), or ones refused just now (an error on "files").
// A ticket reply needs its text only when it brings no file: a screenshot alone is an
// answer, and a refused file is the one error worth telling then, not a missing text.
func FilesSent(f Form, kept []ticket.Staged, ups []Upload) bool {
	return len(kept)+len(ups) > 0 || f.Errors["files"].ID != ""
}
