package mailin

import (
	"bytes"
	"encoding/base64"
	"strings"
	"testing"
)

// outlookReply is shaped like a reply from Outlook: multipart/mixed around
// multipart/related (the HTML with its signature logo and a pasted screenshot as cid:
// images, their data LOGO-DATA and SHOT-DATA for outlookMail to fill in) and a real
// attachment; the logo is also named in a Content-Disposition inline header, as
// Outlook does.
const outlookReply = `
From: "Jonas Keller" <jonas@example.de>
To: <support@portal.test>
Subject: AW: [#6] Pumpe
Message-ID: <AM0PR01MB1234@eurprd01.prod.outlook.com>
Content-Type: multipart/mixed; boundary="_004_mixed_"
MIME-Version: 1.0

--_004_mixed_
Content-Type: multipart/related; boundary="_003_related_"; type="multipart/alternative"

--_003_related_
Content-Type: multipart/alternative; boundary="_000_alt_"

--_000_alt_
Content-Type: text/plain; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

Hallo, anbei das Protokoll.

Mit freundlichen Gr=FC=DFen
Jonas Keller

--_000_alt_
Content-Type: text/html; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

<html><body><p>Hallo, anbei das Protokoll.</p><p><img src=3D"cid:image002.png@01DA1234.5678ABCD"></p>
<p>Mit freundlichen Gr=FC=DFen<br>Jonas Keller<br><img width=3D"120" src=3D"cid:image001.png@01DA1234.5678ABCD" alt=3D"Logo"></p></body></html>

--_000_alt_--

--_003_related_
Content-Type: image/png; name="image001.png"
Content-Description: image001.png
Content-Disposition: inline; filename="image001.png"; size=4; creation-date="Mon, 02 Jun 2025 10:00:00 GMT"
Content-ID: <image001.png@01DA1234.5678ABCD>
Content-Transfer-Encoding: base64

LOGO-DATA

--_003_related_
Content-Type: image/png; name="image002.png"
Content-Disposition: inline; filename="image002.png"
Content-ID: <image002.png@01DA1234.5678ABCD>
Content-Transfer-Encoding: base64

SHOT-DATA

--_003_related_
Content-Type: image/png; name="image003.png"
Content-Disposition: inline; filename="image003.png"
Content-ID: <image003.png@01DA1234.5678ABCD>
Content-Transfer-Encoding: base64

iVBORw0KGgo=

--_003_related_--

--_004_mixed_
Content-Type: application/pdf; name="Protokoll.pdf"
Content-Disposition: attachment; filename="Protokoll.pdf"
Content-ID: <image001.png@01DA1234.5678ABCD>
Content-Transfer-Encoding: base64

JVBERi0xLjQK

--_004_mixed_
Content-Type: image/jpeg; name="Foto.jpg"
Content-Disposition: attachment; filename="Foto.jpg"
Content-ID: <image002.png@01DA1234.5678ABCD>
Content-Transfer-Encoding: base64

/9j/4AAQ

--_004_mixed_--
`

// outlookMail is outlookReply with a signature logo of logo bytes and a pasted
// screenshot of shot bytes, base64 in lines of 76 as mail programs write it.
func outlookMail(logo, shot int) []byte {
	b64 := func(n int) string {
		data := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{0x89, 'P', 'N', 'G'}, n/4))
		var lines []string
		for len(data) > 76 {
			lines, data = append(lines, data[:76]), data[76:]
		}
		return strings.Join(append(lines, data), "\n")
	}
	return crlf(strings.NewReplacer("LOGO-DATA", b64(logo), "SHOT-DATA", b64(shot)).Replace(outlookReply))
}

// TestParseDropsInlineSignatureImages: the small images the HTML shows by cid: (a 5 KB
// signature logo) are no attachments; a pasted screenshot the HTML shows the same way
// (200 KB) stays, as do an inline image nobody references (image003.png) and every
// part sent as an attachment, even one that carries a referenced Content-ID.
func TestParseDropsInlineSignatureImages(t *testing.T) {
	m, err := Parse(outlookMail(5<<10, 200<<10), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range m.Attachments {
		names = append(names, a.Filename)
	}
	if got := strings.Join(names, "|"); got != "image002.png|image003.png|Protokoll.pdf|Foto.jpg" {
		t.Fatalf("attachments %q", got)
	}
	if len(m.Attachments[0].Data) != 200<<10 {
		t.Errorf("the screenshot has %d bytes", len(m.Attachments[0].Data))
	}
	if !strings.Contains(m.Text, "Mit freundlichen Grüßen") {
		t.Errorf("text %q", m.Text)
	}
	// A screenshot as small as a logo counts as one: the bound is the size.
	m, err = Parse(outlookMail(5<<10, decorationMax-4), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Attachments) != 3 || m.Attachments[0].Filename != "image003.png" {
		t.Errorf("with a small screenshot: %d attachments", len(m.Attachments))
	}
}

// TestParseCIDReferenceForms: a reference may be URL-encoded and differ in case.
func TestParseCIDReferenceForms(t *testing.T) {
	atts := []Attachment{
		{Filename: "a.png", ContentType: "image/png", ContentID: "Logo Firma@x", Inline: true},
		{Filename: "b.gif", ContentType: "image/gif", ContentID: "b@x", Inline: true},
		{Filename: "c.txt", ContentType: "text/plain", ContentID: "c@x", Inline: true},
	}
	got := dropDecoration(atts, `<img src='CID:logo%20firma@x'><div style="background:url(cid:b@x)"></div><a href="cid:c@x">`)
	if len(got) != 1 || got[0].Filename != "c.txt" {
		t.Fatalf("kept %+v", got)
	}
	if got := dropDecoration(atts, "<p>no images</p>"); len(got) != 3 {
		t.Fatalf("without references kept %d", len(got))
	}
}

// TestParseEightBitWithoutCharset: bytes sent without a charset label, in the body and
// raw in the subject, read as Windows-1252 rather than as U+FFFD; a part labelled
// UTF-8 keeps its text with the odd bad byte replaced.
func TestParseEightBitWithoutCharset(t *testing.T) {
	raw := "From: a@example.com\r\nSubject: Gr\xfc\xdfe aus K\xf6ln\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n" +
		"--B\r\nContent-Type: text/plain\r\n\r\nSch\xf6ne Gr\xfc\xdfe\r\n" +
		"--B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nM\xc3\xa4rz \xff\r\n--B--\r\n"
	m, err := Parse([]byte(raw), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "Grüße aus Köln" {
		t.Errorf("subject %q", m.Subject)
	}
	if m.Text != "Schöne Grüße\nMärz \uFFFD" {
		t.Errorf("text %q", m.Text)
	}
}
