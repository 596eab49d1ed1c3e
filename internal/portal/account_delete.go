package portal

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/web"
)

// deleteWarning is what "delete my account" warns of besides the loss itself: the
// companies whose only active main contact the contact is (nobody manages their
// colleagues afterwards) and the provider, who names another.
type deleteWarning struct {
	LastMain []access.LastMainCompany
	Portal   string
}

// deleteWarningOf reads the warning for v's contact.
func (p *Portal) deleteWarningOf(r *http.Request, v *visit) (deleteWarning, error) {
	last, err := p.svc.OnlyMainOf(r.Context(), v.P)
	return deleteWarning{LastMain: last, Portal: v.Tenant.Name}, err
}

// accountDelete anonymises the contact's own account after checking the password, and
// sends them to the login page; their sessions are gone. A wrong password shows the
// form again with the message.
func (p *Portal) accountDelete(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	if f.Err == "" {
		err := p.svc.DeleteOwnAccount(r.Context(), v.Tenant, v.P, f.Raw("delete_password"), p.env.ClientIP(r))
		// An admin erased the account while the password was checked: it is gone all
		// the same, which is what the contact asked for.
		if errors.Is(err, access.ErrAlreadyErased) {
			err = nil
		}
		if err != nil && !f.Take(err) {
			p.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		dw, err := p.deleteWarningOf(r, v)
		if err != nil {
			p.env.Fail(w, r, err)
			return
		}
		web.Render(w, r, http.StatusUnprocessableEntity, accountDeletePage(v.chrome(r, "account.delete_title", "account"), f, dw))
		return
	}
	p.env.ClearCookie(w, r, web.PortalCookie)
	// To #main, where the flash is: the form posted to #delete, which a redirect without
	// a fragment of its own would keep.
	p.env.Flash(w, r, "account.deleted", "/login#main")
}
