package portal

import (
	"net/http"

	"pforte/internal/download"
	"pforte/internal/web"
)

// downloadSubscribe returns the handler that starts (on) or ends a subscription to a
// folder (folder true) or a file: the contact hears, for the company they act for, of
// new files in the folder and below it, or of new versions of the file. A folder or
// file the company may not see is a 404, as on its page. Without JavaScript the form
// posts and the page comes back with a message; with htmx only the button is swapped.
func (p *Portal) downloadSubscribe(folder, on bool) handler {
	return func(w http.ResponseWriter, r *http.Request, v *visit) {
		id, ok := web.ID(r, "id")
		if !ok {
			p.env.NotFound(w, r)
			return
		}
		t, page := download.Target{FileID: id}, "/downloads/files/"+itoa(id)
		if folder {
			t, page = download.Target{FolderID: id}, "/downloads/folders/"+itoa(id)
		}
		ctx := r.Context()
		var err error
		if on {
			err = download.Subscribe(ctx, p.env.DB, v.P, t, p.env.Now())
		} else {
			err = download.Unsubscribe(ctx, p.env.DB, v.P, t)
		}
		if err != nil {
			p.env.Fail(w, r, err)
			return
		}
		if r.Header.Get("HX-Request") == "true" {
			w.Header().Set("Vary", "HX-Request")
			web.Render(w, r, http.StatusOK, downloadSubscribeForm(t, on))
			return
		}
		msg := "download_notify.unsubscribed"
		if on {
			msg = "download_notify.subscribed"
		}
		p.env.Flash(w, r, msg, page)
	}
}
