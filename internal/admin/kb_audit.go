package admin

import (
	"context"
	"net/http"
	"strconv"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/kb"
)

// kbAudit logs a change of an article's publication, naming the article by id and slug
// as it is after the change (read inside the same transaction).
func (a *Admin) kbAudit(ctx context.Context, q db.Querier, r *http.Request, v *visit, action string, id int64) error {
	art, err := kb.Get(ctx, q, v.P.TenantID, id)
	if err != nil {
		return err
	}
	return a.kbLog(ctx, q, r, v, action, "article:"+itoa(id)+" "+art.Slug)
}

// kbAuditChanges logs what a save of the settings changed of who reads the article
// and where: its visibility ("article:3 setup visibility public → companies") and its
// slug ("article:3 old-slug → new-slug"), comparing before with the article as stored
// now (Update cleans the slug, and an empty one is made from the title).
func (a *Admin) kbAuditChanges(ctx context.Context, q db.Querier, r *http.Request, v *visit, before kb.Article) error {
	now, err := kb.Get(ctx, q, v.P.TenantID, before.ID)
	if err != nil {
		return err
	}
	art := "article:" + itoa(before.ID) + " "
	if now.Visibility != before.Visibility {
		what := art + now.Slug + " visibility " + before.Visibility + " → " + now.Visibility
		if err := a.kbLog(ctx, q, r, v, audit.KBVisibilityChanged, what); err != nil {
			return err
		}
	}
	if now.Slug != before.Slug {
		return a.kbLog(ctx, q, r, v, audit.KBSlugChanged, art+before.Slug+" → "+now.Slug)
	}
	return nil
}

// kbAuditDeleted logs the deletion of art with its title in the tenant's language
// (quoted as a Go string): once it is gone, the entry is all that names it.
func (a *Admin) kbAuditDeleted(ctx context.Context, q db.Querier, r *http.Request, v *visit, art kb.Article) error {
	title := strconv.Quote(art.Title(v.Tenant.DefaultLanguage, ""))
	return a.kbLog(ctx, q, r, v, audit.KBDeleted, "article:"+itoa(art.ID)+" "+art.Slug+" "+title)
}

func (a *Admin) kbLog(ctx context.Context, q db.Querier, r *http.Request, v *visit, action, target string) error {
	by := v.actor(r, a.env)
	return audit.Log(ctx, q, v.P.TenantID, by.Label, action, target, by.IP, a.env.Now())
}
