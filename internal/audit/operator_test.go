package audit_test

import (
	"testing"

	"pforte/internal/audit"
)

// TestOperatorActor: the command line's actor reads back with the system account, and a
// typed login cannot pose as it.
func TestOperatorActor(t *testing.T) {
	if a := audit.ParseActor(audit.Operator("root")); a.Kind != "cli" || a.Email != "root" {
		t.Errorf("operator reads as %+v", a)
	}
	if got := audit.Operator("Jane Doe"); got != "cli:Jane_Doe" {
		t.Errorf("account with a space: %q", got)
	}
	if a := audit.ParseActor(audit.Typed("cli:root")); a.Kind != "" {
		t.Errorf("a typed login poses as the command line: %+v", a)
	}
}
