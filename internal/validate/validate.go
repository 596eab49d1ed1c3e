// Package validate collects field errors for forms. Messages are i18n message ids, so
// each page shows them in the reader's language next to the field.
package validate

import (
	"net/mail"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// Msg is one error: an i18n message id and its template data.
type Msg struct {
	ID   string
	Data map[string]any
}

// Errors maps a form field name to its first error.
type Errors map[string]Msg

// Add records an error for field unless it already has one.
func (e Errors) Add(field, id string, data map[string]any) {
	if _, ok := e[field]; !ok {
		e[field] = Msg{ID: id, Data: data}
	}
}

// Any reports whether there is at least one error.
func (e Errors) Any() bool { return len(e) > 0 }

// Error makes Errors usable as an error value returned from domain code.
func (e Errors) Error() string {
	var b strings.Builder
	for f, m := range e {
		b.WriteString(f + ": " + m.ID + "; ")
	}
	return b.String()
}

// Required adds error.required when v is blank: nothing but spaces and invisible
// format characters (a zero-width space, a direction mark), which would make a name
// nobody can see or click.
func (e Errors) Required(field, v string) {
	if strings.TrimFunc(v, func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) }) == "" {
		e.Add(field, "error.required", nil)
	}
}

// MaxLen adds error.too_long when v has more than max characters, and error.control
// when v holds a control character (see HasControl): every text field passes here, so
// no form stores invisible bytes that break lists, exports and mails. Code that can
// tidy its input calls StripControl first, so the person never sees this error.
func (e Errors) MaxLen(field, v string, max int) {
	if utf8.RuneCountInString(v) > max {
		e.Add(field, "error.too_long", map[string]any{"Max": max})
	}
	if HasControl(v) {
		e.Add(field, "error.control", nil)
	}
}

// isControl reports a control character other than tab and line breaks: C0 controls,
// DEL and the C1 range. Tab, line feed and carriage return belong to multi-line text.
func isControl(r rune) bool {
	switch r {
	case '\t', '\n', '\r':
		return false
	}
	return r < 0x20 || (r >= 0x7f && r <= 0x9f)
}

// HasControl reports whether s holds a control character other than tab and line
// breaks.
func HasControl(s string) bool { return strings.IndexFunc(s, isControl) >= 0 }

// StripControl removes control characters other than tab and line breaks from s.
func StripControl(s string) string {
	if !HasControl(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s)
}

// Line tidies a single-line field: control characters (line breaks included) and
// bidirectional overrides removed, surrounding space trimmed.
func Line(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\t' {
			return ' '
		}
		if r == '\n' || r == '\r' || isControl(r) || isOverride(r) {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// Email adds error.email when v is not empty and not a plain address.
func (e Errors) Email(field, v string) {
	if v == "" {
		return
	}
	if !IsEmail(v) {
		e.Add(field, "error.email", nil)
	}
}

// IsEmail reports whether v is a bare email address (no display name).
func IsEmail(v string) bool {
	a, err := mail.ParseAddress(v)
	return err == nil && a.Address == v && strings.Contains(v[strings.LastIndex(v, "@"):], ".")
}

// Text is what Required+MaxLen check for a typical single-line field.
func (e Errors) Text(field, v string, required bool, max int) {
	if required {
		e.Required(field, v)
	}
	e.MaxLen(field, v, max)
}

// Clean makes untrusted text safe to store and query on both engines: invalid UTF-8
// is replaced and NUL bytes (which PostgreSQL refuses in text) are dropped.
func Clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.ReplaceAll(s, "\x00", "")
}

// Usable reports whether s is valid UTF-8 without NUL bytes.
func Usable(s string) bool { return utf8.ValidString(s) && !strings.ContainsRune(s, 0) }

// Truncate shortens s to at most n bytes without cutting a character in half.
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// TruncateChars shortens s to at most n characters (runes): for what a person typed
// into a field whose maxlength counts characters, so 100 Thai letters (300 bytes) fit a
// limit of 200 as they do in the browser.
func TruncateChars(s string, n int) string {
	if len(s) <= n { // n bytes hold at most n characters
		return s
	}
	i := 0
	for at := range s {
		if i == n {
			return s[:at]
		}
		i++
	}
	return s
}

// domainRE matches a host name of at least two labels, lower case.
var domainRE = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$`)

// IsDomain reports whether s is a plain lower-case domain name such as "kunde.de".
// A name with umlauts must be passed through ASCIIDomain first.
func IsDomain(s string) bool { return len(s) <= 253 && domainRE.MatchString(s) }

// ASCIIDomain returns a domain in the form DNS and mail use: lower case, and a name
// with letters beyond ASCII ("münchen.de") as punycode ("xn--mnchen-3ya.de"), so such
// a domain is accepted and matches the address mail really comes from. A name IDNA
// refuses comes back lower-cased as it was, for IsDomain to name as bad.
func ASCIIDomain(d string) string {
	d = strings.ToLower(strings.TrimSpace(d))
	if a, err := idna.Lookup.ToASCII(d); err == nil {
		return a
	}
	return d
}
