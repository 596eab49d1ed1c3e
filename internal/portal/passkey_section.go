package portal

import (
	"context"
	"net/http"
	"strconv"

	"pforte/internal/passkey"
	"pforte/internal/web"
)

// passkeyState is what the account page's passkey section shows: the contact's
// passkeys and, after a failed rename or removal, that row's form with its errors.
type passkeyState struct {
	list  []passkey.Passkey
	rowID int64    // the passkey whose form failed, 0 for none
	form  web.Form // that form
}

type passkeyStateKey struct{}

// withPasskeyForm remembers a failed row form for the account page rendered next.
func withPasskeyForm(r *http.Request, id int64, f web.Form) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), passkeyStateKey{}, passkeyState{rowID: id, form: f}))
}

// withPasskeys loads the contact's passkeys for the account page. The section reads them
// from the request's context, so the account page only needs one line to show it.
func (p *Portal) withPasskeys(r *http.Request, v *visit) (*http.Request, error) {
	st := passkeyStateFrom(r.Context())
	list, err := passkey.ForContact(r.Context(), p.env.DB, v.P.TenantID, v.P.ContactID)
	if err != nil {
		return r, err
	}
	st.list = list
	return r.WithContext(context.WithValue(r.Context(), passkeyStateKey{}, st)), nil
}

func passkeyStateFrom(ctx context.Context) passkeyState {
	st, _ := ctx.Value(passkeyStateKey{}).(passkeyState)
	if st.form.Values == nil {
		st.form = web.NewForm()
	}
	return st
}

// rowForm returns the failed form for passkey id, or an empty one with its name.
func (st passkeyState) rowForm(pk passkey.Passkey) web.Form {
	if st.rowID == pk.ID {
		return st.form
	}
	f := web.NewForm()
	f.Set("name", pk.Name)
	return f
}

func pkField(id int64, name string) string { return "pk-" + strconv.FormatInt(id, 10) + "-" + name }

func pkAction(id int64, what string) string {
	return "/account/passkeys/" + strconv.FormatInt(id, 10) + "/" + what
}
