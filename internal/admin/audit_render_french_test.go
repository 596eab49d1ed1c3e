package admin

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/audit"
	"pforte/internal/i18n"
)

// TestAuditDetailFrenchColon: details that pair a label with its value are written as
// French writes them, with a no-break space before the colon (they were glued with
// ": " in code, "Prénom: Ana → Anna").
func TestAuditDetailFrenchColon(t *testing.T) {
	ctx := i18n.With(context.Background(), i18n.For("fr"))
	for _, c := range []struct{ action, target string }{
		{audit.ContactChanged, "first_name: Ana → Anna; phone:  → 0711 1"},
		{audit.NotificationsChanged, "own tickets: on, followed: off, company's new tickets: on"},
		{audit.KBCategoryNames, "category:4 Printers (en Printers, fr Imprimantes)"},
		{audit.SettingsChanged, "helpdesk status Waiting (de Wartend, fr En attente)"},
	} {
		e := audit.Entry{Action: c.action, Target: c.target, At: auditAt}
		got := partsString(auditDetail(&detailCtx{ctx: ctx, e: e, found: auditFound}))
		if got == "" || strings.Contains(got, " :") || strings.Contains(strings.ReplaceAll(got, "\u00a0:", ""), ":") {
			t.Errorf("%s %q: %q, want each colon after a no-break space", c.action, c.target, got)
		}
	}
}
