package portal

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/principal"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// colleagueRole changes a colleague's role in the active company. A membership of
// another company, or the main contact's own, is not theirs to change.
func (p *Portal) colleagueRole(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		p.env.NotFound(w, r)
		return
	}
	f := web.ParseForm(w, r)
	signedOut, err := p.svc.ColleagueRole(r.Context(), v.P, v.actor(r, p.env), id, f.Get("role"))
	if ve := (validate.Errors{}); errors.As(err, &ve) && ve["role"].ID != "" {
		// Say which choice was wrong and that nothing changed: the generic "choose one
		// of the offered values" read like a confirmation on the colleagues page.
		p.colleagueRefused(w, r, v, "qafix.colleagues.role_unknown_failed")
		return
	}
	msg := "colleagues.role_changed" // a promotion: the colleague stays signed in
	if signedOut {
		msg = "portalpolish.role_lowered"
	}
	p.colleagueDone(w, r, v, err, msg)
}

// colleagueDone answers a change: a flash for success and for a refusal the page
// offers the way to (sending an invitation again too soon), the page with the reason
// and 422 for a request the page never sends (one's own access, a role it does not
// offer), the 404 page for ids that are not theirs.
func (p *Portal) colleagueDone(w http.ResponseWriter, r *http.Request, v *visit, err error, okMsg string) {
	var ve validate.Errors
	switch {
	case err == nil:
		p.env.Flash(w, r, okMsg, "/colleagues")
	case errors.Is(err, access.ErrSelf):
		p.colleagueRefused(w, r, v, "colleagues.self_failed")
	case errors.Is(err, access.ErrResentRecently):
		p.env.Flash(w, r, "colleagues.resent_recently_failed", "/colleagues")
	case errors.As(err, &ve):
		p.colleagueRefused(w, r, v, "error.choice")
	default:
		p.env.Fail(w, r, err)
	}
}

// colleagueRefused shows the colleagues page with status 422 and why nothing changed,
// in the error flash at its top: the refused request came from no field of the page
// (the own row has no buttons, the role list offers only valid roles), so there is no
// field to put the message next to.
func (p *Portal) colleagueRefused(w http.ResponseWriter, r *http.Request, v *visit, msgID string) {
	c := v.chrome(r, "colleagues.title", "colleagues")
	c.SetFlash(r.Context(), msgID) // shown as an error: the ids name failures
	f := web.NewForm()
	f.Set("role", principal.RoleUser)
	p.renderColleaguesIn(w, r, v, c, f, web.NewForm(), http.StatusUnprocessableEntity)
}
