package admin

import (
	"context"
	"net/http"

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
	by := v.actor(r, a.env)
	return audit.Log(ctx, q, v.P.TenantID, by.Label, action, "article:"+itoa(id)+" "+art.Slug, by.IP, a.env.Now())
}
