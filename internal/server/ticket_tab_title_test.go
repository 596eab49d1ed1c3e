package server_test

import (
	"regexp"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

var titleRE = regexp.MustCompile(`<title>([^<]*)</title>`)

// TestTicketTabTitle: a ticket's page is titled "#<number> <subject> · <portal>" in the
// portal and the back office, so several open tickets can be told apart in the tabs; a
// long subject is cut, and the subject is escaped like any text.
func TestTicketTabTitle(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		alice := d.as("alice@alpha.test", "alice-password")
		agent := d.env.Client("desk.test")
		agent.AdminLogin("agent@desk.test", "agent-password")
		short := d.open(t, alice, "Drucker <druckt> nicht")
		long := d.open(t, alice, "Der Drucker im zweiten Stock druckt seit gestern Abend nur noch leere Seiten aus, bitte dringend ansehen")

		title := func(body string) string {
			t.Helper()
			m := titleRE.FindStringSubmatch(body)
			if m == nil {
				t.Fatalf("no title in %.300s", body)
			}
			return m[1]
		}
		for _, c := range []struct{ path, want string }{
			{"/tickets/" + itoa64(short), "#" + itoa64(short) + " Drucker &lt;druckt&gt; nicht · Desk"},
			{"/tickets/" + itoa64(long), "#" + itoa64(long) + " Der Drucker im zweiten Stock druckt seit gestern Abend nur… · Desk"},
		} {
			if got := title(alice.Get(c.path).Body); got != c.want {
				t.Errorf("portal %s: title %q, want %q", c.path, got, c.want)
			}
			// The back office's brand is "<tenant> · Back office" in the staff's language.
			if got := title(agent.Get("/admin" + c.path).Body); !strings.HasPrefix(got, strings.TrimSuffix(c.want, "Desk")+"Desk ·") {
				t.Errorf("back office %s: title %q, want %q…", c.path, got, c.want)
			}
		}
		// A refused reply shows the same page: the same title.
		if r := alice.PostMultipart("/tickets/"+itoa64(short)+"/reply", map[string]string{"body": ""}); !strings.HasPrefix(title(r.Body), "#"+itoa64(short)+" ") {
			t.Errorf("refused reply: %d title %q", r.Status, title(r.Body))
		}
	})
}
