package admin

import (
	"context"
	"testing"

	"pforte/internal/audit"
	"pforte/internal/i18n"
)

// The operator's actions of pforte staff-login are formats TestAuditDetailFormats
// walks: the staff member's address, linked to them in the staff list.
func init() {
	auditCases = append(auditCases,
		auditCase{audit.StaffLoginLinkIssued, "agent@service.test", 0, "[agent@service.test](/admin/staff#staff-3)"},
		auditCase{audit.StaffTwoFactorReset, "agent@service.test", 0, "[agent@service.test](/admin/staff#staff-3)"},
	)
}

// TestAuditOperatorActor: an entry written on the command line shows the command line
// and the system account in every language, never the raw "cli:" actor.
func TestAuditOperatorActor(t *testing.T) {
	e := audit.Entry{Actor: audit.Operator("root"), Action: audit.StaffLoginLinkIssued, Target: "agent@service.test"}
	for _, lang := range i18n.Languages {
		ctx := i18n.With(context.Background(), i18n.For(lang))
		row := auditRows(ctx, []audit.Entry{e}, nil, nil, [][]detailPart{nil})[0]
		if row.ActorEmail != "root" || row.ActorName == "" || row.ActorName == "staff_cli.audit.actor" ||
			row.ActorKind == "" || row.ActorKind == "staff_cli.audit.kind" {
			t.Errorf("%s: actor %q %q %q", lang, row.ActorName, row.ActorEmail, row.ActorKind)
		}
		if l := actionLabel(ctx, e.Action); l == e.Action {
			t.Errorf("%s: no label for %s", lang, e.Action)
		}
	}
}
