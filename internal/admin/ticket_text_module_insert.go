package admin

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"pforte/internal/db"
	"pforte/internal/textmodule"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketTextModuleInsert is the same without script: the reply form's "Insert" button
// sends the whole form here, and the page comes back with the module appended to what
// was typed (which is kept, as are the other fields). The files the form carries, kept
// ones and those chosen now, are kept as staged uploads (ticket_staged.go) the way a
// refused send keeps them, so nothing has to be chosen again.
func (a *Admin) ticketTextModuleInsert(w http.ResponseWriter, r *http.Request, v *visit) {
	t, rules, f, ok := a.replyForm(w, r, v)
	if !ok {
		return
	}
	id := t.ID
	if f.Err == "" {
		if err := a.keepChosenFiles(r, stagedOwner(v, id), &f, rules.UploadLimit()); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	status := http.StatusOK
	if f.Errors["files"].ID != "" { // the module goes in all the same; the field says what to choose again
		status = http.StatusUnprocessableEntity
	}
	if f.Err != "" {
		status = http.StatusUnprocessableEntity
	} else if mid, err := strconv.ParseInt(f.Get("module"), 10, 64); err != nil || mid <= 0 {
		f.Errors.Add("module", "text_modules.error.choose", nil)
		status = http.StatusUnprocessableEntity
	} else {
		text, err := a.renderTextModule(r, v, t, mid)
		switch {
		case errors.Is(err, db.ErrNotFound): // deactivated or deleted meanwhile: keep what was typed
			f.Errors.Add("module", "text_modules.error.gone", nil)
			status = http.StatusUnprocessableEntity
		case err != nil:
			a.env.Fail(w, r, err)
			return
		default:
			typed := strings.ReplaceAll(f.Raw("body"), "\r\n", "\n")
			f.Set("body", textmodule.Append(typed, text))
			f.Set("module", "")
			f.Set("inserted", "1")
		}
	}
	a.renderTicket(w, r, v, ticketForms{Reply: f}, status)
}

// keepChosenFiles keeps the files of a reply form that is shown again rather than
// sent: "Remove" ticks take effect, the files listed stay listed, and new ones join
// them unless they break the limits (their field error says so, and they are dropped).
func (a *Admin) keepChosenFiles(r *http.Request, o ticket.StagedOwner, f *web.Form, limit int64) error {
	ctx := r.Context()
	staged, _, err := a.env.KeptFiles(ctx, o, f)
	if err != nil {
		return err
	}
	ups := a.env.SaveUploads(r, f, "files", limit)
	web.CheckKeptLimits(f, staged, ups, limit)
	return a.env.KeepRefused(ctx, o, f, staged, ups)
}
