package admin

import (
	"context"

	"pforte/internal/company"
	"pforte/internal/i18n"
	"pforte/internal/web"
)

// companyListEmpty is what an empty company list says. "Nothing found" answers a
// search; without one the tenant simply has no company (or none archived) yet, and
// "nothing found" read as if a search had failed: the message names the button that
// creates the first one instead. anyArchived: the active list is empty because every
// company is archived, which "there are no companies yet" denied.
func companyListEmpty(ctx context.Context, q, state string, pg web.Pager, anyArchived bool) string {
	switch {
	case q != "" || pg.Page > 1:
		return i18n.T(ctx, "admin.empty")
	case state == company.Archived:
		return i18n.T(ctx, "list_empty.companies_archived")
	case anyArchived:
		return i18n.T(ctx, "list_empty.companies_live", map[string]any{"Tab": i18n.T(ctx, "company_archive.tab_archived")})
	}
	return i18n.T(ctx, "list_empty.companies", map[string]any{"Action": i18n.T(ctx, "admin.companies.new")})
}

// contactListEmpty is what an empty contact list says: "nothing found" for a search or
// an access filter, else that there is no contact yet and how to add one.
func contactListEmpty(ctx context.Context, filter contactFilter, pg web.Pager) string {
	if filter.Q != "" || filter.Access != "" || pg.Page > 1 {
		return i18n.T(ctx, "admin.empty")
	}
	return i18n.T(ctx, "list_empty.contacts", map[string]any{"Action": i18n.T(ctx, "admin.contacts.new")})
}
