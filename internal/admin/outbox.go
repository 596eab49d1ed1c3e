package admin

import (
	"context"
	"net/http"
	"strings"

	"pforte/internal/i18n"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/web"
)

// outboxList shows the tenant's mails, newest first, paged by id like the audit log,
// narrowed by the filter (search text, state, ticket), which the pager's links keep.
// Without SMTP this is where an admin finds the invitation links that were "sent".
func (a *Admin) outboxList(w http.ResponseWriter, r *http.Request, v *visit) {
	before := keysetBefore(r)
	oq := outboxFilter(r)
	page, err := outbox.Search(r.Context(), a.env.DB, v.P.TenantID, oq.Filter, before, v.Member.IsAdmin(), web.PerPage)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	tries, err := outbox.Deliveries(r.Context(), a.env.DB, v.P.TenantID, page.Mails)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	// Admins are offered "Don't send any" while mails wait since a restore; agents
	// see each held mail's state in the list.
	held := 0
	if v.Member.IsAdmin() {
		var err error
		if held, err = outbox.HeldCount(r.Context(), a.env.DB, v.P.TenantID); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	web.Render(w, r, http.StatusOK, outboxPage(v.chrome(r, "admin.outbox.title"), oq, page, tries, before > 0, held))
}

// mailLinks lists the web links in a mail's text part, so an invitation can be opened
// from the outbox when no mail server delivers it. They are found as a ticket message's
// links are (web.TextLinks): "The portal is at https://x.de." lists the address
// without the sentence's full stop. A link whose token is masked (an agent's view) is
// left out: it leads nowhere.
func mailLinks(text string) []string {
	var out []string
	for _, l := range web.TextLinks(text, 20) {
		if !strings.Contains(l, outbox.Masked) {
			out = append(out, l)
		}
	}
	return out
}

// mailState is the state to show: a "sent" mail that went to the file store was stored,
// not sent anywhere; a queued one whose delivery d is held (restored from a backup)
// waits for an admin.
func mailState(m outbox.Mail, d outbox.Delivery) string {
	if m.State == "sent" && m.Stored != mail.StoredSMTP && m.Purged.IsZero() { // an emptied mail's file is gone
		return "stored"
	}
	if m.State == "queued" && d.Held {
		return "held"
	}
	return m.State
}

// mailBadge is the CSS class of a mail state's badge.
func mailBadge(state string) string {
	switch state {
	case "sent", "stored":
		return "badge ok"
	case "queued", "held":
		return "badge warn"
	case "failed":
		return "badge danger"
	}
	return "badge muted"
}

// outboxSubject keeps a mail without subject clickable and visible.
func outboxSubject(ctx context.Context, s string) string {
	if strings.TrimSpace(s) == "" {
		return i18n.T(ctx, "admin.outbox.no_subject")
	}
	return s
}
