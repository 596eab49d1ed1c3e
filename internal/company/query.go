package company

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/validate"
)

const columns = `c.id, c.tenant_id, c.name, c.customer_number, c.email_domains, c.street, c.postal_code,
	c.city, c.country, COALESCE(c.external_id, ''), COALESCE(c.archived_at, 0)`

func scan(row interface{ Scan(...any) error }) (Company, error) {
	var c Company
	var archived int64
	err := row.Scan(&c.ID, &c.TenantID, &c.Name, &c.CustomerNumber, &c.EmailDomains, &c.Street,
		&c.PostalCode, &c.City, &c.Country, &c.ExternalID, &archived)
	if archived > 0 {
		c.ArchivedAt = time.Unix(archived, 0)
	}
	return c, db.One(err)
}

func scanAll(rows *sql.Rows, err error) ([]Company, error) {
	if err != nil {
		return nil, fmt.Errorf("company: list: %w", err)
	}
	defer rows.Close()
	var out []Company
	for rows.Next() {
		c, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Get loads a company of the tenant (back office).
func Get(ctx context.Context, q db.Querier, tenantID, id int64) (Company, error) {
	return scan(q.QueryRow(ctx, `SELECT `+columns+` FROM companies c WHERE c.tenant_id = ? AND c.id = ?`, tenantID, id))
}

// Which companies a list holds, by archive state.
const (
	Live     = ""         // not archived: the default wherever a company is chosen
	Archived = "archived" // only archived ones (the company list's filter)
	AnyState = "all"      // both, for lists of what exists (the ticket queue's filter)
)

// ListParams selects one page of a list.
type ListParams struct {
	Search string
	State  string // Live (the zero value), Archived or AnyState
	Offset int
	Limit  int
}

// List returns up to p.Limit companies matching p.Search, ordered by name, plus whether
// more follow. It never counts all rows, so it stays fast however many companies there are.
func List(ctx context.Context, q db.Querier, tenantID int64, p ListParams) ([]Company, bool, error) {
	where, args := `c.tenant_id = ?`, []any{tenantID}
	switch p.State {
	case AnyState:
	case Archived: // companies_archived, a partial index of the few archived ones
		where += ` AND c.archived_at IS NOT NULL`
	default:
		where += ` AND c.archived_at IS NULL`
	}
	if strings.TrimSpace(validate.Clean(p.Search)) != "" {
		// Without accents: the search text holds that spelling too (Company.search).
		cond, more := db.SearchFilter(q.Engine(), "companies", "c", db.Unaccent(validate.Clean(p.Search)), tenantID)
		where += ` AND ` + cond
		args = append(args, more...)
	}
	args = append(args, p.Limit+1, p.Offset)
	list, err := scanAll(q.Query(ctx, `SELECT `+columns+` FROM companies c WHERE `+where+
		` ORDER BY c.name, c.id LIMIT ? OFFSET ?`, args...))
	if err != nil || len(list) <= p.Limit {
		return list, false, err
	}
	return list[:p.Limit], true, nil
}

// likeEscape escapes LIKE wildcards (with ESCAPE '\'), so "%" and "_" are searched for
// literally instead of matching everything.
func likeEscape(s string) string {
	return db.LikeEscape(s)
}

// ForContact loads the company id as the portal principal may see it: only the
// principal's active company within their tenant. Anything else is ErrNotFound.
func ForContact(ctx context.Context, q db.Querier, p principal.Contact, id int64) (Company, error) {
	if !p.Valid() || id != p.CompanyID {
		return Company{}, db.ErrNotFound
	}
	return scan(q.QueryRow(ctx, `SELECT `+columns+` FROM companies c
		JOIN memberships m ON m.company_id = c.id AND m.contact_id = ? AND m.access = 'active'
		WHERE c.tenant_id = ? AND c.id = ? AND c.archived_at IS NULL`, p.ContactID, p.TenantID, id))
}

// LiveByDomain is ByDomain for suggestions and mail routing: an archived company owns
// its domains still (no other company may take them while it could be restored), but
// mail and registrations from them are sorted by staff, as from an unknown domain.
func LiveByDomain(ctx context.Context, q db.Querier, tenantID int64, domain string) (Company, error) {
	c, err := ByDomain(ctx, q, tenantID, domain)
	if err == nil && c.Archived() {
		return Company{}, db.ErrNotFound
	}
	return c, err
}

// ByDomain finds the company of the tenant that owns an email domain, archived or not.
func ByDomain(ctx context.Context, q db.Querier, tenantID int64, domain string) (Company, error) {
	domain = validate.ASCIIDomain(domain) // as Domains stores it
	rows, err := q.Query(ctx, `SELECT `+columns+` FROM companies c WHERE c.tenant_id = ? AND c.email_domains LIKE ? ESCAPE '\'`,
		tenantID, "%"+likeEscape(domain)+"%")
	list, err := scanAll(rows, err)
	if err != nil {
		return Company{}, err
	}
	for _, c := range list {
		for _, d := range c.Domains() {
			if d == domain {
				return c, nil
			}
		}
	}
	return Company{}, db.ErrNotFound
}
