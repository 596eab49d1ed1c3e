package words

import (
	"strings"
	"testing"
)

// TestSnippet: the piece starts shortly before the first matching word (by either
// spelling), marks every match in it, and ignores matches past its end.
func TestSnippet(t *testing.T) {
	plain := strings.Repeat("x ", 50) + "Wärme und Waerme " + strings.Repeat("y ", 2000) + "Wärme"
	want := "…" + strings.Repeat("x ", 20) + MarkOpen + "Wärme" + MarkClose + " und " + MarkOpen + "Waerme" + MarkClose +
		" " + strings.Repeat("y ", 51) + "y…"
	if got := Snippet(plain, []string{"waerme"}); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// No word matches (the title did): the text's beginning.
	if got := Snippet(plain, []string{"titel"}); got != strings.Repeat("x ", 50)+"Wärme und Waerme "+strings.Repeat("y ", 21)+"y…" {
		t.Errorf("no match: %q", got)
	}
}
