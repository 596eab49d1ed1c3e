package tenant

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// BrandText is the portal's title, welcome text, chooser heading and support hours in
// one language; an empty one shows the main text (Branding.Title, Welcome, Chooser,
// Support.Hours) in that language.
type BrandText struct {
	Title, Welcome, Chooser, Hours string
}

// Empty reports whether the language has no text of its own.
func (b BrandText) Empty() bool { return b == BrandText{} }

// TitleIn is the title the portal shows to someone reading lang: the branding title in
// that language, else the main branding title, else the tenant's name.
func (t Tenant) TitleIn(lang string) string {
	if s := t.Brand.Texts[lang].Title; s != "" {
		return s
	}
	return t.PortalTitle()
}

// WelcomeIn is the welcome text for someone reading lang: the one in that language,
// else the main one (which may be empty: no welcome text).
func (t Tenant) WelcomeIn(lang string) string {
	if s := t.Brand.Texts[lang].Welcome; s != "" {
		return s
	}
	return t.Brand.Welcome
}

// ChooserIn is the company chooser's heading for someone reading lang: the one in that
// language, else the main one; "" when neither is set (the standard text then).
func (t Tenant) ChooserIn(lang string) string {
	if s := t.Brand.Texts[lang].Chooser; s != "" {
		return s
	}
	return t.Brand.Chooser
}

// SupportIn is the support contact for someone reading lang: the hours in that
// language, else the main ones.
func (t Tenant) SupportIn(lang string) SupportContact {
	s := t.Brand.Support
	if h := t.Brand.Texts[lang].Hours; h != "" {
		s.Hours = h
	}
	return s
}

// withTexts adds the tenant's texts per language to t, just loaded with err.
func withTexts(ctx context.Context, q db.Querier, t Tenant, err error) (Tenant, error) {
	if err != nil {
		return t, err
	}
	rows, err := q.Query(ctx, `SELECT language, title, welcome, chooser, support_hours FROM tenant_brand_texts WHERE tenant_id = ?`, t.ID)
	if err != nil {
		return t, fmt.Errorf("tenant: brand texts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var lang string
		var tx BrandText
		if err := rows.Scan(&lang, &tx.Title, &tx.Welcome, &tx.Chooser, &tx.Hours); err != nil {
			return t, fmt.Errorf("tenant: brand texts: %w", err)
		}
		if t.Brand.Texts == nil {
			t.Brand.Texts = map[string]BrandText{}
		}
		t.Brand.Texts[lang] = tx
	}
	if err := rows.Err(); err != nil {
		return t, fmt.Errorf("tenant: brand texts: %w", err)
	}
	return t, nil
}

// setTexts replaces the tenant's texts per language with texts (already validated, only
// the portal's languages); a language with no text has no row.
func setTexts(ctx context.Context, q db.Querier, id int64, texts map[string]BrandText) error {
	if _, err := q.Exec(ctx, `DELETE FROM tenant_brand_texts WHERE tenant_id = ?`, id); err != nil {
		return fmt.Errorf("tenant: set brand texts: %w", err)
	}
	for lang, tx := range texts {
		if tx.Empty() {
			continue
		}
		if _, err := q.Exec(ctx, `INSERT INTO tenant_brand_texts (tenant_id, language, title, welcome, chooser, support_hours)
			VALUES (?, ?, ?, ?, ?, ?)`, id, lang, tx.Title, tx.Welcome, tx.Chooser, tx.Hours); err != nil {
			return fmt.Errorf("tenant: set brand texts: %w", err)
		}
	}
	return nil
}
