package admin

import (
	"context"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/i18n"
)

// auditRow is an audit entry as the log shows it: the actor by name and address with a
// translated kind, the details as a sentence in the reader's language with links to the
// records they name. The stored entry is unchanged: it is written in one neutral form
// for every language, and the log's text search reads that form.
type auditRow struct {
	audit.Entry
	ActorName  string // current name, when the actor is a staff member or contact still known
	ActorEmail string // the address as written, or the raw actor
	ActorKind  string // translated kind, empty for a raw actor
	Detail     []detailPart
}

func auditRows(ctx context.Context, list []audit.Entry, staff, contacts map[int64]string, details [][]detailPart) []auditRow {
	out := make([]auditRow, len(list))
	for i, e := range list {
		a := audit.ParseActor(e.Actor)
		row := auditRow{Entry: e, ActorEmail: a.Raw, Detail: details[i]}
		switch a.Kind {
		case "staff":
			row.ActorName, row.ActorEmail = staff[a.ID], a.Email
			row.ActorKind = i18n.T(ctx, "admin_fixes.audit.kind.staff")
		case "contact":
			row.ActorName, row.ActorEmail = contacts[a.ID], a.Email
			row.ActorKind = i18n.T(ctx, "admin_fixes.audit.kind.contact")
		case "cli": // pforte staff-login: the system account that ran it, not a person here
			row.ActorName, row.ActorEmail = i18n.T(ctx, "staff_cli.audit.actor"), a.Email
			row.ActorKind = i18n.T(ctx, "staff_cli.audit.kind")
		case "system": // the server by itself (the retention rules), no person
			row.ActorName, row.ActorEmail = i18n.T(ctx, "retention.audit.actor."+a.Email), ""
			row.ActorKind = i18n.T(ctx, "retention.audit.kind")
		}
		out[i] = row
	}
	return out
}

// auditDetails renders the details of a page's entries. A first pass collects the
// records they name, one query per kind finds those still in the tenant, and a second
// pass renders with links to them: a page costs the same few queries however many
// entries name records.
func auditDetails(ctx context.Context, q db.Querier, tenantID int64, list []audit.Entry) ([][]detailPart, error) {
	want := map[auditRef]bool{}
	for _, e := range list {
		auditDetail(&detailCtx{ctx: ctx, e: e, want: want})
	}
	found, err := auditFind(ctx, q, tenantID, i18n.From(ctx).Lang, want)
	if err != nil {
		return nil, err
	}
	out := make([][]detailPart, len(list))
	for i, e := range list {
		out[i] = auditDetail(&detailCtx{ctx: ctx, e: e, found: found})
	}
	return out, nil
}

// auditDetail renders one entry's target by its action's format; a target the format
// does not read (an old entry, text typed by people) is shown as written.
func auditDetail(d *detailCtx) []detailPart {
	if f := auditFormats[d.e.Action]; f != nil {
		if ps := f(d, d.e.Target); ps != nil {
			return ps
		}
	}
	if d.e.Target == "" {
		return nil
	}
	return detailText(d.e.Target)
}
