// Package validate collects field errors for forms. Messages are i18n message ids, so
// each page shows them in the reader's language next to the field.
package validate

import (
	"net/mail"
	"regexp"
	"strings"
	"unicode/utf8"
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

// Required adds error.required when v is blank.
func (e Errors) Required(field, v string) {
	if strings.TrimSpace(v) == "" {
		e.Add(field, "error.required", nil)
	}
}

// MaxLen adds error.too_long when v has more than max characters.
func (e Errors) MaxLen(field, v string, max int) {
	if utf8.RuneCountInString(v) > max {
		e.Add(field, "error.too_long", map[string]any{"Max": max})
	}
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

// domainRE matches a host name of at least two labels, lower case.
var domainRE = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$`)

// IsDomain reports whether s is a plain lower-case domain name such as "kunde.de".
func IsDomain(s string) bool { return len(s) <= 253 && domainRE.MatchString(s) }
