package audit_test

import (
	"testing"

	"pforte/internal/audit"
)

// TestTypedCannotPose: a typed login that looks like an actor id is quoted and no longer
// parses as a staff member or contact; an ordinary address stays as typed.
func TestTypedCannotPose(t *testing.T) {
	for _, s := range []string{"staff:1 admin@demo-service.de", "contact:7", "contact:7 x"} {
		if a := audit.ParseActor(audit.Typed(s)); a.Kind != "" || a.ID != 0 {
			t.Errorf("%q still reads as %s %d", s, a.Kind, a.ID)
		}
	}
	if got := audit.Typed("anna@kunde.test"); got != "anna@kunde.test" {
		t.Errorf("plain address changed: %q", got)
	}
	if a := audit.ParseActor("staff:3 boss@service.test"); a.Kind != "staff" || a.ID != 3 {
		t.Errorf("genuine actor: %+v", a)
	}
}
