package inboxmail

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/publicsuffix"

	"pforte/internal/validate"
)

// MaxValue bounds what an admin types: the longest address SMTP carries.
const MaxValue = 254

// Parse reads an address ("spam@spam.example") or a domain ("spam.example", also
// written "@spam.example") to block, as field of a form. It returns the kind and the
// value as blocks store it, or validate.Errors on field: empty, too long, no address
// or domain, a public mail provider's domain (blocking gmail.com would shut out
// everyone who writes from it) or a public suffix (co.uk, com).
func Parse(field, s string) (kind, value string, err error) {
	s = strings.TrimSpace(s)
	e := validate.Errors{}
	switch {
	case s == "":
		e.Required(field, s)
	case utf8.RuneCountInString(s) > MaxValue:
		e.Add(field, "error.too_long", map[string]any{"Max": MaxValue})
	case strings.HasPrefix(s, "@") || !strings.Contains(s, "@"):
		kind, value = KindDomain, validate.ASCIIDomain(strings.TrimPrefix(s, "@"))
		if !validate.IsDomain(value) {
			e.Add(field, "inbox_block.error.domain", nil)
		} else if reason := unblockable(value); reason != "" {
			e.Add(field, reason, map[string]any{"Domain": value})
		}
	default:
		address, domain, ok := normal(s)
		// As typed or with its domain in ASCII (validate.IsEmail wants one of them).
		valid := validate.IsEmail(strings.ToLower(s)) || validate.IsEmail(address)
		if !ok || !valid || !validate.IsDomain(domain) {
			e.Add(field, "inbox_block.error.address", nil)
		}
		kind, value = KindAddress, address
	}
	if e.Any() {
		return "", "", e
	}
	return kind, value, nil
}

// unblockable says why a domain may not be blocked as a whole ("" if it may): it is a
// public mail provider's, or a public suffix that many owners share.
func unblockable(domain string) string {
	if validate.PublicMailDomain(domain) {
		return "inbox_block.error.public"
	}
	if suffix, _ := publicsuffix.PublicSuffix(domain); suffix == domain {
		return "inbox_block.error.suffix"
	}
	return ""
}
