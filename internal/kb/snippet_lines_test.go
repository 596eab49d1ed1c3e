package kb

import "testing"

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
		"…Ursache\n" + markOpen + "Lösung" + markClose + "\nAuth…": "…Ursache · " + markOpen + "Lösung" + markClose + " · Auth…",
		"Frage?" + markClose + "\n\nAntwort":                       "Frage?" + markClose + " Antwort",
		"\n\nvorne\n":                                              "vorne",
		"שלום\nעולם":                                               "שלום · עולם",
	} {
		if got := snippetLines(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
	if got := string(markSnippet("a\n\x01b\x02 <c>")); got != "a · <mark>b</mark> &lt;c&gt;" {
		t.Errorf("markSnippet: %q", got)
	}
}
