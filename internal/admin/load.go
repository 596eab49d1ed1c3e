package admin

import (
	"context"
	"net/http"

	"pforte/internal/db"
	"pforte/internal/web"
)

// getter reads one record of a tenant by id; another tenant's or a missing record is
// db.ErrNotFound.
type getter[T any] func(ctx context.Context, q db.Querier, tenantID, id int64) (T, error)

// loadByPath loads the record the path's {id} names, in the visitor's tenant. A
// malformed id and another tenant's record both answer the 404 page, so a foreign id
// looks exactly like one that never existed; ok is false when an answer was written.
func loadByPath[T any](a *Admin, w http.ResponseWriter, r *http.Request, v *visit, get getter[T]) (rec T, ok bool) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return rec, false
	}
	rec, err := get(r.Context(), a.env.DB, v.P.TenantID, id)
	if err != nil {
		a.env.Fail(w, r, err)
		return rec, false
	}
	return rec, true
}
