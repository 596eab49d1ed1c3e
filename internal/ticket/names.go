package ticket

import (
	"context"
	"fmt"

	"pforte/internal/db"
	"pforte/internal/i18n"
)

// Kinds of translated names (ticket_name_translations.kind).
const (
	NameCategory = "category"
	NameStatus   = "status"
)

type nameKey struct {
	kind string
	id   int64
	lang string
}

// Names are a tenant's category and status names in other languages than the main
// name. A tenant has a few dozen at most, so pages load them all once per request and
// look names up in memory: the ticket list's query stays without a join. The zero
// value has none, and every lookup falls back to the main name.
type Names struct{ m map[nameKey]string }

// LoadNames reads the tenant's translated names.
func LoadNames(ctx context.Context, q db.Querier, tenantID int64) (Names, error) {
	rows, err := q.Query(ctx, `SELECT kind, ref_id, language, name FROM ticket_name_translations WHERE tenant_id = ?`, tenantID)
	if err != nil {
		return Names{}, fmt.Errorf("ticket: names: %w", err)
	}
	defer rows.Close()
	n := Names{m: map[nameKey]string{}}
	for rows.Next() {
		var k nameKey
		var name string
		if err := rows.Scan(&k.kind, &k.id, &k.lang, &name); err != nil {
			return Names{}, fmt.Errorf("ticket: names: %w", err)
		}
		n.m[k] = name
	}
	return n, rows.Err()
}

// Of is the translations of one category or status, by language (for the settings form).
func (n Names) Of(kind string, id int64) map[string]string {
	out := map[string]string{}
	for k, v := range n.m {
		if k.kind == kind && k.id == id {
			out[k.lang] = v
		}
	}
	return out
}

// Category is category id's name in lang, or main where it has none.
func (n Names) Category(lang string, id int64, main string) string {
	if v, ok := n.m[nameKey{NameCategory, id, lang}]; ok && id != 0 {
		return v
	}
	return main
}

// Status is the status's name in the translator's language: the tenant's translation
// of its own name, the tenant's own name, or the built-in status's translation. A
// built-in status nobody renamed has no translations of the tenant's: its message
// already speaks every language.
func (n Names) Status(tr *i18n.Localizer, s Status) string {
	if key, _ := s.Label(); key == "" {
		if v, ok := n.m[nameKey{NameStatus, s.ID, tr.Lang}]; ok {
			return v
		}
	}
	return StatusLabel(tr, s)
}

// SaveNames replaces the translations of one category or status of the tenant; an
// empty name removes that language's (the main name shows then). Only what changed is
// written: each write makes the tenant's kept ticket lists be rendered anew.
func SaveNames(ctx context.Context, q db.Querier, tenantID int64, kind string, id int64, names map[string]string) error {
	old, err := LoadNames(ctx, q, tenantID)
	if err != nil {
		return err
	}
	had := old.Of(kind, id)
	for lang, name := range had {
		if names[lang] == name {
			continue
		}
		if _, err := q.Exec(ctx, `DELETE FROM ticket_name_translations WHERE tenant_id = ? AND kind = ? AND ref_id = ? AND language = ?`,
			tenantID, kind, id, lang); err != nil {
			return fmt.Errorf("ticket: save names: %w", err)
		}
	}
	for lang, name := range names {
		if name == "" || had[lang] == name {
			continue
		}
		if _, err := q.Exec(ctx, `INSERT INTO ticket_name_translations (tenant_id, kind, ref_id, language, name) VALUES (?, ?, ?, ?, ?)`,
			tenantID, kind, id, lang, name); err != nil {
			return fmt.Errorf("ticket: save names: %w", err)
		}
	}
	return nil
}

type namesKey struct{}

// WithNames keeps the tenant's names in ctx for the templates of one request.
func WithNames(ctx context.Context, n Names) context.Context {
	return context.WithValue(ctx, namesKey{}, n)
}

// NamesFrom is the names WithNames kept, or none.
func NamesFrom(ctx context.Context) Names {
	n, _ := ctx.Value(namesKey{}).(Names)
	return n
}
