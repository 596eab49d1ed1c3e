package portal

import (
	"context"
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/contact"
	"pforte/internal/i18n"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// passwordLinkAnswered handles what setting a password through a link (invitation,
// reset) can end in besides success: the second step when an invitation's contact has
// two-factor sign-in (a reset asks for the code on its own form), a page for an expired, used
// or unknown link, or a server error. Form problems are put on f and false returned,
// so the caller shows the form again; true means the answer is written.
func (p *Portal) passwordLinkAnswered(w http.ResponseWriter, r *http.Request, f *web.Form, err error, title string) bool {
	if second := (*access.SecondFactorNeeded)(nil); errors.As(err, &second) {
		loginStep.Start(p.env, w, r, second.Challenge, "")
		return true
	}
	if msg := linkProblem(err, title); msg != "" {
		p.deadLinkPage(w, r, title, msg)
		return true
	}
	if err != nil && !f.Take(err) {
		p.env.Fail(w, r, err)
		return true
	}
	return false
}

// linkContact checks the password link of the URL with check (an invitation or a
// reset) and returns its contact; an expired, used or unknown link gets its page (410),
// anything else a server error, and false.
func (p *Portal) linkContact(w http.ResponseWriter, r *http.Request, title string,
	check func(ctx context.Context, tenantID int64, raw string) (contact.Contact, error)) (contact.Contact, bool) {
	ct, err := check(r.Context(), web.TenantFrom(r.Context()).ID, r.PathValue("token"))
	if msg := linkProblem(err, title); msg != "" {
		p.deadLinkPage(w, r, title, msg)
		return ct, false
	}
	if err != nil {
		p.env.Fail(w, r, err)
		return ct, false
	}
	return ct, true
}

// inLanguageOf shows a password link's page in the language of the contact it was
// mailed to, like the mail itself, rather than in the browser's: the link may be opened
// on a device set to another language. Without a setting the visitor's language stays.
func inLanguageOf(r *http.Request, ct contact.Contact) *http.Request {
	t := web.TenantFrom(r.Context())
	return r.WithContext(i18n.With(r.Context(), i18n.For(web.PersonLanguage(r, t, ct.Language))))
}

// linkProblem is web.LinkProblem for the page title: an invitation link that is "used"
// may also have been replaced by a newer one or withdrawn (both are stored as used),
// and its reader may have no password yet, so "sign in with your password" would
// mislead them.
func linkProblem(err error, title string) string {
	msg := web.LinkProblem(err)
	if msg == "link.used" && title == "invitation.title" {
		return "link.invitation_used"
	}
	return msg
}

// deadLinkPage answers a password link that does not work (410) with why, and the way
// on its kind offers: a new reset link where the tenant allows resets (an expired reset
// link is no invitation to ask anyone for), for an invitation who can send a new one.
func (p *Portal) deadLinkPage(w http.ResponseWriter, r *http.Request, title, msg string) {
	t := web.TenantFrom(r.Context())
	d := deadLink{Msg: msg}
	switch title {
	case "invitation.title":
		d.Resend, d.Portal = true, t.TitleIn(i18n.From(r.Context()).Lang)
		// The resend line names whom to ask; the reason must not say it a second time.
		switch msg {
		case "link.expired":
			d.Msg = "mailout.invitation_expired"
		case "link.invitation_used":
			d.Msg = "mailout.invitation_used"
		}
	case "reset.title":
		if msg == "link.expired" {
			d.Msg = "qa2_access.reset_expired"
		}
		d.NewLink = t.Has(tenant.FeaturePasswordReset)
	}
	web.Render(w, r, http.StatusGone, passwordLinkDeadPage(guestChrome(r, title), d))
}
