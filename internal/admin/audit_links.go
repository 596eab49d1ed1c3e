package admin

import (
	"context"
	"fmt"
	"slices"

	"pforte/internal/db"
	"pforte/internal/i18n"
)

// auditLookups read the records a page's details name, one query per kind and always
// within the tenant: a record of another tenant, or one deleted since, is not found
// and its detail stays text. Each row is (id, key, name): key is what the details name
// the record by when it is not its id (a staff member's address); for an article, name
// is a title and key its language. Companies are found by id only: a name may have
// passed to another company since (auditRef). Each row also has its created_at: on
// SQLite an id freed by deleting the newest row is given to the next one, so a record
// created after an entry is not the one the entry meant (detailCtx.ref).
var auditLookups = map[string]string{
	"ticket":   `SELECT id, '', title, created_at FROM tickets WHERE tenant_id = ? AND id IN (%s)`,
	"company":  `SELECT id, '', name, created_at FROM companies WHERE tenant_id = ? AND id IN (%s)`,
	"contact":  `SELECT id, '', TRIM(first_name || ' ' || last_name), created_at FROM contacts WHERE tenant_id = ? AND id IN (%s)`,
	"download": `SELECT id, '', title, created_at FROM download_files WHERE tenant_id = ? AND id IN (%s)`,
	"inbox":    `SELECT id, '', '', created_at FROM inbox_items WHERE tenant_id = ? AND id IN (%s)`,
	"article": `SELECT a.id, COALESCE(t.language, ''), COALESCE(t.title, ''), a.created_at FROM kb_articles a
		LEFT JOIN kb_translations t ON t.article_id = a.id AND t.tenant_id = a.tenant_id
		WHERE a.tenant_id = ? AND a.id IN (%s)`,
	"staff": `SELECT id, LOWER(email), name, created_at FROM staff WHERE tenant_id = ? AND LOWER(email) IN (%s)`,
}

// auditMerges reads, for merged tickets, the ticket each was merged into and their
// company: a merge entry's target is linked only when it is what the source's row says
// (ticket.Merge sets merged_into once; deleting the target clears it).
const auditMerges = `SELECT t.id, COALESCE(t.merged_into, 0), t.company_id, t.created_at FROM tickets t
	JOIN companies c ON c.id = t.company_id AND c.tenant_id = t.tenant_id
	WHERE t.tenant_id = ? AND t.id IN (%s)`

// auditFind looks up the records of want in the tenant. An article is named by its
// title in lang, else in the first language it has.
func auditFind(ctx context.Context, q db.Querier, tenantID int64, lang string, want map[auditRef]bool) (map[auditRef]auditRecord, error) {
	found := map[auditRef]auditRecord{}
	byKind := map[string][]any{}
	for r := range want {
		if r.Key != "" {
			byKind[r.Kind] = append(byKind[r.Kind], r.Key)
		} else {
			byKind[r.Kind] = append(byKind[r.Kind], r.ID)
		}
	}
	for kind, ids := range byKind {
		if kind == "merge" {
			if err := auditMerged(ctx, q, tenantID, ids, found); err != nil {
				return nil, err
			}
			continue
		}
		sel, ok := auditLookups[kind]
		if !ok {
			continue
		}
		if err := auditQuery(ctx, q, kind, fmt.Sprintf(sel, db.Marks(len(ids))), tenantID, ids, lang, found); err != nil {
			return nil, err
		}
	}
	return found, nil
}

func auditQuery(ctx context.Context, q db.Querier, kind, sel string, tenantID int64, ids []any, lang string, found map[auditRef]auditRecord) error {
	rows, err := q.Query(ctx, sel, append([]any{tenantID}, ids...)...)
	if err != nil {
		return fmt.Errorf("audit links: %s: %w", kind, err)
	}
	defer rows.Close()
	rank := map[auditRef]int{} // an article's best title so far: its language's place
	for rows.Next() {
		var id, created int64
		var key, name string
		if err := rows.Scan(&id, &key, &name, &created); err != nil {
			return fmt.Errorf("audit links: %s: %w", kind, err)
		}
		r := auditRef{Kind: kind, ID: id}
		switch kind {
		case "staff":
			r = auditRef{Kind: kind, Key: key}
			if _, twice := found[r]; twice { // an address two rows share links neither
				id = 0
			}
		case "article":
			place := slices.Index(i18n.Languages, key)
			switch {
			case key == lang:
				place = -1
			case place < 0: // a language no longer offered, or no translation at all
				place = len(i18n.Languages)
			}
			if old, seen := rank[r]; seen && old <= place {
				continue
			}
			rank[r] = place
		}
		found[r] = auditRecord{ID: id, Name: name, Created: created}
	}
	return rows.Err()
}

// auditMerged finds the "merge" refs of ids: what each ticket was merged into.
func auditMerged(ctx context.Context, q db.Querier, tenantID int64, ids []any, found map[auditRef]auditRecord) error {
	rows, err := q.Query(ctx, fmt.Sprintf(auditMerges, db.Marks(len(ids))), append([]any{tenantID}, ids...)...)
	if err != nil {
		return fmt.Errorf("audit links: merge: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var rec auditRecord
		if err := rows.Scan(&rec.ID, &rec.Into, &rec.Company, &rec.Created); err != nil {
			return fmt.Errorf("audit links: merge: %w", err)
		}
		found[auditRef{Kind: "merge", ID: rec.ID}] = rec
	}
	return rows.Err()
}
