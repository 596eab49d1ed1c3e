package admin

import (
	"net/http"
	"strconv"
	"strings"

	"pforte/internal/access"
	"pforte/internal/company"
	"pforte/internal/inbox"
	"pforte/internal/principal"
	"pforte/internal/web"
)

// inboxCompanyChoices is how many companies the approve form offers at once; a search
// narrows them, so the page stays small with ten thousand companies.
const inboxCompanyChoices = 50

// inboxView is an item with its payload read for its kind and, for an open registration,
// the companies to choose from.
type inboxView struct {
	inbox.Item
	Registration access.RegistrationPayload
	Deleted      access.AccountDeletedPayload
	Mail         inbox.MailPayload
	Companies    []web.Choice
	Search       string
	// Rejecting: the form being answered is the reject form, so its errors are shown
	// there and not above the approve form (both share f).
	Rejecting bool
	// Posted is the form being answered ("approve", "approve-new", "ticket", "attach"…),
	// so its errors show there and not above the item's other forms.
	Posted string
	// Helpdesk: the tenant uses tickets, so a mail can become one.
	Helpdesk bool
	Sort     mailSort // an open mail's "create ticket" form
	// NewCompany: an open registration no company's domain matches may create its
	// company; DomainFree: with the person's email domain.
	NewCompany bool
	DomainFree bool
	// Known: the contact an open registration's address belongs to today, if any.
	Known knownPerson
	// Answer: a mail's answer to its sender and blocking them (inbox_answer.go).
	Answer mailAnswer
	// Reopen: whether a done item may be reopened, and who reopened it (inbox_reopen.go).
	Reopen inboxReopenInfo
}

func (a *Admin) inboxShow(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.NewForm()
	f.Set("role", principal.RoleUser)
	a.renderInboxItem(w, r, v, f, http.StatusOK)
}

// renderInboxItem shows an item; f is the approve/reject form (its "company_id" preset
// to the suggestion when empty).
func (a *Admin) renderInboxItem(w http.ResponseWriter, r *http.Request, v *visit, f web.Form, status int) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	ctx := r.Context()
	it, err := inbox.Get(ctx, a.env.DB, v.P.TenantID, id)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	iv := inboxView{Item: it, Search: r.URL.Query().Get("q"), Helpdesk: usesHelpdesk(v.Tenant)}
	if r.Method == http.MethodPost {
		iv.Posted = r.URL.Path[strings.LastIndexByte(r.URL.Path, '/')+1:]
		iv.Rejecting = iv.Posted == "reject"
	}
	switch it.Kind {
	case inbox.KindRegistration:
		err = it.Decode(&iv.Registration)
	case inbox.KindAccountDeleted:
		err = it.Decode(&iv.Deleted)
	case inbox.KindMail:
		err = it.Decode(&iv.Mail)
		if err == nil && iv.Mail.RawKey != "" && !a.env.Files.Has(iv.Mail.RawKey) {
			iv.Mail.RawKey = "" // gone under the retention rules: no download button to a 404
		}
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if iv.Reopen, err = a.inboxReopenOf(ctx, v.P.TenantID, it, iv.Mail); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if it.Kind == inbox.KindRegistration && it.Open() {
		// A company created (or given the domain) after the registration arrived is
		// suggested now; the stored suggestion is only what was known then.
		if it.SuggestedCompanyID == 0 {
			if co, err := company.LiveByDomain(ctx, a.env.DB, v.P.TenantID, inbox.DomainOf(iv.Registration.Email)); err == nil {
				it.SuggestedCompanyID, it.SuggestedName = co.ID, co.Name
				iv.Item = it
			}
		}
		if f.Get("company_id") == "" && it.SuggestedCompanyID > 0 {
			f.Set("company_id", strconv.FormatInt(it.SuggestedCompanyID, 10))
		}
		list, _, err := company.List(ctx, a.env.DB, v.P.TenantID, company.ListParams{Search: iv.Search, Limit: inboxCompanyChoices})
		if err != nil {
			a.env.Fail(w, r, err)
			return
		}
		iv.Companies = companyChoices(it, list, f.Get("company_id"))
		iv.NewCompany = it.SuggestedCompanyID == 0 || iv.Posted == "approve-new" // its errors show in it
		iv.DomainFree = a.domainFree(r, v, it.Domain)
		if iv.Known, err = a.knownByEmail(ctx, v.P.TenantID, iv.Registration.Email); err != nil {
			a.env.Fail(w, r, err)
			return
		}
		if r.Method != http.MethodPost {
			f.Set("company_name", iv.Registration.Company)
			if iv.DomainFree {
				f.Set("add_domain", "1")
			}
		}
	}
	if it.Kind == inbox.KindMail {
		if iv.Answer, err = a.mailAnswerOf(r, v, it, iv.Mail); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	if it.Kind == inbox.KindMail && it.Open() && iv.Mail.Answers > 0 && f.Get("ticket_id") == "" {
		f.Set("ticket_id", strconv.FormatInt(iv.Mail.Answers, 10)) // the ticket whose mail it answers
	}
	if it.Kind == inbox.KindMail && it.Open() && iv.Helpdesk {
		if iv.Sort, err = a.mailSortOf(r, v, it, iv.Mail, f); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	web.Render(w, r, status, inboxItemPage(v.chrome(r, "inbox.item_title"), iv, f))
}

// companyChoices puts the suggested company first, then the listed ones, with the chosen
// one selected; an empty first choice makes staff pick one when nothing is suggested.
func companyChoices(it inbox.Item, list []company.Company, chosen string) []web.Choice {
	out := []web.Choice{{Value: "", Label: "–"}}
	seen := map[int64]bool{}
	if it.SuggestedCompanyID > 0 {
		out = append(out, web.Choice{Value: strconv.FormatInt(it.SuggestedCompanyID, 10), Label: it.SuggestedName})
		seen[it.SuggestedCompanyID] = true
	}
	for _, c := range list {
		if !seen[c.ID] {
			out = append(out, web.Choice{Value: strconv.FormatInt(c.ID, 10), Label: c.Name})
		}
	}
	for i := range out {
		out[i].Selected = out[i].Value == chosen
	}
	return out
}

// orDash shows a missing value as a dash.
func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
