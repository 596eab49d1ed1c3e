package cli

import (
	"bytes"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// `pforte demo --scale N` loads the demo tenant into an empty database, adds the
// tickets and prints a login; run again, it adds more to the same tenant.
func TestDemoScale(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		dsn, dir := testutil.DSN(t, e)
		t.Setenv("PFORTE_DATABASE_URL", dsn)
		for i, want := range []string{"anna@mueller-haustechnik.de", "Benchmark login:"} {
			var out, errOut bytes.Buffer
			if code := Run([]string{"pforte", "demo", "--data", dir, "--scale", "300"}, &out, &errOut); code != 0 {
				t.Fatalf("run %d: exit %d: %s", i, code, errOut.String())
			}
			for _, s := range []string{want, "300 tickets", "Benchmark ticket:"} {
				if !strings.Contains(out.String(), s) {
					t.Errorf("run %d: output lacks %q:\n%s", i, s, out.String())
				}
			}
		}
		var out, errOut bytes.Buffer
		if code := Run([]string{"pforte", "demo", "--data", dir, "--scale", "-1"}, &out, &errOut); code != 1 {
			t.Errorf("negative scale: exit %d", code)
		}
	})
}
