package mailtmpl

import (
	"strings"

	"pforte/internal/i18n"
	"pforte/internal/validate"
)

// Text is a mail's wording in one language: subject, greeting, body paragraphs
// (separated by a blank line) and the button's label.
type Text struct {
	Subject, Greeting, Body, Button string
}

// Length limits of a tenant's text, in characters.
const (
	MaxSubject  = 200
	MaxGreeting = 200
	MaxBody     = 5000
	MaxButton   = 60
)

// Normal tidies a text as typed: line ends unified, the one-line fields kept on one line
// (a line break in a subject would be a header injection attempt, or a paste accident).
func (t Text) Normal() Text {
	oneLine := func(s string) string {
		return strings.TrimSpace(strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(s))
	}
	body := strings.ReplaceAll(strings.ReplaceAll(t.Body, "\r\n", "\n"), "\r", "\n")
	return Text{Subject: oneLine(t.Subject), Greeting: oneLine(t.Greeting), Body: strings.TrimSpace(body),
		Button: oneLine(t.Button)}
}

// Check validates a (normalised) text for mail m; the errors are keyed by the form's
// field names subject, greeting, body and button. The greeting is required: every
// mail's layout opens with it as a paragraph of its own, so an empty one would leave
// a blank line where the reader expects to be addressed.
func (t Text) Check(m Mail) validate.Errors {
	e := validate.Errors{}
	for _, f := range []struct {
		name, v  string
		required bool
		max      int
	}{{"subject", t.Subject, true, MaxSubject}, {"greeting", t.Greeting, !m.PlacesReply(), MaxGreeting},
		{"body", t.Body, true, MaxBody}, {"button", t.Button, m.HasButton(), MaxButton}} {
		e.Text(f.name, f.v, f.required, f.max)
		if p := Check(m, f.v); p != nil {
			e.Add(f.name, "templates.error."+p.Kind, map[string]any{"Text": p.Text, "Example": "{{first_name}}"})
			continue
		}
		for _, name := range bodyOnly {
			if f.name != "body" && Count(f.v, name) > 0 {
				e.Add(f.name, "mailout.error.body_only", map[string]any{"Text": "{{" + name + "}}"})
				break
			}
		}
		if f.name == "body" && Count(f.v, Reply.Name) > 1 {
			e.Add(f.name, "mailout.error.reply_twice", map[string]any{"Text": "{{" + Reply.Name + "}}"})
		}
	}
	return e
}

// bodyOnly are the placeholders a text may use in its body only: the written reply
// (placed once, as the mail's own text; in a subject it would make the whole reply the
// subject) and the support contacts, which may be unset (a subject or a button has no
// line to leave out, and "Call " as a subject says nothing).
var bodyOnly = []string{Reply.Name, SupportPhone.Name, SupportEmail.Name}

// Paragraphs splits the body at blank lines.
func (t Text) Paragraphs() []string {
	var out []string
	for _, p := range strings.Split(t.Body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Default is the built-in translation of mail m in lang, written with {{placeholders}},
// so the editor starts from it. Placeholder tokens stand in for the values: the built-in
// message {{.FirstName}} becomes {{first_name}}.
func Default(m Mail, lang string) Text {
	data := tokens(m)
	t := i18n.For(lang)
	if m.NoPortalOf != "" { // the usual mail's subject and greeting, its body for them, no button
		return Text{Subject: t.T(m.NoPortalOf+".subject", data), Greeting: t.T(m.NoPortalOf+".greeting", data),
			Body: t.T(m.NoPortalOf+NoPortalBody, data)}
	}
	out := Text{Subject: t.T(m.Key+".subject", data), Body: t.T(m.Key+".body", data)}
	if !m.PlacesReply() { // a person's mail starts with their own greeting
		out.Greeting = t.T(m.Key+".greeting", data)
	}
	if m.HasButton() {
		out.Button = t.T(m.Key+".button", data)
	}
	return out
}

// HasDefault reports whether mail m has built-in texts in lang (a mail registered ahead
// of the work that writes its texts has none yet and is not offered for editing).
func HasDefault(m Mail, lang string) bool {
	t := i18n.For(lang)
	ids := []string{m.Key + ".subject", m.Key + ".body"}
	if !m.PlacesReply() {
		ids = append(ids, m.Key+".greeting")
	}
	if m.HasButton() {
		ids = append(ids, m.Key+".button")
	}
	if m.NoPortalOf != "" {
		ids = []string{m.NoPortalOf + ".subject", m.NoPortalOf + ".greeting", m.NoPortalOf + NoPortalBody}
	}
	for _, id := range ids {
		if t.T(id) == id {
			return false
		}
	}
	return true
}

// Sample is the value of each placeholder the preview shows, keyed by Data.
func Sample(m Mail, lang string) map[string]any {
	t := i18n.For(lang)
	out := map[string]any{}
	for _, p := range m.Placeholders {
		if p.SampleKey != "" {
			out[p.Data] = t.T(p.SampleKey)
		} else {
			out[p.Data] = p.Sample
		}
	}
	return out
}

// tokens are the data that make a built-in message show mail m's placeholders instead
// of values: {{.FirstName}} becomes {{first_name}}.
func tokens(m Mail) map[string]any {
	data := map[string]any{}
	for _, p := range m.Placeholders {
		data[p.Data] = "{{" + p.Name + "}}"
	}
	return data
}
