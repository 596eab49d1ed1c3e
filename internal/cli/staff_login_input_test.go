package cli

import (
	"bytes"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestStaffLoginWrongInput: two addresses, or a word that is no address, were answered
// "name the staff member's email address", as if none had been given; and a portal
// without any staff (its first administrator not yet created) pointed to the back
// office's staff list, which nobody can open yet. Each now says what is wrong.
func TestStaffLoginWrongInput(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		env.Tenant("Neu GmbH")
		t.Setenv("PFORTE_DATABASE_URL", env.DSN)
		for _, c := range []struct {
			args []string
			code int // 2: an argument it does not take
			want string
		}{
			{[]string{"a@neu.test", "b@neu.test"}, 2, "staff-login: name one staff member's email address, not 2 (a@neu.test b@neu.test)"},
			{[]string{"chefin"}, 1, `staff-login: "chefin" is not an email address`},
			{[]string{"chefin@neu.test"}, 1, "has no staff yet, so nobody to let in again: create the first administrator with the one-time link `pforte serve` prints"},
		} {
			var out, errOut bytes.Buffer
			code := Run(append([]string{"pforte", "staff-login", "--data", env.Data}, c.args...), &out, &errOut)
			if code != c.code || !strings.Contains(errOut.String(), c.want) {
				t.Errorf("staff-login %v: exit %d, printed %q, want %q", c.args, code, errOut.String(), c.want)
			}
		}
	})
}
