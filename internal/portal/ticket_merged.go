package portal

import (
	"errors"
	"net/http"

	"pforte/internal/db"
	"pforte/internal/ticket"
)

// mayOpen reports whether the contact may open ticket id in the active company (0:
// no ticket): a merged ticket's notice links to the target only then. Its opener
// and followers follow the target since the merge, so for them it does.
func (p *Portal) mayOpen(r *http.Request, v *visit, id int64) (bool, error) {
	if id == 0 {
		return false, nil
	}
	_, err := ticket.ForContact(r.Context(), p.env.DB, v.P, id)
	if errors.Is(err, db.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}
