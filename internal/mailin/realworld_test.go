package mailin

import (
	"strings"
	"testing"
)

// TestParseLatin1LabelledWindows1252: text labelled ISO-8859-1 but written in
// Windows-1252 — quotes, dashes and the euro sign in bytes 0x80–0x9F — reads as
// Windows-1252 in the body, the HTML, the subject and the sender's name, not as
// invisible C1 control characters.
func TestParseLatin1LabelledWindows1252(t *testing.T) {
	m, err := Parse(crlf(`
From: =?iso-8859-1?Q?=93Andr=E9=94?= <a@example.com>
Subject: =?iso-8859-1?Q?Preis_=80_100_=96_ok?=
Content-Type: multipart/alternative; boundary=B

--B
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

=93Hallo=94 =80 100 =96 ok=81
--B
Content-Type: text/html; charset=ISO-8859-1
Content-Transfer-Encoding: quoted-printable

<p>=93Hallo=94 =80</p>
--B--
`), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if m.From.Name != "“André”" || m.Subject != "Preis € 100 – ok" || m.Text != "“Hallo” € 100 – ok" {
		t.Errorf("name %q subject %q text %q", m.From.Name, m.Subject, m.Text)
	}
	if !strings.Contains(m.HTML, "“Hallo” €") {
		t.Errorf("html %q", m.HTML)
	}
}

// TestParseLenientParameters: attachment names in RFC 2231 form in a charset other
// than UTF-8, an unquoted name with spaces as scanners write it, and a parameter sent
// twice keep the part's type and name: no PDF read as the mail's text, no file
// renamed attachment-N.
func TestParseLenientParameters(t *testing.T) {
	m, err := Parse(crlf(`
From: scanner@example.com
Content-Type: multipart/mixed; boundary=B

--B
Content-Type: text/plain

Scan
--B
Content-Type: application/pdf
Content-Disposition: attachment; filename*=iso-8859-1''Pr%FCfung.pdf

PDF1
--B
Content-Type: application/pdf; name*0*=windows-1252''%93Angebot%94;
 name*1=" M%rz.pdf"

PDF2
--B
Content-Type: application/pdf; name=Rechnung M`+"\xe4"+`rz 2025.pdf

PDF3
--B
Content-Type: image/jpeg; name="a.jpg"; name="a.jpg"
Content-Disposition: attachment; filename="a.jpg"; filename="a.jpg"

JPG
--B--
`), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range m.Attachments {
		got = append(got, a.Filename+" "+a.ContentType+" "+string(a.Data))
	}
	want := "Prüfung.pdf application/pdf PDF1|“Angebot” M%rz.pdf application/pdf PDF2|Rechnung März 2025.pdf application/pdf PDF3|a.jpg image/jpeg JPG"
	if strings.Join(got, "|") != want {
		t.Errorf("attachments\n got %q\nwant %q", strings.Join(got, "|"), want)
	}
	if m.Text != "Scan" {
		t.Errorf("text %q", m.Text)
	}
}

// TestParseNamelessAttachments: a part without a name gets the usual extension of its
// type, not the first the system's table happens to list (.jfif, .asc).
func TestParseNamelessAttachments(t *testing.T) {
	m, err := Parse(crlf(`
From: a@example.com
Content-Type: multipart/mixed; boundary=B

--B
Content-Type: text/plain

x
--B
Content-Type: image/jpeg

JPG
--B
Content-Type: text/plain
Content-Disposition: attachment

log
--B
Content-Type: text/calendar; method=REQUEST

BEGIN:VCALENDAR
--B--
`), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range m.Attachments {
		names = append(names, a.Filename)
	}
	if got := strings.Join(names, "|"); got != "attachment-1.jpg|attachment-2.txt|attachment-3.ics" {
		t.Errorf("names %q", got)
	}
}

// TestParseSignedMail: the detached signature of an S/MIME or OpenPGP signed mail is
// no attachment; the signed text and files are.
func TestParseSignedMail(t *testing.T) {
	m, err := Parse(crlf(`
From: a@example.com
Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary=S

--S
Content-Type: multipart/mixed; boundary=B

--B
Content-Type: text/plain

signiert
--B
Content-Type: application/pdf; name=a.pdf

PDF
--B--
--S
Content-Type: application/pkcs7-signature; name=smime.p7s
Content-Disposition: attachment; filename=smime.p7s
Content-Transfer-Encoding: base64

MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAKCA
--S--
`), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if m.Text != "signiert" || len(m.Attachments) != 1 || m.Attachments[0].Filename != "a.pdf" {
		t.Errorf("text %q attachments %+v", m.Text, m.Attachments)
	}
}

// TestParseForwardKeepsForwardedMail: a mail forwarding another keeps the forwarded
// mail as what the sender wrote: it is what the mail is about. A reply still loses its
// quote.
func TestParseForwardKeepsForwardedMail(t *testing.T) {
	body := "\nContent-Type: text/plain; charset=utf-8\n\nSiehe unten.\n\n---------- Forwarded message ---------\n" +
		"From: Kunde <k@example.org>\nDate: Mon, 2 Jun 2025 at 10:00\nSubject: Pumpe\n\nDie Pumpe in Halle 3 ist ausgefallen.\n"
	for subject, keeps := range map[string]bool{"Fwd: Pumpe": true, "WG: Pumpe": true, "TR: Pompe": true,
		"VS: Pumpe": true, "Doorst: Pomp": true, "AW: Pumpe": false, "Pumpe": false} {
		m, err := Parse(crlf("From: a@example.com\nSubject: "+subject+body), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(m.Reply, "Halle 3"); got != keeps {
			t.Errorf("%s: reply %q", subject, m.Reply)
		}
	}
}
