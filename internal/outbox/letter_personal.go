package outbox

import (
	htmltemplate "html/template"
	texttemplate "text/template"
)

// A person's mail (view.Letterlike: a staff member's reply to a ticket) is laid out as
// that person wrote it, as helpdesks do: their text first, as ordinary paragraphs with
// their line breaks and links, in the direction of its own script; the attachments,
// each leading to the ticket where the files are; and the wording after the text as a
// thin footer, with a link to the ticket when the wording places none (view.LinkLine).
// No greeting or closing of the portal's own: the writer greets and signs. The reply
// marker stays on top, so an answer typed above it is cut from
// the quote.

var personalText = texttemplate.Must(texttemplate.New("pt").Parse(`{{if .Marker}}{{.Marker}}

{{end}}{{if .Greeting}}{{.Greeting}}

{{end}}{{range .Body}}{{.}}

{{end}}{{range .Own}}{{.}}

{{end}}{{if .List}}{{range .List}}- {{.Text}}{{if .URL}}
  {{.URL}}{{end}}
{{end}}
{{end}}{{if .Extra.Text}}{{.Extra.Text}}{{if .Extra.URL}}
{{.Extra.URL}}{{end}}

{{end}}{{if or .Tail .LinkLine}}---
{{range $i, $t := .Tail}}{{if $i}}
{{end}}{{$t}}
{{end}}{{if .LinkLine}}{{if .Tail}}
{{end}}{{.ButtonLine}}
{{.URL}}
{{end}}{{end}}{{if .Footer.Text}}
{{.Footer.Text}}{{if .Footer.URL}}
{{.Footer.URL}}{{end}}
{{end}}`))

var personalHTML = htmltemplate.Must(htmltemplate.New("ph").Funcs(htmlFuncs).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}" dir="{{.Dir}}"><head><meta charset="utf-8"><title>{{.Subject}}</title></head>
<body style="` + bodyStyle + `">
{{if .Marker}}<p dir="ltr" style="font-size:12px;color:#6b7280">{{.Marker}}</p>
{{end}}{{if .Greeting}}<p>{{.Greeting}}</p>
{{end}}{{range .Body}}<p>{{rich .}}</p>
{{end}}{{if .Own}}<div dir="auto">{{range .Own}}<p dir="auto" style="white-space:pre-wrap">{{rich .}}</p>{{end}}</div>
{{end}}{{if .List}}<ul dir="auto">{{range .List}}<li>{{if .URL}}<a href="{{.URL}}">{{.Text}}</a>{{else}}{{.Text}}{{end}}</li>{{end}}</ul>
{{end}}{{if .Extra.Text}}<p>{{.Extra.Text}}{{if .Extra.URL}}<br><a href="{{.Extra.URL}}" dir="ltr" style="` + wrapStyle + `">{{.Extra.URL}}</a>{{end}}</p>
{{end}}{{if or .Tail .LinkLine}}<div style="margin-top:24px;border-top:1px solid #e5e7eb;padding-top:8px;font-size:12px;color:#6b7280">{{range .Tail}}<p style="margin:4px 0">{{rich .}}</p>{{end}}{{if .LinkLine}}<p style="margin:4px 0"><a href="{{.URL}}">{{.Button}}</a></p>{{end}}</div>
{{end}}{{if .Footer.Text}}<p style="font-size:12px;color:#6b7280">{{.Footer.Text}}{{if .Footer.URL}} <a href="{{.Footer.URL}}" dir="ltr" style="color:#6b7280;` + wrapStyle + `">{{.Footer.URL}}</a>{{end}}</p>
{{end}}</body></html>
`))
