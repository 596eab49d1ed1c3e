package web

import (
	"context"
	"strings"
	"testing"
)

// TestLinkedText: http(s) addresses in plain text become links, everything else stays
// escaped text. Trailing punctuation and unopened brackets stay outside the link, no
// other scheme is linked, quotes and angle brackets end an address and cannot break
// out of the attribute, and Hebrew right after an address is no part of it.
func TestLinkedText(t *testing.T) {
	a := func(u string) string {
		return `<a href="` + u + `" rel="noopener noreferrer nofollow" target="_blank" dir="ltr">` + u + `</a>`
	}
	long := "https://example.com/" + strings.Repeat("a/b-c_d", 300) + "?q=1&amp;r=2"
	for _, c := range []struct{ in, want string }{
		{"no link here", "no link here"},
		{"see https://x.de/a.", "see " + a("https://x.de/a") + "."},
		{"see https://x.de/a, and http://y.de!", "see " + a("https://x.de/a") + ", and " + a("http://y.de") + "!"},
		{"(https://x.de/a)", "(" + a("https://x.de/a") + ")"},
		{"https://de.wikipedia.org/wiki/Tor_(Begriffsklärung)", a("https://de.wikipedia.org/wiki/Tor_(Begriffsklärung)")},
		{"javascript:alert(1) and JavaScript://x.de", "javascript:alert(1) and JavaScript://x.de"},
		{`<script>alert(1)</script> "https://x.de/a"`, `&lt;script&gt;alert(1)&lt;/script&gt; &#34;` + a("https://x.de/a") + `&#34;`},
		{`https://x.de/a"onmouseover="alert(1)`, a("https://x.de/a") + `&#34;onmouseover=&#34;alert(1)`},
		{"https://x.de/<b>", a("https://x.de/") + "&lt;b&gt;"},
		{"HTTPS://X.DE/A?b=1&c=2#top", a("HTTPS://X.DE/A?b=1&amp;c=2#top")},
		{"https:// nothing", "https:// nothing"},
		{"https://", "https://"},
		{"xhttps://x.de", "xhttps://x.de"},
		{"ראו https://x.de/a.", "ראו " + a("https://x.de/a") + "."},
		{"https://x.de/aשלום", a("https://x.de/a") + "שלום"},
		{"https://müller.de/straße", a("https://müller.de/straße")},
		{"line\nhttps://x.de\nnext", "line\n" + a("https://x.de") + "\nnext"},
		{long + ".", a(long) + "."},
		{"it's 'https://x.de/a'", "it&#39;s &#39;" + a("https://x.de/a") + "&#39;"},
	} {
		in := strings.ReplaceAll(c.in, "&amp;", "&")
		var b strings.Builder
		if err := LinkedText(in).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("%.80q:\n got %.300q\nwant %.300q", c.in, b.String(), c.want)
		}
	}
}
