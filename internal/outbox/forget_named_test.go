package outbox

import "testing"

// TestNamedMask: an erased person's addresses are masked in any case, their names as
// whole words only (not inside a longer name, nor a double-barrelled one), escaped in
// HTML, and names too short to tell are left.
func TestNamedMask(t *testing.T) {
	p := Named{Addrs: []string{"uwe@alpha.test"}, Names: usableNames([]string{"Uwe Altmann", "", "Al", "Uwe Altmann", "Jörg O'Neill"}),
		Addr: "deleted-2@deleted.invalid", Name: "Gelöschter Kontakt #2"}
	if len(p.Names) != 2 {
		t.Fatalf("usable names: %q", p.Names)
	}
	for _, c := range []struct {
		in, want string
		html     bool
	}{
		{"Uwe Altmann <UWE@Alpha.test> schrieb", "Gelöschter Kontakt #2 <deleted-2@deleted.invalid> schrieb", false},
		{"Von Uwe Altmann, an Hanna Altmannsberger", "Von Gelöschter Kontakt #2, an Hanna Altmannsberger", false},
		{"Uwe Altmann-Berg, Hans-Uwe Altmann, XUwe Altmann", "Uwe Altmann-Berg, Hans-Uwe Altmann, XUwe Altmann", false},
		{"Ärger: Uwe Altmann.", "Ärger: Gelöschter Kontakt #2.", false},
		{"Al sagt: Jörg O'Neill", "Al sagt: Gelöschter Kontakt #2", false},
		{"<p>Jörg O&#39;Neill &amp; Uwe Altmann</p>", "<p>Gelöschter Kontakt #2 &amp; Gelöschter Kontakt #2</p>", true},
		{"<p>Jörg O'Neill</p>", "<p>Gelöschter Kontakt #2</p>", true},
		{"", "", false},
	} {
		if got := p.mask(c.in, c.html); got != c.want {
			t.Errorf("mask(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
