package access

import (
	"context"
	"fmt"
	"strings"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/outbox"
	"pforte/internal/principal"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/validate"
)

// UpdateOwnStaff saves a staff member's own name and language (empty: the tenant's
// default). Role and active flag stay with the admins; the member is loaded again inside
// the transaction so an admin's change made meanwhile is not overwritten.
func (s *Service) UpdateOwnStaff(ctx context.Context, p principal.Staff, name, language, ip string) error {
	name = strings.TrimSpace(name)
	e := validate.Errors{}
	e.Text("name", name, true, 100)
	if language != "" && !i18n.Supported(language) {
		e.Add("language", "error.choice", nil)
	}
	if e.Any() {
		return e
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		m, err := staff.Get(ctx, tx, p.TenantID, p.StaffID)
		if err != nil {
			return err
		}
		var changed []string
		if m.Name != name {
			changed = append(changed, "name")
			m.Name = name
			if err := staff.Update(ctx, tx, m); err != nil {
				return fmt.Errorf("access: own staff details: %w", err)
			}
		}
		if m.Language != language {
			changed = append(changed, "language")
			if err := staff.SetLanguage(ctx, tx, p.TenantID, p.StaffID, language); err != nil {
				return fmt.Errorf("access: own staff language: %w", err)
			}
		}
		if len(changed) == 0 {
			return nil
		}
		return audit.Log(ctx, tx, p.TenantID, StaffActor(m.ID, m.Email), audit.StaffChanged,
			fmt.Sprintf("%s (own %s)", m.Email, strings.Join(changed, ", ")), ip, s.Now())
	})
}

// staffLetter queues a mail to a staff member in their language (key: a mail message
// prefix of the staff_account area). Staff mail is readable in the outbox by admins
// only: a reset link there would let an agent take over an admin's account.
func (s *Service) staffLetter(ctx context.Context, tx db.Querier, t tenant.Tenant, m staff.Member, key, url string, data map[string]any) error {
	d := map[string]any{"Name": m.Name, "Portal": t.Name}
	for k, v := range data {
		d[k] = v
	}
	msg, err := outbox.Letter{To: m.Email, Lang: lang(m.Language, t), Sender: t.Name, Key: key, ActionURL: url,
		Data: d}.RenderFor(ctx, tx, t.ID)
	if err != nil {
		return err
	}
	_, err = outbox.QueueAdminOnly(ctx, tx, t.ID, msg, s.Now())
	return err
}
