package portal

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"pforte/internal/access"
	"pforte/internal/company"
	"pforte/internal/inbox"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// registrationRow is an open self-registration a main contact may decide on.
type registrationRow struct {
	inbox.Item
	access.RegistrationPayload
}

// mainDecider is the main contact deciding on registrations for their active company:
// only into that company, only for its email domains. ok is false when the tenant does
// not let main contacts approve.
func (p *Portal) mainDecider(ctx context.Context, r *http.Request, v *visit) (d access.Decider, ok bool, err error) {
	if !v.Tenant.Has(tenant.FeatureRegistration) || !v.Tenant.Has(tenant.FeatureMainApproves) || !v.P.IsMain() {
		return d, false, nil
	}
	co, err := company.Get(ctx, p.env.DB, v.P.TenantID, v.P.CompanyID)
	if err != nil {
		return d, false, err
	}
	name := v.Contact.Name() + " <" + v.Contact.Email + "> · " + co.Name
	return access.Decider{Actor: v.actor(r, p.env), By: inbox.By{ContactID: v.Contact.ID, Name: name},
		Company: co.ID, Domains: co.Domains()}, true, nil
}

// colleagueRegistrations lists the open registrations of the main contact's domains.
func (p *Portal) colleagueRegistrations(ctx context.Context, r *http.Request, v *visit) ([]registrationRow, error) {
	d, ok, err := p.mainDecider(ctx, r, v)
	if err != nil || !ok {
		return nil, err
	}
	items, err := inbox.OpenForDomains(ctx, p.env.DB, v.P.TenantID, inbox.KindRegistration, d.Domains)
	if err != nil {
		return nil, err
	}
	rows := make([]registrationRow, len(items))
	for i, it := range items {
		rows[i].Item = it
		if err := it.Decode(&rows[i].RegistrationPayload); err != nil {
			return nil, err
		}
	}
	return rows, nil
}

// registrationApprove lets a main contact approve a registration into their company.
func (p *Portal) registrationApprove(w http.ResponseWriter, r *http.Request, v *visit) {
	p.registrationDecide(w, r, v, func(d access.Decider, id int64, f web.Form) error {
		return p.svc.ApproveRegistration(r.Context(), v.Tenant, d, id, v.P.CompanyID, f.Get("role"), p.env.Origin(r))
	}, "colleagues.registration_approved")
}

// registrationDecide runs a decision: an item that is not the main contact's to decide
// on is the 404 page; a field error shows next to the item's form, with what was typed.
func (p *Portal) registrationDecide(w http.ResponseWriter, r *http.Request, v *visit,
	decide func(access.Decider, int64, web.Form) error, okMsg string) {
	d, ok, err := p.mainDecider(r.Context(), r, v)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	id, idOK := web.ID(r, "id")
	if !ok || !idOK {
		p.env.NotFound(w, r)
		return
	}
	f := web.ParseForm(w, r)
	if f.Err == "" {
		err = decide(d, id, f)
		switch {
		case errors.Is(err, inbox.ErrHandled):
			p.env.Flash(w, r, "inbox.already_handled_failed", "/colleagues")
			return
		case err != nil && !f.Take(err):
			p.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		f.Set("item", strconv.FormatInt(id, 10))
		p.renderColleaguesWith(w, r, v, web.NewForm(), f, http.StatusUnprocessableEntity)
		return
	}
	p.env.WakeWorker()
	p.env.Flash(w, r, okMsg, "/colleagues")
}
