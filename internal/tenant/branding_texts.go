package tenant

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// BrandText is the portal's title and welcome text in one language; an empty one
// shows the main text (Branding.Title, Branding.Welcome) in that language.
type BrandText struct {
	Title, Welcome string
}

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

// withTexts adds the tenant's texts per language to t, just loaded with err.
func withTexts(ctx context.Context, q db.Querier, t Tenant, err error) (Tenant, error) {
	if err != nil {
		return t, err
	}
	rows, err := q.Query(ctx, `SELECT language, title, welcome FROM tenant_brand_texts WHERE tenant_id = ?`, t.ID)
	if err != nil {
		return t, fmt.Errorf("tenant: brand texts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var lang string
		var tx BrandText
		if err := rows.Scan(&lang, &tx.Title, &tx.Welcome); err != nil {
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
// the portal's languages); a language with neither text has no row.
func setTexts(ctx context.Context, q db.Querier, id int64, texts map[string]BrandText) error {
	if _, err := q.Exec(ctx, `DELETE FROM tenant_brand_texts WHERE tenant_id = ?`, id); err != nil {
		return fmt.Errorf("tenant: set brand texts: %w", err)
	}
	for lang, tx := range texts {
		if tx.Title == "" && tx.Welcome == "" {
			continue
		}
		if _, err := q.Exec(ctx, `INSERT INTO tenant_brand_texts (tenant_id, language, title, welcome) VALUES (?, ?, ?, ?)`,
			id, lang, tx.Title, tx.Welcome); err != nil {
			return fmt.Errorf("tenant: set brand texts: %w", err)
		}
	}
	return nil
}
