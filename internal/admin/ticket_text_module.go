package admin

import (
	"context"
	"errors"
	"net/http"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/textmodule"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketTextModule answers the ticket page's script with one active module of the
// tenant filled in for the ticket of the path, as plain text the script inserts at the
// cursor. Another tenant's ticket or module, and an inactive module, are a 404.
func (a *Admin) ticketTextModule(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return
	}
	mid, ok := web.ID(r, "module")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	ctx := r.Context()
	t, err := ticket.ForStaff(ctx, a.env.DB, v.P.TenantID, id)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	text, err := a.renderTextModule(r, v, t, mid)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store") // the contact's name and the ticket
	w.Write([]byte(text))
}

// renderTextModule fills in the tenant's active module mid for ticket t.
func (a *Admin) renderTextModule(r *http.Request, v *visit, t ticket.Ticket, mid int64) (string, error) {
	ctx := r.Context()
	m, err := textmodule.Get(ctx, a.env.DB, v.P.TenantID, mid)
	if err != nil {
		return "", err
	}
	if !m.Active {
		return "", db.ErrNotFound
	}
	c, err := ticketContact(ctx, a.env.DB, t)
	if err != nil {
		return "", err
	}
	return m.Render(textmodule.Context{ContactFirstName: c.FirstName, ContactName: c.Name(), Company: t.CompanyName,
		TicketID: t.ID, TicketTitle: t.Title, StaffName: v.Member.Name, Portal: v.Tenant.Name,
		PortalURL: a.env.Origin(r)}), nil
}

// ticketContact is the contact who opened t, or none when they were deleted.
func ticketContact(ctx context.Context, q db.Querier, t ticket.Ticket) (contact.Contact, error) {
	if t.ContactID == 0 {
		return contact.Contact{}, nil
	}
	c, err := contact.Get(ctx, q, t.TenantID, t.ContactID)
	if errors.Is(err, db.ErrNotFound) {
		return contact.Contact{}, nil
	}
	return c, err
}

// replyExtras loads what the reply form offers besides the text: the text modules in
// the order for the contact's language, and the staff member's signature.
func (a *Admin) replyExtras(ctx context.Context, v *visit, t ticket.Ticket, tv *ticketView) error {
	c, err := ticketContact(ctx, a.env.DB, t)
	if err != nil {
		return err
	}
	tv.ReplyLang = c.Language
	if tv.ReplyLang == "" {
		tv.ReplyLang = v.Tenant.DefaultLanguage
	}
	if tv.TextModules, err = textmodule.ForLanguage(ctx, a.env.DB, v.P.TenantID, tv.ReplyLang); err != nil {
		return err
	}
	tv.Signature, err = staff.Signature(ctx, a.env.DB, v.P.TenantID, v.Member.ID)
	return err
}
