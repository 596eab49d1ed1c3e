package mailin

import (
	"errors"
	"strings"
	"testing"
)

// crlf turns a readable test message into wire format.
func crlf(s string) []byte {
	return []byte(strings.ReplaceAll(strings.TrimLeft(s, "\n"), "\n", "\r\n"))
}

const simple = `
From: "Erika Mustermann" <Erika@Example.DE>
To: Support <support@portal.test>, other@portal.test
Cc: =?UTF-8?Q?J=C3=BCrgen?= <juergen@example.de>
Subject: =?UTF-8?B?RHJ1Y2tlciBkZWZla3Q6IMOEcmdlcg==?=
Message-ID: <abc123@mail.example.de>
In-Reply-To: <t42.x1@portal.test>
References: <t42.x0@portal.test> <t42.x1@portal.test>
Date: Mon, 02 Jun 2025 10:15:00 +0200
Content-Type: text/plain; charset=utf-8

Der Drucker druckt nicht mehr.

Am 01.06.2025 um 09:00 schrieb Support <support@portal.test>:
> Wie können wir helfen?
`

func TestParseWellFormed(t *testing.T) {
	m, err := Parse(crlf(simple), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ name, got, want string }{
		{"from", m.From.Address, "erika@example.de"},
		{"from name", m.From.Name, "Erika Mustermann"},
		{"to", m.To[0].Address + "," + m.To[1].Address, "support@portal.test,other@portal.test"},
		{"cc name", m.Cc[0].Name, "Jürgen"},
		{"subject", m.Subject, "Drucker defekt: Ärger"},
		{"message-id", m.MessageID, "abc123@mail.example.de"},
		{"in-reply-to", strings.Join(m.InReplyTo, " "), "t42.x1@portal.test"},
		{"references", strings.Join(m.References, " "), "t42.x0@portal.test t42.x1@portal.test"},
		{"date", m.Date.UTC().Format("2006-01-02 15:04"), "2025-06-02 08:15"},
		{"reply", m.Reply, "Der Drucker druckt nicht mehr."},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if !strings.Contains(m.Text, "Wie können wir helfen?") {
		t.Errorf("full text lost the quote: %q", m.Text)
	}
	if m.Auto || m.HTML != "" || len(m.Attachments) != 0 {
		t.Errorf("auto %v html %q attachments %d", m.Auto, m.HTML, len(m.Attachments))
	}
}

// TestParseCases covers the shapes mail takes in the wild and the ways it breaks.
func TestParseCases(t *testing.T) {
	cases := []struct {
		name  string
		raw   string
		lf    bool // keep bare LF line ends
		err   error
		check func(t *testing.T, m *Message)
	}{
		{name: "missing From", err: ErrMalformed, raw: `
To: support@portal.test
Subject: hi

body
`},
		{name: "From without address", err: ErrMalformed, raw: `
From: just a name
Subject: hi

body
`},
		{name: "broken boundary", err: ErrMalformed, raw: `
From: a@example.com
Content-Type: multipart/mixed; boundary="XYZ"

--ABC
Content-Type: text/plain

hello
--ABC--
`},
		{name: "multipart without boundary", err: ErrMalformed, raw: `
From: a@example.com
Content-Type: multipart/mixed

hello
`},
		{name: "multipart without its closing boundary keeps what came", raw: `
From: a@example.com
Content-Type: multipart/mixed; boundary="B"

--B
Content-Type: text/plain

hello, and then the scanner stopped
--B
Content-Type: application/pdf; name="scan.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQK`, check: func(t *testing.T, m *Message) {
			if m.Text != "hello, and then the scanner stopped" {
				t.Errorf("text %q", m.Text)
			}
			if len(m.Attachments) != 1 || m.Attachments[0].Filename != "scan.pdf" || string(m.Attachments[0].Data) != "%PDF-1.4\n" {
				t.Errorf("attachments %+v", m.Attachments)
			}
		}},
		{name: "multipart cut in a part's header keeps the parts before", raw: `
From: a@example.com
Content-Type: multipart/mixed; boundary="B"

--B
Content-Type: text/plain

first part
--B
Content-Type: text/pl`, check: func(t *testing.T, m *Message) {
			if m.Text != "first part" {
				t.Errorf("text %q", m.Text)
			}
		}},
		{name: "truncated single part with bad base64 stays refused", err: ErrMalformed, raw: `
From: a@example.com
Content-Type: multipart/mixed; boundary="B"

--B
Content-Type: application/pdf; name="scan.pdf"
Content-Transfer-Encoding: base64

!!!! not base64 ****`},
		{name: "multipart without boundary stays refused", err: ErrMalformed, raw: `
From: a@example.com
Content-Type: multipart/mixed

text`},
		{name: "bad base64", err: ErrMalformed, raw: `
From: a@example.com
Content-Type: text/plain
Content-Transfer-Encoding: base64

!!!! this is not base64 ****
`},
		{name: "unknown charset is read as Windows-1252", raw: `
From: =?x-unknown?q?Andr=E9?= <a@example.com>
Subject: =?x-klingon?Q?Qapla=27_caf=E9?=
Content-Type: text/plain; charset=x-klingon

Qapla' ` + "Gr\xfc\xdfe \x80 \xff" + `
`, check: func(t *testing.T, m *Message) {
			if m.Text != "Qapla' Grüße € ÿ" {
				t.Errorf("text %q", m.Text)
			}
			if m.Subject != "Qapla' café" {
				t.Errorf("subject %q", m.Subject)
			}
			if m.From.Name != "André" || m.From.Address != "a@example.com" {
				t.Errorf("from %+v", m.From)
			}
		}},
		{name: "latin-1 body and subject", raw: `
From: =?ISO-8859-1?Q?Andr=E9?= <andre@example.fr>
Subject: =?ISO-8859-1?Q?Caf=E9_cr=E8me?=
Content-Type: text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: quoted-printable

Bonjour, le caf=E9 est froid.
`, check: func(t *testing.T, m *Message) {
			if m.From.Name != "André" || m.Subject != "Café crème" || m.Text != "Bonjour, le café est froid." {
				t.Errorf("name %q subject %q text %q", m.From.Name, m.Subject, m.Text)
			}
		}},
		{name: "nested multipart", raw: `
From: a@example.com
Subject: nested
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="inner"

--inner
Content-Type: text/plain; charset=utf-8

Plain body
--inner
Content-Type: text/html; charset=utf-8

<p>HTML <b>body</b><script>alert(1)</script></p>
--inner--
--outer
Content-Type: application/pdf; name="rechnung.pdf"
Content-Disposition: attachment; filename="rechnung.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--outer--
`, check: func(t *testing.T, m *Message) {
			if m.Text != "Plain body" {
				t.Errorf("text %q", m.Text)
			}
			if !strings.Contains(m.HTML, "<b>body</b>") || strings.Contains(m.HTML, "script") {
				t.Errorf("html %q", m.HTML)
			}
			if len(m.Attachments) != 1 || m.Attachments[0].Filename != "rechnung.pdf" ||
				m.Attachments[0].ContentType != "application/pdf" || string(m.Attachments[0].Data) != "%PDF-1.4\n" {
				t.Errorf("attachments %+v", m.Attachments)
			}
		}},
		{name: "html only", raw: `
From: a@example.com
Content-Type: text/html; charset=utf-8

<html><head><style>p{color:red}</style><title>x</title></head><body>
<p>Hallo&nbsp;Team,</p><p>bitte <a href="https://example.com" onclick="evil()">hier</a> schauen.</p>
<ul><li>eins</li><li>zwei</li></ul>
<div>Gruß<br>Erika</div>
<blockquote>altes Zitat</blockquote>
</body></html>
`, check: func(t *testing.T, m *Message) {
			want := "Hallo Team,\n\nbitte hier schauen.\n\n- eins\n- zwei\n\nGruß\nErika\n\n> altes Zitat"
			if m.Text != want {
				t.Errorf("text %q\nwant %q", m.Text, want)
			}
			if m.Reply != "Hallo Team,\n\nbitte hier schauen.\n\n- eins\n- zwei\n\nGruß\nErika" {
				t.Errorf("reply %q", m.Reply)
			}
			if strings.Contains(m.HTML, "onclick") || strings.Contains(m.HTML, "color:red") || !strings.Contains(m.HTML, `href="https://example.com"`) {
				t.Errorf("html %q", m.HTML)
			}
		}},
		{name: "attachments with non-ASCII names", raw: `
From: a@example.com
Content-Type: multipart/mixed; boundary="B"

--B
Content-Type: text/plain

see attached
--B
Content-Type: application/octet-stream
Content-Disposition: attachment; filename*=UTF-8''%C3%9Cbersicht%20M%C3%A4rz.xlsx

data1
--B
Content-Type: application/octet-stream; name="=?UTF-8?B?w6TDtsO8LnR4dA==?="
Content-Disposition: attachment

data2
--B
Content-Type: image/png
Content-Disposition: inline
Content-ID: <logo@x>

pngdata
--B
Content-Type: text/plain
Content-Disposition: attachment; filename="..\..\windows\evil.bat"

echo
--B--
`, check: func(t *testing.T, m *Message) {
			var names []string
			for _, a := range m.Attachments {
				names = append(names, a.Filename)
			}
			if got := strings.Join(names, "|"); got != "Übersicht März.xlsx|äöü.txt|attachment-3.png|evil.bat" {
				t.Errorf("names %q", got)
			}
			if img := m.Attachments[2]; !img.Inline || img.ContentID != "logo@x" {
				t.Errorf("inline image %+v", img)
			}
			if m.Text != "see attached" {
				t.Errorf("text %q", m.Text)
			}
		}},
		{name: "forwarded message as attachment", raw: `
From: a@example.com
Content-Type: multipart/mixed; boundary="B"

--B
Content-Type: text/plain

fyi
--B
Content-Type: message/rfc822

From: b@example.com
Subject: inner

inner body
--B--
`, check: func(t *testing.T, m *Message) {
			if len(m.Attachments) != 1 || m.Attachments[0].Filename != "attachment-1.eml" {
				t.Errorf("attachments %+v", m.Attachments)
			}
		}},
		{name: "auto reply", raw: `
From: a@example.com
Auto-Submitted: auto-replied
Subject: Out of office

away
`, check: func(t *testing.T, m *Message) {
			if !m.Auto || m.AutoReason != AutoSubmitted {
				t.Errorf("auto %v %q", m.Auto, m.AutoReason)
			}
		}},
		{name: "bounce", raw: `
Return-Path: <>
From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
Subject: Undelivered Mail Returned to Sender

failed
`, check: func(t *testing.T, m *Message) {
			if !m.Auto || m.AutoReason != AutoBounce {
				t.Errorf("auto %v %q", m.Auto, m.AutoReason)
			}
		}},
		{name: "bulk", raw: `
From: news@example.com
Precedence: bulk

buy
`, check: func(t *testing.T, m *Message) {
			if !m.Auto || m.AutoReason != AutoPrecedence {
				t.Errorf("auto %v %q", m.Auto, m.AutoReason)
			}
		}},
		{name: "Exchange out of office without Auto-Submitted", raw: `
From: a@example.com
X-Auto-Response-Suppress: All
Subject: Re: Drucker defekt [#12]

away until Monday
`, check: func(t *testing.T, m *Message) {
			if !m.Auto || m.AutoReason != AutoOffice {
				t.Errorf("auto %v %q", m.Auto, m.AutoReason)
			}
		}},
		{name: "Outlook rule's automatic reply, German subject", raw: `
From: a@example.com
Subject: =?utf-8?q?Automatische_Antwort=3A_Drucker_defekt?=

Ich bin bis Montag nicht im Büro.
`, check: func(t *testing.T, m *Message) {
			if !m.Auto || m.AutoReason != AutoOffice {
				t.Errorf("auto %v %q", m.Auto, m.AutoReason)
			}
		}},
		{name: "a person writing about their automatic replies", raw: `
From: a@example.com
X-Auto-Response-Suppress: RN, NRN
Subject: Automatische Antworten funktionieren nicht

Seit gestern kommen keine Abwesenheitsnotizen mehr an.
`, check: func(t *testing.T, m *Message) {
			if m.Auto {
				t.Errorf("auto %q", m.AutoReason)
			}
		}},
		{name: "Auto-Submitted no is a person", raw: `
From: a@example.com
Auto-Submitted: no

hello
`, check: func(t *testing.T, m *Message) {
			if m.Auto {
				t.Errorf("auto %q", m.AutoReason)
			}
		}},
		{name: "no content type, LF line ends", lf: true, raw: "From: a@example.com\nSubject: bare\n\nline one\nline two\n",
			check: func(t *testing.T, m *Message) {
				if m.Text != "line one\nline two" {
					t.Errorf("text %q", m.Text)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			raw := crlf(c.raw)
			if c.lf {
				raw = []byte(c.raw)
			}
			m, err := Parse(raw, Limits{})
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Fatalf("err = %v, want %v", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			c.check(t, m)
		})
	}
}

func TestParseLimits(t *testing.T) {
	if _, err := Parse(crlf(simple), Limits{MaxBytes: 100}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("size: %v", err)
	}
	var b strings.Builder
	b.WriteString("From: a@example.com\nContent-Type: multipart/mixed; boundary=\"B\"\n\n")
	for range 5 {
		b.WriteString("--B\nContent-Type: text/plain\n\nx\n")
	}
	b.WriteString("--B--\n")
	if _, err := Parse(crlf(b.String()), Limits{MaxParts: 4}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("parts: %v", err)
	}
	if _, err := Parse(crlf(b.String()), Limits{MaxParts: 6}); err != nil {
		t.Errorf("parts within the limit: %v", err)
	}
	b.Reset()
	b.WriteString("From: a@example.com\n")
	for i := range 4 {
		b.WriteString("Content-Type: multipart/mixed; boundary=\"B" + string(rune('0'+i)) + "\"\n\n--B" + string(rune('0'+i)) + "\n")
	}
	b.WriteString("Content-Type: text/plain\n\ndeep\n")
	for i := 3; i >= 0; i-- {
		b.WriteString("--B" + string(rune('0'+i)) + "--\n")
	}
	if _, err := Parse(crlf(b.String()), Limits{MaxDepth: 3}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("depth: %v", err)
	}
	if m, err := Parse(crlf(b.String()), Limits{MaxDepth: 4}); err != nil || m.Text != "deep" {
		t.Errorf("depth within the limit: %v", err)
	}
}
