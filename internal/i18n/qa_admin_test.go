package i18n

import "testing"

// TestPercentSign: English, Dutch and Portuguese write the percent sign right after
// the number ("93%"), German and French with a space ("93 %"); the English back
// office showed "100 % good ratings" and "90 % within".
func TestPercentSign(t *testing.T) {
	for _, c := range []struct{ lang, id, want string }{
		{"en", "reports.percent", "93%"},
		{"en", "reports.p90", "90% within"},
		{"en", "ticket_rating.dashboard.share", "100% good ratings"},
		{"en", "kb_feedback.admin.percent", "50% found it helpful."},
		{"nl", "reports.percent", "93%"},
		{"pt", "reports.percent", "93%"},
		{"de", "reports.percent", "93 %"},
	} {
		data := map[string]any{"Value": "93", "Percent": "100"}
		if c.id == "kb_feedback.admin.percent" {
			data["Percent"] = "50"
		}
		if got := For(c.lang).T(c.id, data); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.lang, c.id, got, c.want)
		}
	}
}
