package inbox

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"pforte/internal/db"
)

const columns = `i.id, i.tenant_id, i.kind, i.state, i.title, i.payload, i.email, i.domain,
	COALESCE(i.company_id, 0), COALESCE(i.contact_id, 0), COALESCE(sc.id, 0),
	COALESCE(co.name, ''), COALESCE(sc.name, ''), i.created_at, COALESCE(i.handled_at, 0),
	COALESCE(i.handled_by_staff_id, 0), COALESCE(i.handled_by_contact_id, 0), i.handled_by, i.reason, i.active_at`

// from joins the suggested company only while it is not archived: a suggestion stored
// when the item arrived reads as none once staff archived the company, so nothing
// offers (or preselects) a company that approving would then refuse.
const from = ` FROM inbox_items i
	LEFT JOIN companies co ON co.id = i.company_id
	LEFT JOIN companies sc ON sc.id = i.suggested_company_id AND sc.archived_at IS NULL `

func scan(row interface{ Scan(...any) error }) (Item, error) {
	var it Item
	var payload string
	var created, handled, active int64
	err := row.Scan(&it.ID, &it.TenantID, &it.Kind, &it.State, &it.Title, &payload, &it.Email, &it.Domain,
		&it.CompanyID, &it.ContactID, &it.SuggestedCompanyID, &it.CompanyName, &it.SuggestedName, &created, &handled,
		&it.HandledByStaffID, &it.HandledByContactID, &it.HandledBy, &it.Reason, &active)
	it.Payload = []byte(payload)
	it.CreatedAt = time.Unix(created, 0)
	it.ActiveAt = time.Unix(active, 0)
	if handled > 0 {
		it.HandledAt = time.Unix(handled, 0)
	}
	return it, db.One(err)
}

func list(ctx context.Context, q db.Querier, where string, args ...any) ([]Item, error) {
	rows, err := q.Query(ctx, `SELECT `+columns+from+`WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("inbox: list: %w", err)
	}
	defer rows.Close()
	var out []Item
	for rows.Next() {
		it, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// Get loads an item of the tenant; another tenant's item is db.ErrNotFound.
func Get(ctx context.Context, q db.Querier, tenantID, id int64) (Item, error) {
	return scan(q.QueryRow(ctx, `SELECT `+columns+from+`WHERE i.tenant_id = ? AND i.id = ?`, tenantID, id))
}

// Filter selects items for the back office's list.
type Filter struct {
	Kind  string // "" for every kind
	State string // "" for every state
	After Cursor // keyset paging: only items after this one in the list's order
	Limit int
}

// List returns the tenant's items matching f by their last activity, newest first (an
// item reopened or continued by a new mail comes back to the top), the id breaking
// ties. Paging is by keyset on (activity, id), so a long history stays as fast as the
// first page and an item is on one page only; an index ending in both serves each
// filter (migration 77).
func List(ctx context.Context, q db.Querier, tenantID int64, f Filter) ([]Item, error) {
	where, args := `i.tenant_id = ?`, []any{tenantID}
	if f.State != "" {
		where += ` AND i.state = ?`
		args = append(args, f.State)
	}
	if f.Kind != "" {
		where += ` AND i.kind = ?`
		args = append(args, f.Kind)
	}
	if f.After.ID > 0 {
		// The first condition bounds the index range; the second drops the items of
		// the same second up to the cursor's.
		where += ` AND i.active_at <= ? AND (i.active_at < ? OR i.id < ?)`
		args = append(args, f.After.At, f.After.At, f.After.ID)
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	return list(ctx, q, where+` ORDER BY i.active_at DESC, i.id DESC LIMIT ?`, append(args, f.Limit)...)
}

// CountOpen counts the tenant's open items for the navigation. Open items are few
// compared with the whole history, and the (tenant, state, active_at, id) index
// answers the count without touching the table.
func CountOpen(ctx context.Context, q db.Querier, tenantID int64) (int, error) {
	var n int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM inbox_items WHERE tenant_id = ? AND state = 'open'`, tenantID).Scan(&n); err != nil {
		return 0, fmt.Errorf("inbox: count: %w", err)
	}
	return n, nil
}

// OpenForDomains lists open items of kind whose email domain is one of domains, oldest
// first: what a main contact may decide on for their company.
func OpenForDomains(ctx context.Context, q db.Querier, tenantID int64, kind string, domains []string) ([]Item, error) {
	if len(domains) == 0 {
		return nil, nil
	}
	marks := db.Marks(len(domains))
	args := []any{tenantID, kind}
	for _, d := range domains {
		args = append(args, strings.ToLower(d))
	}
	return list(ctx, q, `i.tenant_id = ? AND i.kind = ? AND i.state = 'open' AND i.domain IN (`+marks+`)
		ORDER BY i.id LIMIT 100`, args...)
}

// GetForDomains loads an item only if its email domain is one of domains; otherwise it
// is db.ErrNotFound, as for an item that does not exist.
func GetForDomains(ctx context.Context, q db.Querier, tenantID, id int64, domains []string) (Item, error) {
	it, err := Get(ctx, q, tenantID, id)
	if err != nil {
		return Item{}, err
	}
	if it.Domain == "" || !slices.Contains(domains, it.Domain) {
		return Item{}, db.ErrNotFound
	}
	return it, nil
}
