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
}
