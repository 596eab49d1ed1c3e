package kb

import (
	"strings"
	"testing"
)

// TestMarkdownLiteralHTML: what Markdown takes for raw HTML is shown as typed, never as
// markup and never left out; the search text holds its words without the tags. HTML
// comments stay hidden, also from the search text. Task list boxes are drawn.
func TestMarkdownLiteralHTML(t *testing.T) {
	for _, c := range []struct {
		md         string
		html       []string // in the rendered HTML
		notHTML    []string
		plain      string
		notInPlain []string
	}{
		{md: "Geben Sie <Benutzername> und <Passwort> ein.",
			html:  []string{"<p>Geben Sie &lt;Benutzername&gt; und &lt;Passwort&gt; ein.</p>"},
			plain: "Geben Sie Benutzername und Passwort ein."},
		{md: "<div>Hallo</div>\n\nWeiter im Text.",
			html:  []string{"<p>&lt;div&gt;Hallo&lt;/div&gt;</p>", "<p>Weiter im Text.</p>"},
			plain: "Hallo\n\nWeiter im Text.", notInPlain: []string{"<", "div"}},
		{md: "<script>alert('x')</script>",
			html: []string{"&lt;script&gt;alert(", "&lt;/script&gt;"}, notHTML: []string{"<script"},
			plain: "alert('x')", notInPlain: []string{"script"}},
		{md: "<div>\nZeile eins\nZeile zwei\n</div>",
			html:  []string{"<p>&lt;div&gt;<br>\nZeile eins<br>\nZeile zwei<br>\n&lt;/div&gt;</p>"},
			plain: "Zeile eins\nZeile zwei"},
		{md: `Ein <a href="javascript:alert(1)">Link</a> und <b>fett</b>.`,
			html:    []string{"&lt;a href=&#34;javascript:alert(1)&#34;&gt;Link&lt;/a&gt;", "&lt;b&gt;fett&lt;/b&gt;"},
			notHTML: []string{"<a ", "<b>"}, plain: "Ein Link und fett."},
		{md: "Sichtbar.\n\n<!-- interne Notiz: Kunde X -->\n\nAuch <!-- geheim --> sichtbar.",
			html: []string{"<p>Sichtbar.</p>", "Auch  sichtbar."}, notHTML: []string{"interne Notiz", "geheim", "&lt;!--"},
			plain: "Sichtbar.\n\nAuch  sichtbar.", notInPlain: []string{"Notiz", "geheim"}},
		{md: "- [ ] Aufgabe\n- [x] Erledigt",
			html:  []string{"<li>☐ Aufgabe</li>", "<li>☑ Erledigt</li>"},
			plain: "Aufgabe\n\nErledigt"},
	} {
		got := string(Render(c.md))
		for _, want := range c.html {
			if !strings.Contains(got, want) {
				t.Errorf("%q renders\n%s\nwithout %q", c.md, got, want)
			}
		}
		for _, bad := range c.notHTML {
			if strings.Contains(got, bad) {
				t.Errorf("%q renders\n%s\nwith %q", c.md, got, bad)
			}
		}
		plain := Plain(c.md)
		if plain != c.plain {
			t.Errorf("Plain(%q) = %q, want %q", c.md, plain, c.plain)
		}
		for _, bad := range c.notInPlain {
			if strings.Contains(plain, bad) {
				t.Errorf("Plain(%q) = %q holds %q", c.md, plain, bad)
			}
		}
	}
}
