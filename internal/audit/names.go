package audit

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"pforte/internal/db"
)

// Actor is an entry's actor read back: the kind and id that access.StaffActor and
// access.ContactActor wrote ("staff:3 anna@…"), the command line (Operator: kind
// "cli", Email the system account), or only Raw for anything else (the address of a
// failed sign-in, a registration's address, "passkey").
type Actor struct {
	Kind  string // "staff", "contact", "cli", "system" (System: Email holds the task) or ""
	ID    int64
	Email string
	Raw   string
}

var actorRE = regexp.MustCompile(`^(staff|contact):(\d+) ?(.*)$`)

// Typed makes what someone typed as their login fit for the actor column: text that
// would read as a staff member's or contact's id ("staff:1 admin@…"), as the command
// line ("cli:root") or as the server itself ("system:retention") is quoted, so a
// failed login cannot write an entry in someone else's name.
func Typed(s string) string {
	if actorRE.MatchString(s) || strings.HasPrefix(s, operatorPrefix) || strings.HasPrefix(s, systemPrefix) {
		return strconv.Quote(s)
	}
	return s
}

// ParseActor reads an entry's actor.
func ParseActor(s string) Actor {
	if account, ok := strings.CutPrefix(s, operatorPrefix); ok {
		return Actor{Kind: "cli", Email: account, Raw: s}
	}
	if task, ok := strings.CutPrefix(s, systemPrefix); ok {
		return Actor{Kind: "system", Email: task, Raw: s}
	}
	m := actorRE.FindStringSubmatch(s)
	if m == nil {
		return Actor{Raw: s}
	}
	id, _ := strconv.ParseInt(m[2], 10, 64)
	return Actor{Kind: m[1], ID: id, Email: m[3], Raw: s}
}

// Names looks up the current names of the staff members and contacts the actors name,
// in one query per kind, scoped to the tenant. Entries keep what was written; the
// names only make the log readable (an anonymised contact shows as anonymised).
func Names(ctx context.Context, q db.Querier, tenantID int64, actors []Actor) (staff, contacts map[int64]string, err error) {
	staff, contacts = map[int64]string{}, map[int64]string{}
	var sIDs, cIDs []any
	for _, a := range actors {
		switch a.Kind {
		case "staff":
			sIDs = append(sIDs, a.ID)
		case "contact":
			cIDs = append(cIDs, a.ID)
		}
	}
	if err := names(ctx, q, `SELECT id, name FROM staff`, tenantID, sIDs, staff); err != nil {
		return nil, nil, err
	}
	if err := names(ctx, q, `SELECT id, TRIM(first_name || ' ' || last_name) FROM contacts`, tenantID, cIDs, contacts); err != nil {
		return nil, nil, err
	}
	return staff, contacts, nil
}

func names(ctx context.Context, q db.Querier, sel string, tenantID int64, ids []any, out map[int64]string) error {
	if len(ids) == 0 {
		return nil
	}
	rows, err := q.Query(ctx, sel+` WHERE tenant_id = ? AND id IN (`+db.Marks(len(ids))+`)`,
		append([]any{tenantID}, ids...)...)
	if err != nil {
		return fmt.Errorf("audit: names: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return fmt.Errorf("audit: names: %w", err)
		}
		out[id] = name
	}
	return rows.Err()
}
