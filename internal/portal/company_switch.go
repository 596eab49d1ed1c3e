package portal

import (
	"context"
	"errors"
	"net/http"
	"path"
	"strconv"
	"strings"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/web"
)

// switchedFlash is the flash after switching to the company of a record; it names the
// company the page is in now (visit.chrome).
const switchedFlash = "portalfix.switched_to"

// switchKind is a kind of record a link may point at in another of the contact's
// companies: a contact in several companies follows a mail about a ticket or a new
// download of company A while working for B.
type switchKind struct {
	base    string // the record's address without its id: "/tickets"
	area    string // the navigation area the question page belongs to
	title   string // message id of the question page's title
	belongs string // message id of the question ({{.Name}}, {{.Company}})
	back    string // where "Stay here" leads
	// page: after the switch a download of the record opens its page instead, where
	// the notice of the switch can be read (a file sent at once leaves the question
	// page standing, naming the old company).
	page bool
	// name answers how the record is called when the contact, acting as there, may see
	// it, and db.ErrNotFound when they may not.
	name func(r *http.Request, there principal.Contact, id int64) (string, error)
}

// otherCompany finds another of the contact's companies (active access) in which they
// may see record id of kind k, with the rules of that company and their role there.
// ok is false when there is none.
func (p *Portal) otherCompany(r *http.Request, v *visit, k switchKind, id int64) (m contact.Membership, name string, ok bool, err error) {
	for _, m := range v.Companies {
		if m.CompanyID == v.P.CompanyID {
			continue
		}
		there := v.P
		there.CompanyID, there.Role = m.CompanyID, m.Role
		name, err := k.name(r, there, id)
		if errors.Is(err, db.ErrNotFound) {
			continue
		} else if err != nil {
			return m, "", false, err
		}
		return m, name, true, nil
	}
	return contact.Membership{}, "", false, nil
}

// offerSwitch handles a link to a record that is not in the active company. If the
// contact may see it in another of their companies, a GET (or HEAD) answers with a page
// that names the company and asks whether to switch to it, by a button that posts
// (switchTo): a link — prefetched by a mail scanner, opened in a second tab — never
// changes which company the session works for. A form sent to the address stays a 404:
// it must never land in another company than the one its page was shown in. A staff
// preview stays in the company being previewed. It reports whether it answered.
func (p *Portal) offerSwitch(w http.ResponseWriter, r *http.Request, v *visit, k switchKind, id int64) (bool, error) {
	if (r.Method != http.MethodGet && r.Method != http.MethodHead) || v.Preview.ID != 0 {
		return false, nil
	}
	m, name, ok, err := p.otherCompany(r, v, k, id)
	if !ok || err != nil {
		return false, err
	}
	web.Render(w, r, http.StatusOK, switchPage(v.chrome(r, k.title, k.area), switchView{
		Kind: k, ID: id, Name: name, Company: m.CompanyName, CompanyID: m.CompanyID,
		Next: r.URL.Path, Current: v.Company.CompanyName}))
	return true, nil
}

// loadOrOffer loads record {id} of the path with load for the active company. One
// the contact may see in another of their companies is answered, on a GET, with the
// question whether to switch there (offerSwitch); anything else is a 404. ok is false
// when the answer has been written.
func loadOrOffer[T any](p *Portal, w http.ResponseWriter, r *http.Request, v *visit, k switchKind,
	load func(ctx context.Context, q db.Querier, pc principal.Contact, id int64) (T, error)) (rec T, ok bool) {
	id, ok := web.ID(r, "id")
	if !ok {
		p.env.NotFound(w, r)
		return rec, false
	}
	rec, err := load(r.Context(), p.env.DB, v.P, id)
	if errors.Is(err, db.ErrNotFound) {
		if done, serr := p.offerSwitch(w, r, v, k, id); done {
			return rec, false
		} else if serr != nil {
			err = serr
		}
	}
	if err != nil {
		p.env.Fail(w, r, err)
		return rec, false
	}
	return rec, true
}

// switchView is what the switch question shows.
type switchView struct {
	Kind             switchKind
	ID               int64
	Name             string // the record as its pages call it: "#12", a file's title
	Company, Current string // the record's company, the one the contact works for now
	CompanyID        int64
	Next             string // the address that was asked for, opened after the switch
}

// switchTo switches to the company of record {id} of kind k (the form's company_id)
// when the contact has active access there and may see the record in it, then opens
// the address first asked for (the record or one of its parts) with a notice naming
// the company; already working there (a second click), it just opens it. Anything
// else is a 404 and switches nothing.
func (p *Portal) switchTo(k switchKind) handler {
	return func(w http.ResponseWriter, r *http.Request, v *visit) {
		id, ok := web.ID(r, "id")
		f := web.ParseForm(w, r)
		want, _ := parseID(f.Get("company_id"))
		if !ok || f.Err != "" {
			p.env.NotFound(w, r)
			return
		}
		if want == v.P.CompanyID { // a second click, or the question open in two tabs
			if _, err := k.name(r, v.P, id); err == nil {
				http.Redirect(w, r, switchNext(k.base, id, f.Get("next")), http.StatusSeeOther)
				return
			} else if !errors.Is(err, db.ErrNotFound) {
				p.env.Fail(w, r, err)
				return
			}
		}
		m, _, found, err := p.otherCompany(r, v, k, id)
		if err != nil {
			p.env.Fail(w, r, err)
			return
		}
		if !found || m.CompanyID != want {
			p.env.NotFound(w, r)
			return
		}
		if err := p.svc.SwitchCompany(r.Context(), v.P, m.CompanyID); err != nil {
			p.env.Fail(w, r, err)
			return
		}
		next := switchNext(k.base, id, f.Get("next"))
		if k.page && strings.HasSuffix(next, "/download") {
			next = strings.TrimSuffix(next, "/download")
		}
		p.env.Flash(w, r, switchedFlash, next)
	}
}

// switchNext is where the switch leads: next when it is an address of record id under
// base (the record itself or one of its parts), else the record; never elsewhere, so
// the form cannot be made to redirect off the portal.
func switchNext(base string, id int64, next string) string {
	own := base + "/" + strconv.FormatInt(id, 10)
	if next == own || (strings.HasPrefix(next, own+"/") && !strings.ContainsAny(next, "\\?#") && !strings.Contains(next, "//") &&
		strings.HasPrefix(path.Clean(next), own+"/")) { // no "/tickets/5/../../settings"
		return next
	}
	return own
}
