package mailin

import (
	"strings"
	"testing"
)

// TestAuthenticate is the table of Authentication-Results the listener meets: which
// server's fields count, which results authenticate the From address, and why not.
func TestAuthenticate(t *testing.T) {
	const mx = "mx.example.net"
	top := func(vals ...string) []AuthField { // all written by the receiving server, above its Received
		out := make([]AuthField, len(vals))
		for i, v := range vals {
			out[i] = AuthField{Value: v}
		}
		return out
	}
	tests := []struct {
		name    string
		fields  []AuthField
		servID  string
		from    string
		pass    bool
		by      string // want in By when pass
		summary string // want in Summary when not pass
	}{
		{"no trusted server: not checked", top("mx.example.net; dmarc=fail"), "", "a@example.com", false, "", ""},
		{"dmarc pass", top("mx.example.net; dmarc=pass (p=reject) header.from=example.com"), mx, "a@example.com", true, "dmarc=pass", ""},
		{"dmarc pass for another From", top("mx.example.net; dmarc=pass header.from=attacker.org"), mx, "a@example.com", false, "", "header.from=attacker.org"},
		{"dkim pass aligned", top("mx.example.net; dkim=pass header.d=example.com header.s=sel header.b=AbC/dE+f"), mx, "a@example.com", true, "dkim=pass header.d=example.com", ""},
		{"spf pass aligned", top("mx.example.net; spf=pass smtp.mailfrom=bounce@example.com"), mx, "a@example.com", true, "spf=pass smtp.mailfrom=example.com", ""},
		{"spf pass with a bare domain", top("mx.example.net; spf=pass smtp.mailfrom=example.com"), mx, "a@example.com", true, "spf", ""},
		{"fail", top("mx.example.net; dkim=fail header.d=example.com; spf=softfail smtp.mailfrom=example.com"), mx, "a@example.com", false, "", "dkim=fail, spf=softfail"},
		{"none", top("mx.example.net; none"), mx, "a@example.com", false, "", "none"},
		{"no field at all", nil, mx, "a@example.com", false, "", "no Authentication-Results from mx.example.net"},
		{"foreign server's pass ignored", top("evil.example.org; dmarc=pass", "mx.example.net; spf=fail smtp.mailfrom=example.com"), mx, "a@example.com", false, "", "spf=fail"},
		{"only a foreign server", top("mx.example.net.evil.org; dmarc=pass"), mx, "a@example.com", false, "", "no Authentication-Results"},
		{"several fields of the server", top("mx.example.net; spf=fail smtp.mailfrom=example.com", "other.host; dkim=fail", "mx.example.net; dkim=pass header.d=example.com"), mx, "a@example.com", true, "dkim=pass", ""},
		{"forged field below the server's Received", []AuthField{{Value: "mx.example.net; dkim=fail header.d=example.com", Hop: 0}, {Value: "mx.example.net; dmarc=pass", Hop: 1}}, mx, "a@example.com", false, "", "dkim=fail"},
		{"trusted field below an inner relay", []AuthField{{Value: "mx.example.net; dmarc=pass", Hop: 1}, {Value: "mx.example.net; dmarc=fail", Hop: 2}}, mx, "a@example.com", true, "dmarc=pass", ""},
		{"case of id, method, result and property", top("MX.Example.NET; DKIM=Pass Header.D=EXAMPLE.com"), "mx.EXAMPLE.net", "A@Example.Com", true, "dkim=pass header.d=example.com", ""},
		{"comments everywhere", top("mx.example.net (our MX) 1; (first) dkim (sig) = (ok) pass (2048-bit key; secure) header.d=example.com (signer); spf=none"), mx, "a@example.com", true, "dkim=pass", ""},
		{"comment hiding a pass", top("mx.example.net; spf=fail (dkim=pass header.d=example.com) smtp.mailfrom=example.com"), mx, "a@example.com", false, "", "spf=fail"},
		{"quoted values", top(`"mx.example.net"; dkim=pass reason="good signature" header.i="a b"@example.com header.b="x=y"`), mx, "a@example.com", true, "dkim=pass header.i=example.com", ""},
		{"header.i only", top("mx.example.net; dkim=pass header.i=@sub.example.com"), mx, "a@example.com", true, "header.i=sub.example.com", ""},
		{"method version", top("mx.example.net; dkim/1=pass header.d=example.com"), mx, "a@example.com", true, "dkim=pass", ""},
		{"signer is a subdomain", top("mx.example.net; dkim=pass header.d=mail.example.com"), mx, "a@example.com", true, "dkim=pass", ""},
		{"From is a subdomain", top("mx.example.net; dkim=pass header.d=example.com"), mx, "a@news.example.com", true, "dkim=pass", ""},
		{"look-alike domain", top("mx.example.net; dkim=pass header.d=evil-example.com; spf=pass smtp.mailfrom=x@evilexample.com"), mx, "a@example.com", false, "", "dkim=pass (header.d=evil-example.com, not aligned)"},
		{"From domain inside the signer's", top("mx.example.net; dkim=pass header.d=example.com.evil.org"), mx, "a@example.com", false, "", "not aligned"},
		{"public suffix vouches for no one", top("mx.example.net; dkim=pass header.d=co.uk"), mx, "a@bank.co.uk", false, "", "not aligned"},
		{"sibling subdomains", top("mx.example.net; dkim=pass header.d=a.example.com"), mx, "x@b.example.com", false, "", "not aligned"},
		{"dkim pass for another domain, spf aligned", top("mx.example.net; dkim=pass header.d=mailer.org; spf=pass smtp.mailfrom=example.com"), mx, "a@example.com", true, "spf=pass", ""},
		{"dmarc fail outweighs an aligned dkim", top("mx.example.net; dkim=pass header.d=mail.example.com; dmarc=fail (p=reject adkim=s)"), mx, "a@example.com", false, "", "dmarc=fail"},
		{"spf pass without mailfrom", top("mx.example.net; spf=pass smtp.helo=example.com"), mx, "a@example.com", false, "", "spf=pass"},
		{"garbage", top(`;;==("unterminated`, "mx.example.net; =pass; dkim=; dkim pass"), mx, "a@example.com", false, "", "none"},
		{"stray parenthesis", top("mx.example.net; dkim=pass ) header.d=example.com (open"), mx, "a@example.com", true, "dkim=pass", ""},
		{"unquoted = in a value", top("mx.example.net; dkim=pass header.b=abc== header.d=example.com"), mx, "a@example.com", true, "dkim=pass", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := Authenticate(tc.fields, tc.servID, tc.from)
			if v.Pass != tc.pass {
				t.Fatalf("pass = %v, want %v (%+v)", v.Pass, tc.pass, v)
			}
			if v.Checked() != (tc.servID != "") || v.Failed() != (tc.servID != "" && !tc.pass) {
				t.Fatalf("checked %v failed %v for %+v", v.Checked(), v.Failed(), v)
			}
			if tc.pass && !strings.Contains(v.By, tc.by) {
				t.Fatalf("by = %q, want %q", v.By, tc.by)
			}
			if !tc.pass && !strings.Contains(v.Summary, tc.summary) {
				t.Fatalf("summary = %q, want %q", v.Summary, tc.summary)
			}
		})
	}
}

