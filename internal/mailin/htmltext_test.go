package mailin

import "testing"

// TestHTMLToTextOutlookLines: Outlook writes each line as <p class=MsoNormal>, an empty
// line as one holding only &nbsp;; the text keeps those lines as they were typed, while
// ordinary paragraphs stay apart by an empty line.
func TestHTMLToTextOutlookLines(t *testing.T) {
	for _, c := range []struct{ name, html, want string }{
		{"outlook", `<div class=WordSection1><p class=MsoNormal>Hallo Team,<o:p></o:p></p>` +
			`<p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>der Drucker geht nicht.<o:p></o:p></p>` +
			`<p class=MsoNormal>Er zeigt E42.<o:p></o:p></p><p class="msoPlainText">Gruß Anna</p></div>`,
			"Hallo Team,\n\nder Drucker geht nicht.\nEr zeigt E42.\nGruß Anna"},
		{"paragraphs", `<p>Erster Absatz.</p><p class="note">Zweiter Absatz.</p>`, "Erster Absatz.\n\nZweiter Absatz."},
		{"br", `Zeile eins<br>Zeile zwei`, "Zeile eins\nZeile zwei"},
	} {
		if got := HTMLToText(c.html); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
