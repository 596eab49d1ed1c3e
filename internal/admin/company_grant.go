package admin

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"pforte/internal/access"
	"pforte/internal/contact"
	"pforte/internal/principal"
	"pforte/internal/web"
)

// companyGrant grants portal access to several contacts of a company at once (the
// checked rows of the company page), each with its own invitation. Contacts who already
// have active access are left alone: the bulk action grants, it never changes a role
// (that is the row's own "change role"), so ticking a main contact by the way cannot
// demote them. Everything is checked before anything is granted — the role, every id,
// every email address — so a bad row stops the whole action, and the grants then run in
// one transaction, so nothing is left half done. The page after it says how many got
// access, how many already had it and who got no new invitation because one went out
// less than two minutes ago (access.ResendPause: the bulk grant would void its link,
// which the row's own "resend" refuses too). Rows with access have no box to tick;
// nothing ticked is said by the button.
func (a *Admin) companyGrant(w http.ResponseWriter, r *http.Request, v *visit) {
	co, ok := a.loadCompany(w, r, v)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	back := "/admin/companies/" + itoa(co.ID)
	if co.Archived() { // access waits for a restore (access.ErrCompanyArchived)
		a.env.FlashError(w, r, "company_archive.refused", back)
		return
	}
	ids := f.Values["membership_id"]
	if f.Err == "" && len(ids) == 0 {
		// Said by the button, the role kept: the flash at the top of a long list of
		// contacts went unseen.
		f.Errors.Add("membership_id", "desk_fixes.grant.none_ticked", nil)
		a.renderCompanyWith(w, r, v, co, companyForm(co), web.Form{}, f, http.StatusUnprocessableEntity)
		return
	}
	if f.Err != "" {
		a.env.Flash(w, r, f.Err, back)
		return
	}
	role := f.Get("role")
	if role != principal.RoleMain && role != principal.RoleUser {
		a.env.Flash(w, r, "admin.members.role_failed", back)
		return
	}
	var todo []contact.Membership
	seen, had := map[int64]bool{}, 0
	for _, raw := range ids {
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil || id <= 0 {
			a.env.NotFound(w, r)
			return
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		// Only memberships of this company: an id from elsewhere is a 404, as always.
		m, err := contact.GetMembership(r.Context(), a.env.DB, v.P.TenantID, id)
		if err != nil || m.CompanyID != co.ID {
			a.env.NotFound(w, r)
			return
		}
		active, err := a.hasActiveAccess(r, v, m)
		if err != nil {
			a.env.Fail(w, r, err)
			return
		}
		switch {
		case active:
			had++
		case m.Email == "" || access.IsDeletedEmail(m.Email): // no address, or an erased contact
			a.env.Flash(w, r, "admin.members.grant_some_failed", back)
			return
		default:
			todo = append(todo, m)
		}
	}
	if len(todo) == 0 {
		a.env.FlashInfo(w, r, "admin.members.bulk_all_had", back)
		return
	}
	paused, err := a.svc.GrantAll(r.Context(), v.Tenant, v.actor(r, a.env), todo, role, a.env.Origin(r))
	if errors.Is(err, access.ErrCompanyArchived) { // archived since the check above
		a.env.FlashError(w, r, "company_archive.refused", back)
		return
	}
	if errors.Is(err, access.ErrAlreadyErased) { // erased since the check above
		a.env.Flash(w, r, "admin.members.grant_some_failed", back)
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.WakeWorker()
	q := url.Values{"granted": {strconv.Itoa(len(todo) - len(paused))}, "had": {strconv.Itoa(had)}}
	for _, m := range paused { // named on the page (grantedMessage)
		q.Add("paused", itoa(m.ID))
	}
	http.Redirect(w, r, back+"?"+q.Encode(), http.StatusSeeOther)
}

// tickable reports whether the bulk grant offers m's row: not while it has access, nor
// while the company is archived (access waits for a restore), nor for an erased contact.
func tickable(m memberRow) bool {
	return m.State != contact.AccessActive && !m.CompanyArchived && !access.IsDeletedEmail(m.Email)
}

// anyTickable reports whether any row can be ticked, so the bulk grant has a use.
func anyTickable(rows []memberRow) bool {
	for _, m := range rows {
		if tickable(m) {
			return true
		}
	}
	return false
}

// hasActiveAccess reports whether m's contact can already sign in to m's company: the
// case in which access.Service.Grant changes the role instead of inviting.
func (a *Admin) hasActiveAccess(r *http.Request, v *visit, m contact.Membership) (bool, error) {
	if m.Access != contact.AccessActive {
		return false, nil
	}
	ct, err := contact.Get(r.Context(), a.env.DB, v.P.TenantID, m.ContactID)
	if err != nil {
		return false, err
	}
	return ct.PasswordHash != "", nil
}

// grantedFlash is the message after a bulk grant, from the counts the redirect carries
// (a flash holds a message id only). Numbers alone cannot mislead anybody, so taking
// them from the address is harmless.
func grantedFlash(r *http.Request) (granted, had int, ok bool) {
	q := r.URL.Query()
	g, err1 := strconv.Atoi(q.Get("granted"))
	h, err2 := strconv.Atoi(q.Get("had"))
	if err1 != nil || err2 != nil || g < 0 || h < 0 {
		return 0, 0, false
	}
	return g, h, true
}
