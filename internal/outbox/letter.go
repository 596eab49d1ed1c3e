package outbox

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"slices"
	"strings"
	texttemplate "text/template"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/mail"
	"pforte/internal/mailtmpl"
)

// Letter is a mail written from translated messages: a greeting, paragraphs, one button
// and a closing, laid out the same in the text and the HTML part.
type Letter struct {
	To        string
	Lang      string
	Key       string // message prefix, e.g. "mail.invitation": .subject, .greeting, .body, .button
	Data      map[string]any
	ActionURL string
	Sender    string // tenant name, signs the mail
	// Marker is a line above the greeting that cuts a reply from the quoted mail below
	// it (the inbound parser trims at it); empty for mails nobody answers.
	Marker string
	// Quote is written text (a ticket reply) shown as a block after the paragraphs, its
	// line breaks kept and its addresses linked; it is plain text and escaped like any
	// value. A wording that places it ({{reply}}) makes the letter that person's mail
	// (letter_personal.go) instead.
	Quote string
	// List is a list of items, each with its link, shown after the paragraphs (the new
	// files of a download notice); like Quote it is not part of the editable wording.
	List []Line
	// Override is the tenant's own wording (mailtmpl); nil means the built-in
	// translation. RenderFor fills it from the database.
	Override *mailtmpl.Text
	// Extra is a line after the button that only some recipients get (the opener of a
	// resolved ticket is asked to rate it); Footer a line of small print after the
	// closing (why the recipient gets the mail, and where to change that). Neither is
	// part of the tenant's editable wording, so every wording of the mail carries them.
	Extra, Footer Line
}

// Line is a sentence a letter adds to its wording, with an optional link shown after it.
type Line struct {
	Text, URL string
}

// RenderFor renders the letter in the tenant's own wording of its mail and language when
// the tenant has saved one in the back office, else in the built-in translation.
func (l Letter) RenderFor(ctx context.Context, q db.Querier, tenantID int64) (mail.Message, error) {
	if _, ok := mailtmpl.Lookup(l.Key); ok && l.Override == nil {
		t, err := mailtmpl.Get(ctx, q, tenantID, l.Key, i18n.For(l.Lang).Lang)
		if err == nil {
			l.Override = &t
		} else if !errors.Is(err, db.ErrNotFound) {
			return mail.Message{}, fmt.Errorf("outbox: mail template: %w", err)
		}
	}
	return l.Render()
}

// Render translates the letter into its language (or fills in Override) and builds
// both parts. Code that sends a letter calls RenderFor instead, so the tenant's own
// text applies (a test in mailtmpl checks this).
func (l Letter) Render() (mail.Message, error) {
	t := i18n.For(l.Lang)
	v := view{
		Lang:     t.Lang,
		URL:      l.ActionURL,
		Closing:  strings.Split(t.T("mail.closing", map[string]any{"Sender": l.Sender}), "\n"),
		Fallback: t.T("mail.fallback"),
		Marker:   l.Marker,
		Quote:    l.Quote,
		List:     l.List,
		Footer:   l.Footer,
		Extra:    l.Extra,
	}
	v.Dir = i18n.Dir(t.Lang)
	v.Quote = scrub(v.Quote)
	l.wording(t, &v)
	if v.Letterlike {
		// The text stands as the mail itself, not quoted again; its attachments lead to
		// the ticket, where the files are (none for a reader who cannot sign in there).
		v.Quote = ""
		v.List = nil
		for _, it := range l.List {
			if it.URL == "" {
				it.URL = l.ActionURL
			}
			v.List = append(v.List, it)
		}
	}
	// A person's mail has no button: its link stands in the wording ({{link}}). A
	// tenant's text without it still gets one, the button's words as a link in the
	// footer, so a reader who can sign in always finds the way to the ticket.
	if v.Letterlike && v.URL != "" && !v.mentions(v.URL) {
		v.LinkLine = true
		if v.Button == "" {
			v.Button = t.T(l.Key+".button", l.Data)
		}
	}
	// The text part introduces the link with the button's words and a colon, set as the
	// language sets it (French puts a space before it).
	v.ButtonLine = t.T("qa_fixes.mail.button_line", map[string]any{"Button": v.Button})
	var txt, html bytes.Buffer
	textT, htmlT := textTmpl, htmlTmpl
	if v.Letterlike {
		textT, htmlT = personalText, personalHTML
	}
	if err := textT.Execute(&txt, v); err != nil {
		return mail.Message{}, fmt.Errorf("outbox: text: %w", err)
	}
	if err := htmlT.Execute(&html, v); err != nil {
		return mail.Message{}, fmt.Errorf("outbox: html: %w", err)
	}
	return mail.Message{To: l.To, Subject: v.Subject, Text: txt.String(), HTML: html.String()}, nil
}

