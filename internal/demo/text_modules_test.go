package demo_test

import (
	"context"
	"testing"

	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/textmodule"
)

// TestDemoTextModules: the demo helpdesk has German and English text modules (each
// valid for the editor) and the demo agent signs replies.
func TestDemoTextModules(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		ten := loadDemo(t, d)
		en, err := textmodule.ForLanguage(ctx, d, ten.ID, "en")
		if err != nil || len(en) != 3 || en[0].Name != "Acknowledgement" {
			t.Fatalf("modules for English: %+v %v", en, err)
		}
		de, _ := textmodule.ForLanguage(ctx, d, ten.ID, "de")
		if de[0].Language != "de" || de[2].Language != "en" {
			t.Errorf("modules for German: %+v", de)
		}
		agent, err := staff.ByEmail(ctx, d, ten.ID, "agent@demo-service.de")
		if err != nil {
			t.Fatal(err)
		}
		if sig, err := staff.Signature(ctx, d, ten.ID, agent.ID); err != nil || sig == "" || staff.CheckSignature(sig).Any() {
			t.Errorf("agent signature %q %v", sig, err)
		}
	})
}
