package admin

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/audit"
	"pforte/internal/i18n"
)

// TestAuditCompaniesLanguages: an entry of companies ticked and unticked for an
// article reads in each language, in that language's words for "added" and "removed"
// (singular for one company), the companies by the names they had, the one still in
// the tenant linked; written by audit.CompaniesChange, so what the call sites store is
// what the log reads.
func TestAuditCompaniesLanguages(t *testing.T) {
	before := []audit.ChosenCompany{{ID: 7, Name: "Kunde AG"}, {ID: 8, Name: "Alt \"Nord\" AG"}}
	after := []audit.ChosenCompany{{ID: 7, Name: "Kunde AG"}, {ID: 9, Name: "Zwei, Süd AG"}}
	target := "article:12 printer-setup" + audit.CompaniesChange(before, after)
	if audit.CompaniesChange(after, after) != "" {
		t.Errorf("an unchanged list is a change")
	}
	found := map[auditRef]auditRecord{{Kind: "article", ID: 12}: {ID: 12, Name: "Drucker einrichten"},
		{Kind: "company", ID: 9}: {ID: 9, Name: "Zwei, Süd AG"}}
	for _, lang := range i18n.Languages {
		ctx := i18n.With(context.Background(), i18n.For(lang))
		e := audit.Entry{Action: audit.KBCompaniesChanged, Target: target, At: auditAt}
		got := partsString(auditDetail(&detailCtx{ctx: ctx, e: e, found: found}))
		// One company each way: the singular form where a language has one.
		added := i18n.From(ctx).N("audit_details.companies_added", 1, map[string]any{"Companies": "[Zwei, Süd AG](/admin/companies/9)"})
		removed := i18n.From(ctx).N("audit_details.companies_removed", 1, map[string]any{"Companies": `Alt "Nord" AG`})
		if !strings.Contains(got, "[Drucker einrichten](/admin/kb/articles/12)") || !strings.Contains(got, added) ||
			!strings.Contains(got, removed) || strings.Contains(got, "Kunde AG") || strings.Contains(got, "company:") {
			t.Errorf("%s: %q, want the article, %q and %q", lang, got, added, removed)
		}
	}
}
