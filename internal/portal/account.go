package portal

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/audit"
	"pforte/internal/contact"
	"pforte/internal/session"
	"pforte/internal/web"
)

// accountEvents is how many of the contact's own security events the page lists.
const accountEvents = 20

// account shows the contact's own details, their recent sign-ins and security events,
// and the download of their data.
func (p *Portal) account(w http.ResponseWriter, r *http.Request, v *visit) {
	p.renderAccount(w, r, v, detailsForm(v), http.StatusOK)
}

// detailsForm is the details form filled with the stored values.
func detailsForm(v *visit) web.Form {
	f := web.NewForm()
	f.Set("first_name", v.Contact.FirstName)
	f.Set("last_name", v.Contact.LastName)
	f.Set("phone", v.Contact.Phone)
	return f
}

func (p *Portal) renderAccount(w http.ResponseWriter, r *http.Request, v *visit, f web.Form, status int) {
	p.renderAccountPage(w, r, v, f, web.NewForm(), status)
}

// renderAccountPage shows the account page; f is the details form, tff the form of the
// two-factor section.
func (p *Portal) renderAccountPage(w http.ResponseWriter, r *http.Request, v *visit, f, tff web.Form, status int) {
	p.renderAccountForms(w, r, v, accountForms{details: f, twoFactor: tff}, status)
}

// accountForms are the account page's forms that can come back with what was typed;
// a zero Form is an empty one.
type accountForms struct {
	details, twoFactor, password web.Form
}

// renderAccountForms shows the account page with forms fs.
func (p *Portal) renderAccountForms(w http.ResponseWriter, r *http.Request, v *visit, fs accountForms, status int) {
	if fs.twoFactor.Values == nil {
		fs.twoFactor = web.NewForm()
	}
	if fs.password.Values == nil {
		fs.password = web.NewForm()
	}
	r, err := p.withPasskeys(r, v)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	events, err := audit.ForContact(r.Context(), p.env.DB, v.P.TenantID, v.P.ContactID, accountEvents)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	tf, err := p.loadTwoFactor(r, v, fs.twoFactor)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	sessions, err := session.ListActive(r.Context(), p.env.DB, sessionOwner(v), v.P.SessionID, p.env.Now())
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	dw, err := p.deleteWarningOf(r, v)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, status, accountPage(v.chrome(r, "account.title", "account"), v, fs.details, fs.password, events, tf, sessions, dw))
}

// accountDetails saves the contact's name and phone.
func (p *Portal) accountDetails(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	if f.Err == "" {
		err := p.svc.UpdateOwnDetails(r.Context(), v.P, f.Get("first_name"), f.Get("last_name"), f.Get("phone"), p.env.ClientIP(r))
		if errors.Is(err, contact.ErrChanged) || errors.Is(err, access.ErrAlreadyErased) {
			f.Err = "contact_erase.changed" // staff changed the address (or erased the account) meanwhile
		} else if err != nil && !f.Take(err) {
			p.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		p.renderAccount(w, r, v, f, http.StatusUnprocessableEntity)
		return
	}
	p.env.Flash(w, r, "account.saved", "/account")
}

// eventLabel is the message ID naming a security event in the contact's list. The
// audit log files every wrong password on an account form as a failed password change,
// with the form in the target; the contact is told which form it was, since "password
// change failed" alarms someone who never tried to change it.
func eventLabel(e audit.Entry) string {
	if e.Action == audit.PasswordChangeFailed && (e.Target == "twofactor_disable" || e.Target == "passkey") {
		return "security.event.wrong_password." + e.Target
	}
	return "audit.action." + e.Action
}
