package kb

import (
	"strings"
	"testing"
)

// TestWordSnippet: the piece starts shortly before the first matching word (by either
// spelling), marks every match in it, and ignores matches past its end.
func TestWordSnippet(t *testing.T) {
	plain := strings.Repeat("x ", 50) + "Wärme und Waerme " + strings.Repeat("y ", 2000) + "Wärme"
	want := "…" + strings.Repeat("x ", 20) + markOpen + "Wärme" + markClose + " und " + markOpen + "Waerme" + markClose +
		" " + strings.Repeat("y ", 51) + "y…"
	if got := wordSnippet(plain, []string{"waerme"}); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// No word matches (the title did): the text's beginning.
	if got := wordSnippet(plain, []string{"titel"}); got != strings.Repeat("x ", 50)+"Wärme und Waerme "+strings.Repeat("y ", 21)+"y…" {
		t.Errorf("no match: %q", got)
	}
}
