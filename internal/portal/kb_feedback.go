package portal

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/kb"
	"pforte/internal/web"
)

// kbFeedback is the "Was this article helpful?" card under an article.
type kbFeedback struct {
	Slug     string
	Lang     string // the version asked for with ?lang= (a translation picked on the page), else ""
	LoggedIn bool
	Voted    *kb.Feedback // the contact's answer, if given
	Form     web.Form     // the comment form, with what was typed after an error
	Thanks   string       // message id of the thanks right after answering
	Help     kbHelp       // the way to a new ticket, offered after a "no" (kb_help.go)
}

func (fb kbFeedback) action() string {
	return "/kb/articles/" + fb.Slug + "/feedback" + fb.query() + "#feedback"
}

func (fb kbFeedback) loginURL() string {
	return "/login?next=" + url.QueryEscape("/kb/articles/"+fb.Slug+fb.query())
}

// query keeps the version the reader picked ("Also available in: English") across the
// answer: without it the thanks, or the form with an error, came back in the reader's
// own language, another text than the one they had just read and judged.
func (fb kbFeedback) query() string {
	if fb.Lang == "" {
		return ""
	}
	return "?lang=" + url.QueryEscape(fb.Lang)
}

// askedLang is the version ?lang= asks for, when it names a language at all.
func askedLang(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); i18n.Supported(l) {
		return l
	}
	return ""
}

// askComment: after a "no", or when the comment came back with an error.
func (fb kbFeedback) askComment() bool {
	return fb.Form.Errors["comment"].ID != "" || (fb.Voted != nil && !fb.Voted.Helpful)
}

// kbFeedbackOf builds the card for the article page; f is the submitted form after an
// error, else empty (then filled with the stored comment).
func (p *Portal) kbFeedbackOf(r *http.Request, rd *reader, pg kb.Page, f web.Form) (kbFeedback, error) {
	fb := kbFeedback{Slug: pg.Slug, Lang: askedLang(r), LoggedIn: rd.visit != nil, Form: f, Help: kbHelpOf(r, rd)}
	if rd.visit == nil {
		return fb, nil
	}
	// The answer's redirect scrolls to the card: the thanks stand there, not at the top
	// of the page where nobody would see them.
	if strings.HasPrefix(rd.visit.flash, "kb_feedback.thanks") {
		fb.Thanks, rd.visit.flash = rd.visit.flash, ""
	}
	mine, ok, err := kb.MyFeedback(r.Context(), p.env.DB, rd.V.TenantID, pg.ID, rd.visit.P.ContactID)
	if err != nil || !ok {
		return fb, err
	}
	fb.Voted = &mine
	if _, typed := f.Values["comment"]; !typed { // keep what was typed, else show what is stored
		fb.Form.Values = url.Values{}
		fb.Form.Set("comment", mine.Comment)
	}
	return fb, nil
}

// kbFeedbackSave stores a contact's answer under an article they may read (any other
// is a 404, also for visitors), then shows the article again with thanks. A form sent
// without login (a session that ended) gets the page that says so.
func (p *Portal) kbFeedbackSave(w http.ResponseWriter, r *http.Request, rd *reader) {
	ctx := r.Context()
	pg, err := kb.Read(ctx, p.env.DB, rd.V, r.PathValue("ref"), askedLang(r))
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	back := kbFeedback{Slug: pg.Slug, Lang: askedLang(r)}.query()
	if rd.visit == nil {
		p.env.SessionEnded(w, r, "/login", "/kb/articles/"+pg.Slug+back)
		return
	}
	f := web.ParseForm(w, r)
	answer := f.Get("helpful")
	var comment *string
	if _, ok := f.Values["comment"]; ok {
		// A browser sends a textarea's line breaks as CRLF but counts them as one
		// character against maxlength; the stored comment keeps plain line feeds.
		c := strings.ReplaceAll(f.Get("comment"), "\r\n", "\n")
		comment = &c
	}
	if f.Err == "" && answer != "yes" && answer != "no" {
		f.Err = "kb_feedback.error.choose"
	}
	if f.Err == "" && comment != nil && answer == "no" {
		f.Errors = kb.CheckComment(*comment)
	}
	if !f.Invalid() {
		err = kb.Vote(ctx, p.env.DB, rd.V, rd.visit.P.ContactID, pg.ID, answer == "yes", comment, p.env.Now())
	}
	switch {
	case f.Invalid(), f.Take(err):
		p.renderKBArticle(w, r, rd, pg, f, http.StatusUnprocessableEntity)
	case errors.Is(err, db.ErrNotFound):
		p.env.NotFound(w, r) // taken back or restricted since the page was read
	case err != nil:
		p.env.Fail(w, r, err)
	default:
		msg := "kb_feedback.thanks"
		switch {
		case answer == "no" && comment == nil:
			msg = "kb_feedback.thanks_no"
		case answer == "no":
			msg = "kb_feedback.thanks_comment"
		}
		p.env.Flash(w, r, msg, "/kb/articles/"+pg.Slug+back+"#feedback")
	}
}
