package kb

import (
	"testing"

	"pforte/internal/words"
)

// TestSnippetLines: the blocks of an article's plain text (headings, table cells, list
// items) read apart in a result's snippet; a line that ends a sentence is followed by
// a space only; match markers do not hide a line's end.
func TestSnippetLines(t *testing.T) {
	md := "## Fehler\n\n| Meldung | Ursache | Lösung |\n|---|---|---|\n| Authentifizierung fehlgeschlagen | Passwort falsch | Neu setzen |\n\n- eins\n- zwei\n\nText hier.\nweiter\n\nEnde."
	want := "Fehler · Meldung · Ursache · Lösung · Authentifizierung fehlgeschlagen · Passwort falsch · Neu setzen · eins · zwei · Text hier. weiter · Ende."
	if got := snippetLines(Plain(md)); got != want {
		t.Errorf("\n got %q\nwant %q", got, want)
	}
	for in, want := range map[string]string{
		"one line": "one line",
		"…Ursache\n" + words.MarkOpen + "Lösung" + words.MarkClose + "\nAuth…": "…Ursache · " + words.MarkOpen + "Lösung" + words.MarkClose + " · Auth…",
		"Frage?" + words.MarkClose + "\n\nAntwort":                             "Frage?" + words.MarkClose + " Antwort",
		"\n\nvorne\n": "vorne",
		"שלום\nעולם":  "שלום · עולם",
	} {
		if got := snippetLines(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
	if got := string(words.Mark(snippetLines("a\n\x01b\x02 <c>"))); got != "a · <mark>b</mark> &lt;c&gt;" {
		t.Errorf("marked lines: %q", got)
	}
}
