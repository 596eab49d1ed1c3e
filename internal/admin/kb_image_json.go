package admin

import (
	"encoding/json"
	"net/http"
	"strings"

	"pforte/internal/kb"
	"pforte/internal/web"
)

// wantsJSON reports whether a script sent the request and reads the answer itself
// (kb-paste.js asks with Accept: application/json): it gets the image's Markdown or
// the refusal as JSON instead of the article's page, so the text typed in the editor
// stays where it is.
func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}

// imageAdded answers the script with the new image's Markdown, which it inserts at the
// cursor, and its id.
func imageAdded(w http.ResponseWriter, im kb.Image) {
	writeJSON(w, http.StatusOK, map[string]any{"markdown": im.Markdown(), "id": im.ID})
}

// uploadRefused answers the script with the refusal in the staff member's language
// (the image's field error, else the form's), shown next to the editor.
func uploadRefused(w http.ResponseWriter, r *http.Request, up web.Form) {
	msg := up.Error(r.Context(), "image")
	if msg == "" {
		msg = up.ErrText(r.Context())
	}
	writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": msg})
}

// writeJSON sends v as a JSON document with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, _ := json.Marshal(v)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
}
