package mailtmpl

import "testing"

func TestCheck(t *testing.T) {
	m, _ := Lookup("mail.invitation")
	for _, c := range []struct {
		in, kind, text string
	}{
		{"Hallo {{first_name}}, willkommen bei {{ portal }}", "", ""},
		{"Keine Platzhalter, nur {einfache} Klammern", "", ""},
		{"", "", ""},
		{"Hallo {{frist_name}}", ProblemUnknown, "{{frist_name}}"},
		{"Hallo {{reason}}", ProblemUnknown, "{{reason}}"},
		{"Hallo {{.Name}}", ProblemInvalid, "{{.Name}}"},
		{`{{printf "%s" 1}}`, ProblemInvalid, `{{printf "%s" 1}}`},
		{"{{ First_Name }}", ProblemInvalid, "{{ First_Name }}"},
		{"{{}}", ProblemInvalid, "{{}}"},
		{"Hallo {{first_name", ProblemBraces, "{{first_name"},
		{"Grüße }} äöü", ProblemBraces, "Grüße }}"},
		{"Hallo first_name}}", ProblemBraces, "Hallo first_name}}"},
		{"{{{first_name}}}", ProblemBraces, "{{{first_name}}}"},
		{"{{first\nname}}", ProblemBraces, "{{first\nname}}"},
	} {
		p := Check(m, c.in)
		switch {
		case c.kind == "" && p != nil:
			t.Errorf("%q: unexpected %+v", c.in, p)
		case c.kind != "" && (p == nil || p.Kind != c.kind || p.Text != c.text):
			t.Errorf("%q: got %+v, want %s %q", c.in, p, c.kind, c.text)
		}
	}
}

func TestExpand(t *testing.T) {
	v := map[string]string{"first_name": "<Anna>", "company": "A & B"}
	if got := Expand("Hallo {{ first_name }} von {{company}}: {{link}}", v); got != "Hallo <Anna> von A & B: {{link}}" {
		t.Errorf("expand: %q", got)
	}
	// A value that looks like a placeholder is not expanded again.
	if got := Expand("{{first_name}}", map[string]string{"first_name": "{{company}}", "company": "x"}); got != "{{company}}" {
		t.Errorf("recursive expansion: %q", got)
	}
	if got := Expand("kaputt {{first_name", v); got != "kaputt {{first_name" {
		t.Errorf("malformed: %q", got)
	}
}

func TestTextCheck(t *testing.T) {
	m, _ := Lookup("mail.reset")
	long := make([]byte, MaxBody+1)
	for i := range long {
		long[i] = 'x'
	}
	for name, c := range map[string]struct {
		in    Text
		field string
		id    string
	}{
		"empty subject":   {Text{Subject: " ", Body: "b", Button: "x"}, "subject", "error.required"},
		"empty body":      {Text{Subject: "s", Body: "", Button: "x"}, "body", "error.required"},
		"empty button":    {Text{Subject: "s", Greeting: "g", Body: "b"}, "button", "error.required"},
		"empty greeting":  {Text{Subject: "s", Greeting: " ", Body: "b", Button: "x"}, "greeting", "error.required"},
		"long body":       {Text{Subject: "s", Body: string(long), Button: "x"}, "body", "error.too_long"},
		"unknown":         {Text{Subject: "s {{company}}", Body: "b", Button: "x"}, "subject", "templates.error.unknown"},
		"unbalanced":      {Text{Subject: "s", Body: "b }}", Button: "x"}, "body", "templates.error.braces"},
		"go template":     {Text{Subject: "s", Greeting: "{{.Name}}", Body: "b", Button: "x"}, "greeting", "templates.error.invalid"},
		"subject newline": {Text{Subject: "s\r\nBcc: x@y", Greeting: "g", Body: "b", Button: "x"}, "", ""},
	} {
		e := c.in.Normal().Check(m)
		if c.field == "" {
			if e.Any() {
				t.Errorf("%s: %v", name, e)
			}
			continue
		}
		if e[c.field].ID != c.id {
			t.Errorf("%s: %v, want %s on %s", name, e, c.id, c.field)
		}
	}
	if n := (Text{Subject: "a\r\nb"}).Normal().Subject; n != "a b" {
		t.Errorf("normal subject %q", n)
	}
}