// TestParseAuthResultsFields: the parser keeps method, result, reason and properties.
func TestParseAuthResultsFields(t *testing.T) {
	ar, ok := ParseAuthResults("mx.example.net 1;\r\n\tspf=softfail (sender not designated) smtp.mailfrom=x@example.com;\r\n dkim=fail reason=\"bad sig\" header.d=example.com header.d=other.com; none")
	if !ok || ar.ServID != "mx.example.net" || len(ar.Results) != 2 {
		t.Fatalf("parsed %+v", ar)
	}
	spf, dkim := ar.Results[0], ar.Results[1]
	if spf.Method != "spf" || spf.Result != "softfail" || spf.Props["smtp.mailfrom"] != "x@example.com" {
		t.Fatalf("spf %+v", spf)
	}
	if dkim.Reason != "bad sig" || dkim.Props["header.d"] != "example.com" {
		t.Fatalf("dkim %+v", dkim)
	}
	if _, ok := ParseAuthResults("  (only a comment) "); ok {
		t.Fatal("a field without server id parsed")
	}
}

// TestParseKeepsAuthResults: Parse hands over the fields top down, each with the
// number of Received fields above it.
func TestParseKeepsAuthResults(t *testing.T) {
	raw := "Authentication-Results: hub.example.net; none\r\nReceived: from hub\r\n" +
		"Authentication-Results: mx.example.net; dmarc=fail\r\nReceived: from sender\r\n" +
		"Authentication-Results: mx.example.net; dmarc=pass\r\nFrom: a@example.com\r\n\r\nHi\r\n"
	m, err := Parse([]byte(raw), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := []AuthField{{"hub.example.net; none", 0}, {"mx.example.net; dmarc=fail", 1}, {"mx.example.net; dmarc=pass", 2}}
	if len(m.AuthResults) != len(want) {
		t.Fatalf("fields %+v", m.AuthResults)
	}
	for i, f := range want {
		if m.AuthResults[i] != f {
			t.Fatalf("field %d = %+v, want %+v", i, m.AuthResults[i], f)
		}
	}
	if v := Authenticate(m.AuthResults, "mx.example.net", m.From.Address); v.Pass || !strings.Contains(v.Summary, "dmarc=fail") {
		t.Fatalf("forged lower pass counted: %+v", v)
	}
}
