// Package localname keeps what staff call a row of their tenant — a knowledge-base
// category, a download folder — in the portal's other languages. The row keeps its
// main name; a language without a name of its own shows that. A tenant has a few
// dozen such names at most, so a page loads them all in one query and looks them up in
// memory, and the queries of its lists stay as they are (as ticket.Names does for
// ticket categories and statuses).
package localname

import (
	"context"
	"fmt"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/validate"
)

// Table says where one kind of row keeps its names: Names is the table of names
// (columns tenant_id, language, name and Ref), Ref its column holding the row's id,
// and Rows the table of the rows themselves, whose tenant_id decides whose row it is.
// The values are constants of the packages that own the rows, never user input.
type Table struct {
	Names, Ref, Rows string
}

type key struct {
	id   int64
	lang string
}

// Names are a tenant's names of one kind of row in other languages than the main
// name. The zero value has none, and every lookup gives the main name.
type Names struct{ m map[key]string }

// Load reads the tenant's names of t's rows.
func Load(ctx context.Context, q db.Querier, t Table, tenantID int64) (Names, error) {
	rows, err := q.Query(ctx, `SELECT `+t.Ref+`, language, name FROM `+t.Names+` WHERE tenant_id = ?`, tenantID)
	if err != nil {
		return Names{}, fmt.Errorf("localname: %s: %w", t.Names, err)
	}
	defer rows.Close()
	n := Names{m: map[key]string{}}
	for rows.Next() {
		var k key
		var name string
		if err := rows.Scan(&k.id, &k.lang, &name); err != nil {
			return Names{}, fmt.Errorf("localname: %s: %w", t.Names, err)
		}
		n.m[k] = name
	}
	return n, rows.Err()
}

// Name is row id's name in lang, or main where it has none.
func (n Names) Name(lang string, id int64, main string) string {
	if v, ok := n.m[key{id, lang}]; ok {
		return v
	}
	return main
}

// Of is the names of one row by language (for its form).
func (n Names) Of(id int64) map[string]string {
	out := map[string]string{}
	for k, v := range n.m {
		if k.id == id {
			out[k.lang] = v
		}
	}
	return out
}

// Field is the form field of the name in lang; Check reports its errors under it.
func Field(lang string) string { return "name_" + lang }

// Tidy gives the names as they are stored: one line, surrounding space trimmed, only
// the portal's languages. A name typed with a line break is one line in every list.
func Tidy(names map[string]string) map[string]string {
	out := map[string]string{}
	for _, lang := range i18n.Languages {
		out[lang] = validate.OneLine(names[lang])
	}
	return out
}

// Check refuses a name longer than max characters (the main name's limit) or holding
// a control character, next to its language's field (Field). Empty is fine: the main
// name shows.
func Check(names map[string]string, max int) error {
	e := validate.Errors{}
	for _, lang := range i18n.Languages {
		e.MaxLen(Field(lang), names[lang], max)
	}
	if e.Any() {
		return e
	}
	return nil
}

// Save replaces the names of the tenant's row id (Tidy, then Check: an invalid name is
// a validate.Errors and nothing is stored); an empty name removes that language's. A
// row of another tenant, or none, is db.ErrNotFound. changed says whether anything
// differs from before, so the caller writes an audit entry only for a change.
func Save(ctx context.Context, q db.Querier, t Table, tenantID, id int64, names map[string]string, max int) (changed bool, err error) {
	names = Tidy(names)
	if err := Check(names, max); err != nil {
		return false, err
	}
	var one int
	if err := q.QueryRow(ctx, `SELECT 1 FROM `+t.Rows+` WHERE tenant_id = ? AND id = ?`, tenantID, id).Scan(&one); err != nil {
		return false, db.One(err)
	}
	had, err := of(ctx, q, t, id)
	if err != nil {
		return false, err
	}
	for _, lang := range i18n.Languages {
		old, ok := had[lang]
		name := names[lang]
		if (ok && old == name) || (!ok && name == "") {
			continue
		}
		changed = true
		if ok {
			if _, err := q.Exec(ctx, `DELETE FROM `+t.Names+` WHERE `+t.Ref+` = ? AND language = ?`, id, lang); err != nil {
				return false, fmt.Errorf("localname: save %s: %w", t.Names, err)
			}
		}
		if name != "" {
			if _, err := q.Exec(ctx, `INSERT INTO `+t.Names+` (`+t.Ref+`, language, tenant_id, name) VALUES (?, ?, ?, ?)`,
				id, lang, tenantID, name); err != nil {
				return false, fmt.Errorf("localname: save %s: %w", t.Names, err)
			}
		}
	}
	return changed, nil
}

// of reads one row's stored names by language.
func of(ctx context.Context, q db.Querier, t Table, id int64) (map[string]string, error) {
	rows, err := q.Query(ctx, `SELECT language, name FROM `+t.Names+` WHERE `+t.Ref+` = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("localname: %s: %w", t.Names, err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var lang, name string
		if err := rows.Scan(&lang, &name); err != nil {
			return nil, fmt.Errorf("localname: %s: %w", t.Names, err)
		}
		out[lang] = name
	}
	return out, rows.Err()
}