type view struct {
	Lang, Subject, Greeting, Button, URL, Fallback, Marker, Quote string
	ButtonLine                                                    string
	Footer, Extra                                                 Line
	Body, Closing                                                 []string
	List                                                          []Line

	// Dir is the language's writing direction ("rtl" for Hebrew): a mail client lays
	// out the HTML part by it, and the quote's bar stands on the side the text starts.
	Dir string

	// Letterlike: the wording places the written text ({{reply}}), so the mail is laid
	// out as that person's mail (letter_personal.go): Own is the text, Tail the
	// wording after it, shown as a thin footer. LinkLine adds the button's words as a
	// link to URL at the footer's end, for a wording that does not place {{link}}.
	Letterlike bool
	LinkLine   bool
	Own, Tail  []string
}

// mentions reports whether the wording (body or footer) holds s.
func (v *view) mentions(s string) bool {
	for _, p := range append(slices.Clip(v.Body), v.Tail...) {
		if strings.Contains(p, s) {
			return true
		}
	}
	return false
}

var textTmpl = texttemplate.Must(texttemplate.New("t").Parse(`{{if .Marker}}{{.Marker}}

{{end}}{{.Greeting}}
{{range .Body}}
{{.}}
{{end}}{{if .List}}
{{range .List}}- {{.Text}}{{if .URL}}
  {{.URL}}{{end}}
{{end}}{{end}}{{if .Quote}}
{{.Quote}}
{{end}}{{if .URL}}
{{.ButtonLine}}
{{.URL}}
{{end}}{{if .Extra.Text}}
{{.Extra.Text}}{{if .Extra.URL}}
{{.Extra.URL}}{{end}}
{{end}}
{{range .Closing}}{{.}}
{{end}}{{if .Footer.Text}}
{{.Footer.Text}}{{if .Footer.URL}}
{{.Footer.URL}}{{end}}
{{end}}`))

var htmlTmpl = htmltemplate.Must(htmltemplate.New("h").Funcs(htmlFuncs).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}" dir="{{.Dir}}"><head><meta charset="utf-8"><title>{{.Subject}}</title></head>
<body style="` + bodyStyle + `">
{{if .Marker}}<p dir="ltr" style="font-size:12px;color:#6b7280">{{.Marker}}</p>
{{end}}<p>{{.Greeting}}</p>
{{range .Body}}<p>{{rich .}}</p>
{{end}}{{if .List}}<ul dir="auto">{{range .List}}<li>{{if .URL}}<a href="{{.URL}}">{{.Text}}</a>{{else}}{{.Text}}{{end}}</li>{{end}}</ul>
{{end}}{{if .Quote}}<blockquote dir="auto" style="margin:16px 0;padding:8px 16px;white-space:pre-wrap;{{if eq .Dir "rtl"}}border-right{{else}}border-left{{end}}:4px solid #d1d5db">{{rich .Quote}}</blockquote>
{{end}}{{if .URL}}<p><a href="{{.URL}}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">{{.Button}}</a></p>
<p style="font-size:13px;color:#6b7280">{{.Fallback}}<br><a href="{{.URL}}" dir="ltr" style="` + wrapStyle + `">{{.URL}}</a></p>
{{end}}{{if .Extra.Text}}<p>{{.Extra.Text}}{{if .Extra.URL}}<br><a href="{{.Extra.URL}}" dir="ltr" style="` + wrapStyle + `">{{.Extra.URL}}</a>{{end}}</p>
{{end}}<p>{{range $i, $l := .Closing}}{{if $i}}<br>{{end}}{{$l}}{{end}}</p>
{{if .Footer.Text}}<p style="font-size:12px;color:#6b7280;border-top:1px solid #e5e7eb;padding-top:8px">{{.Footer.Text}}{{if .Footer.URL}} <a href="{{.Footer.URL}}" dir="ltr" style="color:#6b7280;` + wrapStyle + `">{{.Footer.URL}}</a>{{end}}</p>
{{end}}</body></html>
`))
