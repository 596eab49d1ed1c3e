package admin

import (
	"context"
	"testing"
	"time"

	"pforte/internal/audit"
	"pforte/internal/i18n"
)

// TestAuditDetailNewerRecords: a record created after an entry has the number the
// entry names only because the old one's id was reused (SQLite), so no kind of record
// is linked or named from such an entry; from a later entry it is.
func TestAuditDetailNewerRecords(t *testing.T) {
	ctx := i18n.With(context.Background(), i18n.For("en"))
	created := int64(2_000)
	found := map[auditRef]auditRecord{
		{Kind: "ticket", ID: 12}: {ID: 12, Name: "New", Created: created}, {Kind: "ticket", ID: 34}: {ID: 34, Name: "New too", Created: created},
		{Kind: "company", ID: 7}: {ID: 7, Name: "New AG", Created: created}, {Kind: "contact", ID: 9}: {ID: 9, Name: "New Person", Created: created},
		{Kind: "article", ID: 10}: {ID: 10, Name: "New title", Created: created}, {Kind: "download", ID: 5}: {ID: 5, Name: "New file", Created: created},
		{Kind: "staff", Key: "agent@service.test"}: {ID: 3, Name: "New agent", Created: created},
		{Kind: "merge", ID: 12}:                    {ID: 12, Into: 34, Company: 7, Created: created},
	}
	for _, c := range []struct {
		action, target string
		contactID      int64
		old, later     string
	}{
		{audit.KBPublished, "article:10 old-title", 0, "Article “old-title” (#10)", "Article “[New title](/admin/kb/articles/10)” (#10)"},
		{audit.DownloadUploaded, "download:5 Old (old.pdf)", 0, "Download “Old” (old.pdf)", "Download “[Old](/admin/downloads/files/5)” (old.pdf)"},
		{audit.CompanyTwoFactorChanged, "company:7 on", 0, "#7: two-factor authentication required", "[New AG](/admin/companies/7): two-factor authentication required"},
		{audit.AccessRevoked, "anna@kunde.test @ Kunde AG", 9, "anna@kunde.test at Kunde AG", "[anna@kunde.test](/admin/contacts/9) at Kunde AG"},
		{audit.StaffInvitationResent, "agent@service.test", 0, "agent@service.test", "[agent@service.test](/admin/staff#staff-3)"},
		{audit.TicketMerged, "#12 Printer → #34 Printer down (Kunde AG)", 0, "Ticket #12 “Printer” merged into #34 “Printer down” (Kunde AG)",
			"Ticket [#12](/admin/tickets/12) “Printer” merged into [#34](/admin/tickets/34) “Printer down” ([Kunde AG](/admin/companies/7))"},
	} {
		for _, at := range []int64{created - 1, created} {
			e := audit.Entry{Action: c.action, Target: c.target, ContactID: c.contactID, At: time.Unix(at, 0)}
			want := c.old
			if at >= created {
				want = c.later
			}
			if got := partsString(auditDetail(&detailCtx{ctx: ctx, e: e, found: found})); got != want {
				t.Errorf("%s %q at %d:\n got %q\nwant %q", c.action, c.target, at, got, want)
			}
		}
	}
}
