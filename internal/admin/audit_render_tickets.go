package admin

import (
	"regexp"
	"strings"
	"time"

	"pforte/internal/i18n"
	"pforte/internal/ticket"
)

var (
	// "#12 “Printer”, time of Anna on 2026-11-20: 30 → 45 min, billable true → false"
	detailTime = regexp.MustCompile(`^#(\d+) “(.*)”, time of (.*) on (\d{4}-\d{2}-\d{2}): (\d+) → (\d+) min(?:, billable (true|false) → (true|false))?$`)
	// "Kunde AG: 2026-01-01 – 2026-01-31" (the company only for a contact's export)
	detailPeriod = regexp.MustCompile(`^(?:(.*): )?(\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2})$`)
	// `#12 · company:7 · "Printer down" · "Kunde AG" · "anna@kunde.test" (new contact)` (audit.InboxCreatedTarget)
	detailInboxCreated = regexp.MustCompile(`^#(\d+) · company:(\d+) · (.*?)( \(new contact\))?$`)
	// "#12 Printer down: Kunde AG, anna@kunde.test (new contact)", as entries were
	// written before; the address, without spaces, ends the entry.
	detailInboxCreatedOld = regexp.MustCompile(`^#(\d+) (.*), (\S+@\S+)( \(new contact\))?$`)
	// "anna@kunde.test → #12 Printer down (reply)": the address has no spaces, so the
	// first " → #" follows it whatever the title (a mail's subject) holds.
	detailInboxAttached = regexp.MustCompile(`^(\S+@\S+) → #(\d+) (.*) \((reply|internal note)\)$`)
	// "#5 anna@kunde.test"
	detailMail = regexp.MustCompile(`^#(\d+) (.*)$`)
)

// fmtTime: time logged on a ticket changed or deleted (to 0 minutes).
func fmtTime(d *detailCtx, s string) []detailPart {
	m := detailTime.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	out := d.t("audit_details.time", map[string]any{"Ticket": d.link("ticket", m[1], "#"+m[1], false), "Title": m[2],
		"Name": m[3], "Date": detailDate(d, m[4]), "From": m[5], "To": m[6]})
	if m[7] != "" {
		out = append(out, d.t("audit_details.time_billable", map[string]any{"From": d.w("audit_details.yes_" + m[7]),
			"To": d.w("audit_details.yes_" + m[8])})...)
	}
	return out
}

// detailDate writes a day of the form 2006-01-02 as the reader's language does.
func detailDate(d *detailCtx, s string) string {
	t, err := time.Parse(ticket.TimeDateLayout, s)
	if err != nil {
		return s
	}
	return i18n.From(d.ctx).Date(t, time.UTC)
}

// fmtPeriod: the first and last day of an export, after the company for a contact's.
func fmtPeriod(d *detailCtx, s string) []detailPart {
	m := detailPeriod.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	out := d.t("audit_details.period", map[string]any{"From": detailDate(d, m[2]), "To": detailDate(d, m[3])})
	if m[1] != "" {
		return d.t("audit_details.about", map[string]any{"Record": d.company(m[1]), "Change": out})
	}
	return out
}

// fmtInboxCreated: a ticket made of an inbox mail, for a company by id.
func fmtInboxCreated(d *detailCtx, s string) []detailPart {
	if m := detailInboxCreated.FindStringSubmatch(s); m != nil {
		if v, ok := unquoteList(m[3], " · ", " · "); ok {
			return d.inboxCreated(m[1], v[0], d.link("company", m[2], v[1], false), v[2], m[4] != "")
		}
	}
	// An old entry: the subject (typed by customers) and the company's name (typed by
	// staff or by a registering customer) are told apart only when one ": " is there.
	m := detailInboxCreatedOld.FindStringSubmatch(s)
	if m == nil || strings.Count(m[2], ": ") != 1 {
		return nil
	}
	title, company, _ := strings.Cut(m[2], ": ")
	return d.inboxCreated(m[1], title, d.company(company), m[3], m[4] != "")
}

func (d *detailCtx) inboxCreated(id, title string, company detailPart, email string, newContact bool) []detailPart {
	out := d.t("audit_details.inbox_created", map[string]any{"Ticket": d.link("ticket", id, "#"+id, false), "Title": title,
		"Company": company, "Email": email})
	if newContact {
		out = append(out, detailPart{Text: " (" + d.w("audit_details.new_contact") + ")"})
	}
	return out
}

// fmtInboxAttached: an inbox mail added to a ticket as a reply or an internal note.
func fmtInboxAttached(d *detailCtx, s string) []detailPart {
	m := detailInboxAttached.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	return d.t("audit_details.inbox_"+strings.ReplaceAll(m[4], " ", "_"), map[string]any{"Email": m[1],
		"Ticket": d.link("ticket", m[2], "#"+m[2], false), "Title": m[3]})
}

// fmtMailRetried: a mail of the outbox made due again, by number and recipient.
func fmtMailRetried(d *detailCtx, s string) []detailPart {
	m := detailMail.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	return d.t("audit_details.mail_retried", map[string]any{"ID": m[1], "To": m[2]})
}
