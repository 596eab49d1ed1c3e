package admin

import (
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/kb"
)

// kbDelete removes an article with its texts and images; the deletion is audited.
func (a *Admin) kbDelete(w http.ResponseWriter, r *http.Request, v *visit) {
	art, ok := a.loadKB(w, r, v)
	if !ok {
		return
	}
	ctx := r.Context()
	var keys []string
	err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		var err error
		if art.Status == kb.StatusPublished {
			if err := a.kbAudit(ctx, tx, r, v, audit.KBUnpublished, art.ID); err != nil {
				return err
			}
		}
		if err := a.kbAuditDeleted(ctx, tx, r, v, art); err != nil {
			return err
		}
		keys, err = kb.Delete(ctx, tx, v.P.TenantID, art.ID)
		return err
	})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	for _, k := range keys { // after commit: a failed transaction keeps its files
		if err := a.env.Files.Delete(k); err != nil {
			a.env.Log.Warn("kb: delete image file", "err", err)
		}
	}
	a.env.Flash(w, r, "kb_admin.deleted", "/admin/kb")
}
