package admin

import (
	"net/http"
	"strconv"
	"strings"

	"pforte/internal/contact"
	"pforte/internal/i18n"
)

// grantedMessage is the message after a bulk grant (companyGrant), from what the
// redirect carries: how many got access, how many had it, and the memberships whose
// contact got no new invitation because one went out moments ago. Those are named
// from the company's own memberships (ms), so an id of another company names nobody.
// notice is set when nobody was granted: a pause is no success. ok is false when the
// address carries no bulk grant's result.
func grantedMessage(r *http.Request, ms []contact.Membership) (text string, notice, ok bool) {
	granted, had, ok := grantedFlash(r)
	if !ok {
		return "", false, false
	}
	ctx := r.Context()
	var names []string
	for _, raw := range r.URL.Query()["paused"] {
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			continue
		}
		for _, m := range ms {
			if m.ID == id {
				names = append(names, m.ContactName)
			}
		}
	}
	var parts []string
	if granted > 0 || len(names) == 0 {
		id := "admin.members.granted_count"
		if had > 0 {
			id = "admin.members.granted_count_had"
		}
		parts = append(parts, i18n.T(ctx, id, map[string]any{"Granted": granted, "Had": had}))
	} else if had > 0 {
		parts = append(parts, i18n.From(ctx).N("tback_fix.grant.had", had, nil))
	}
	if len(names) > 0 {
		parts = append(parts, i18n.From(ctx).N("tback_fix.grant.paused", len(names), map[string]any{"Names": strings.Join(names, ", ")}))
	}
	return strings.Join(parts, " "), granted == 0, true
}
