package admin

import (
	"context"
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/web"
)

// staffSignatureForm is the signature form filled with the member's stored signature.
func (a *Admin) staffSignatureForm(ctx context.Context, v *visit) (web.Form, error) {
	f := web.NewForm()
	sig, err := staff.Signature(ctx, a.env.DB, v.P.TenantID, v.Member.ID)
	f.Set("signature", sig)
	return f, err
}

// staffSignatureSave stores the member's signature (empty removes it), which their
// public ticket replies carry when "add signature" is ticked. Too long a signature
// comes back with what was typed.
func (a *Admin) staffSignatureSave(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	sig := staff.NormalSignature(f.Raw("signature"))
	if f.Err == "" {
		f.Take(staff.CheckSignature(sig))
	}
	if f.Invalid() {
		a.renderStaffAccount(w, r, v, staffAccountView{Signature: f}, http.StatusUnprocessableEntity)
		return
	}
	ctx := r.Context()
	err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := staff.SetSignature(ctx, tx, v.P.TenantID, v.Member.ID, sig); err != nil {
			return err
		}
		by := v.actor(r, a.env)
		what := "signature set"
		if sig == "" {
			what = "signature removed"
		}
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.SignatureChanged, what, by.IP, a.env.Now())
	})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "signature.saved", "/admin/account")
}
