package outbox

import (
	"bytes"
	"fmt"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"

	"pforte/internal/i18n"
	"pforte/internal/mail"
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
}

// Render translates the letter into its language and builds both parts.
func (l Letter) Render() (mail.Message, error) {
	t := i18n.For(l.Lang)
	v := view{
		Lang:     t.Lang,
		Subject:  t.T(l.Key+".subject", l.Data),
		Greeting: t.T(l.Key+".greeting", l.Data),
		Body:     strings.Split(t.T(l.Key+".body", l.Data), "\n\n"),
		Button:   t.T(l.Key+".button", l.Data),
		URL:      l.ActionURL,
		Closing:  strings.Split(t.T("mail.closing", map[string]any{"Sender": l.Sender}), "\n"),
		Fallback: t.T("mail.fallback"),
	}
	var txt, html bytes.Buffer
	if err := textTmpl.Execute(&txt, v); err != nil {
		return mail.Message{}, fmt.Errorf("outbox: text: %w", err)
	}
	if err := htmlTmpl.Execute(&html, v); err != nil {
		return mail.Message{}, fmt.Errorf("outbox: html: %w", err)
	}
	return mail.Message{To: l.To, Subject: v.Subject, Text: txt.String(), HTML: html.String()}, nil
}

type view struct {
	Lang, Subject, Greeting, Button, URL, Fallback string
	Body, Closing                                  []string
}

var textTmpl = texttemplate.Must(texttemplate.New("t").Parse(`{{.Greeting}}
{{range .Body}}
{{.}}
{{end}}{{if .URL}}
{{.Button}}:
{{.URL}}
{{end}}
{{range .Closing}}{{.}}
{{end}}`))

var htmlTmpl = htmltemplate.Must(htmltemplate.New("h").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{.Subject}}</title></head>
<body style="font-family:system-ui,sans-serif;color:#1f2937;line-height:1.5;max-width:600px;margin:0 auto;padding:24px">
<p>{{.Greeting}}</p>
{{range .Body}}<p>{{.}}</p>
{{end}}{{if .URL}}<p><a href="{{.URL}}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">{{.Button}}</a></p>
<p style="font-size:13px;color:#6b7280">{{.Fallback}}<br><a href="{{.URL}}">{{.URL}}</a></p>
{{end}}<p>{{range $i, $l := .Closing}}{{if $i}}<br>{{end}}{{$l}}{{end}}</p>
</body></html>
`))
