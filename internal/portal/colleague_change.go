package portal

import (
	"errors"
	"net/http"

	"pforte/internal/access"
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
	err := p.svc.ColleagueRole(r.Context(), v.P, v.actor(r, p.env), id, f.Get("role"))
	if ve := (validate.Errors{}); errors.As(err, &ve) && ve["role"].ID != "" {
		// Say which choice was wrong and that nothing changed: the generic "choose one
		// of the offered values" read like a confirmation on the colleagues page.
		p.env.Flash(w, r, "qafix.colleagues.role_unknown_failed", "/colleagues")
		return
	}
	p.colleagueDone(w, r, err, "colleagues.role_changed")
}

// colleagueRevoke withdraws a colleague's access to the active company.
func (p *Portal) colleagueRevoke(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		p.env.NotFound(w, r)
		return
	}
	invitation, err := p.svc.ColleagueRevoke(r.Context(), v.P, v.actor(r, p.env), id)
	msg := "colleagues.revoked"
	if invitation { // nobody had access yet: "access revoked" would read oddly
		msg = "colleagues.invitation_withdrawn"
	}
	p.colleagueDone(w, r, err, msg)
}

// colleagueDone answers a change: a flash for success and for refusals a person can
// understand, the 404 page for ids that are not theirs.
func (p *Portal) colleagueDone(w http.ResponseWriter, r *http.Request, err error, okMsg string) {
	var ve validate.Errors
	switch {
	case err == nil:
		p.env.Flash(w, r, okMsg, "/colleagues")
	case errors.Is(err, access.ErrSelf):
		p.env.Flash(w, r, "colleagues.self_failed", "/colleagues")
	case errors.Is(err, access.ErrResentRecently):
		p.env.Flash(w, r, "colleagues.resent_recently_failed", "/colleagues")
	case errors.As(err, &ve):
		p.env.Flash(w, r, "error.choice", "/colleagues")
	default:
		p.env.Fail(w, r, err)
	}
}
