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

// kbListEmpty is what an empty article list says: "no articles found" for a search or
// a filter, else that there is no article yet (an unfiltered first page lists them
// all, drafts too) and the button that writes one.
func kbListEmpty(ctx context.Context, f kbListFilter, pg web.Pager) string {
	if f.Q != "" || f.Status != "" || f.Language != "" || f.CategoryID != 0 || pg.Page > 1 {
		return i18n.T(ctx, "kb_admin.none")
	}
	return i18n.T(ctx, "list_empty.kb", map[string]any{"Action": i18n.T(ctx, "kb_admin.new")})
}

// downloadFilesEmpty is what the download area's empty file list says. A search that
// matched nothing keeps "nothing found"; else the folder (or the top level) holds no
// file, and the top level without any folder means nothing was uploaded yet.
func downloadFilesEmpty(ctx context.Context, lv downloadListView) string {
	if lv.Search != "" || lv.Pager.Page > 1 {
		return i18n.T(ctx, "admin.empty")
	}
	action := map[string]any{"Action": i18n.T(ctx, "downloads_admin.upload")}
	switch {
	case lv.Folder.ID != 0:
		return i18n.T(ctx, "list_empty.files_folder", action)
	case len(lv.Folders) > 0:
		return i18n.T(ctx, "list_empty.files_top", action)
	}
	return i18n.T(ctx, "list_empty.files", action)
}

// ticketNewNoCompany is what the new-ticket page says when its company choice is empty:
// "nothing found" for a search, else that no active company exists yet, and where to
// create one (the empty queue sends a fresh tenant here with its "new ticket").
func ticketNewNoCompany(ctx context.Context, search string) string {
	if search != "" {
		return i18n.T(ctx, "admin.empty")
	}
	return i18n.T(ctx, "list_empty.ticket_new_companies", map[string]any{
		"Nav": i18n.T(ctx, "admin.nav.companies"), "Action": i18n.T(ctx, "admin.companies.new")})
}
