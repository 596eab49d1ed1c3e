package web

import (
	"net/http"

	"pforte/internal/i18n"
	"pforte/internal/tenant"
)

// LangCookie remembers the language a visitor picked before logging in.
const LangCookie = "pforte_lang"

// VisitorLanguage is the language for someone without a language setting: the picked
// one, else the browser's, else the tenant's default.
func VisitorLanguage(r *http.Request, t tenant.Tenant) string {
	// Either name: a visitor's language is set over HTTPS (prefixed) or plain HTTP, and
	// a tossed language cookie can do no harm.
	for _, name := range [...]string{hostPrefix + LangCookie, LangCookie} {
		if c, err := r.Cookie(name); err == nil && i18n.Supported(c.Value) {
			return c.Value
		}
	}
	if l := i18n.Negotiate(r.Header.Get("Accept-Language")); l != "" {
		return l
	}
	return t.DefaultLanguage
}

// PersonLanguage is the language for a logged-in person: their setting, else as for a
// visitor.
func PersonLanguage(r *http.Request, t tenant.Tenant, setting string) string {
	if i18n.Supported(setting) {
		return setting
	}
	return VisitorLanguage(r, t)
}
