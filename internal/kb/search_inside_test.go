package kb

import (
	"strings"
	"testing"

	"pforte/internal/words"
)

// TestInsideSnippet: the snippet of an inside match marks the term where it stands in
// the longer word, keeps the text's own capitals, cuts long text around the first
// match, and escapes whatever the article says.
func TestInsideSnippet(t *testing.T) {
	got := string(words.Mark(insideSnippet("Den Multifunktionsdrucker <b>neu</b> starten.", []string{"druck"})))
	if want := "Den Multifunktions<mark>druck</mark>er &lt;b&gt;neu&lt;/b&gt; starten."; got != want {
		t.Errorf("snippet %q, want %q", got, want)
	}
	long := strings.Repeat("Füllwort ", 40) + "Einmalpasswort eingeben" + strings.Repeat(" Ende", 40)
	got = string(words.Mark(insideSnippet(long, []string{"passwort", "eingeb"})))
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") ||
		!strings.Contains(got, "Einmal<mark>passwort</mark> <mark>eingeb</mark>en") {
		t.Errorf("long snippet %q", got)
	}
	// "two" in "An|two|rten" is no match (insidePart): neither marked nor where the
	// snippet starts.
	got = string(words.Mark(insideSnippet(strings.Repeat("Antworten ", 10)+"Sie mit Netzwerk two-factor", []string{"two", "werk"})))
	if !strings.Contains(got, "Netz<mark>werk</mark> <mark>two</mark>-factor") || strings.Contains(got, "An<mark>") {
		t.Errorf("snippet %q marks a syllable", got)
	}
}

// TestInsidePart: a term counts at a word's beginning, after a first part of three
// letters or more, or after a short prefix when it ends the word but for an ending;
// Thai and Hebrew terms count anywhere.
func TestInsidePart(t *testing.T) {
	for _, c := range []struct {
		text, term string
		want       bool
	}{
		{"bitte antworten sie", "two", false},
		{"the network", "two", false},
		{"two factor", "two", true},
		{"netzwerkdrucker", "drucker", true},
		{"einmalpasswort", "passwort", true},
		{"antworten a two", "two", true}, // a later occurrence counts
		{"invoice", "voice", false},
		{"zur anmeldung", "meldung", true}, // a short prefix: the term ends the word
		{"abrechnungen", "rechnung", true}, // … but for an ending
		{"die email", "mail", true},
		{"anmeldungsformular", "meldung", false},
		{"umweltschutz", "welt", false},
		{"למשאבה", "משאבה", true},
		{"เปลี่ยนคอมเพรสเซอร์", "เพรส", true},
	} {
		if got := insideAll(c.text, []string{c.term}); got != c.want {
			t.Errorf("insideAll(%q, %q) = %v, want %v", c.text, c.term, got, c.want)
		}
	}
}
