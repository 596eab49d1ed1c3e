package kb

import (
	"pforte/internal/principal"
	"pforte/internal/tenant"
)

// Viewer is who reads the knowledge base: a visitor without login (CompanyID 0) or a
// contact acting for a company. Every portal query of this package takes a Viewer, so
// none can forget the tenant, the company or the visibility rules.
type Viewer struct {
	TenantID  int64
	CompanyID int64  // the contact's active company; 0 for a visitor
	Lang      string // the reader's language
	Fallback  string // the tenant's default language
}

// Visitor is a reader without login: they see public articles only.
func Visitor(t tenant.Tenant, lang string) Viewer {
	return Viewer{TenantID: t.ID, Lang: lang, Fallback: t.DefaultLanguage}
}

// ContactViewer is a logged-in contact acting for their active company. An invalid
// principal reads as a visitor, never as someone with more rights.
func ContactViewer(p principal.Contact, t tenant.Tenant, lang string) Viewer {
	v := Viewer{TenantID: t.ID, Lang: lang, Fallback: t.DefaultLanguage}
	if p.Valid() && p.TenantID == t.ID {
		v.CompanyID = p.CompanyID
	}
	return v
}

// LoggedIn reports whether the viewer is a contact.
func (v Viewer) LoggedIn() bool { return v.CompanyID > 0 }

// visible is the condition (on article alias a) for articles the viewer may read:
// published, of the viewer's tenant, and public, for every customer, or chosen for the
// viewer's company. Drafts never.
func (v Viewer) visible() (string, []any) {
	if !v.LoggedIn() {
		return `a.tenant_id = ? AND a.status = 'published' AND a.visibility = 'public'`, []any{v.TenantID}
	}
	return `a.tenant_id = ? AND a.status = 'published' AND (a.visibility IN ('public', 'customers')
		OR (a.visibility = 'companies' AND EXISTS (SELECT 1 FROM kb_article_companies ac
			WHERE ac.article_id = a.id AND ac.company_id = ? AND ac.tenant_id = a.tenant_id)))`,
		[]any{v.TenantID, v.CompanyID}
}

// Bridge is the language an article is read in when it is not written in the reader's:
// before the tenant's default. A reader whose language is not the provider's chose
// another one, and far more of them read English than the provider's own language (a
// Hebrew or French customer of a German provider); an article the provider did not
// translate into English is read in its default, as before.
const Bridge = "en"

// Preferred lists the languages the viewer reads an article in, best first: their
// own, Bridge, then the tenant's default. An article in none of them is read in the
// first of its languages by code.
func (v Viewer) Preferred() []string { return []string{v.Lang, Bridge, v.Fallback} }

// pickTranslation joins (as alias t) the one translation of article a the viewer reads,
// in the order of Preferred.
func (v Viewer) pickTranslation() (string, []any) {
	p := v.Preferred()
	return ` JOIN kb_translations t ON t.id = (SELECT t2.id FROM kb_translations t2 WHERE t2.article_id = a.id
		ORDER BY CASE t2.language WHEN ? THEN 0 WHEN ? THEN 1 WHEN ? THEN 2 ELSE 3 END, t2.language LIMIT 1) `,
		[]any{p[0], p[1], p[2]}
}

// rank orders languages for the viewer: their place in Preferred, after them any other.
func (v Viewer) rank(lang string) int {
	p := v.Preferred()
	for i, l := range p {
		if l == lang {
			return i
		}
	}
	return len(p)
}
