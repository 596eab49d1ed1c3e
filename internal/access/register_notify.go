package access

import (
	"context"
	"time"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/outbox"
	"pforte/internal/principal"
	"pforte/internal/tenant"
)

// tellMainContacts mails each main contact of co (with active access) that a
// registration of its email domain now waits for their decision, when the tenant lets
// main contacts decide on them: otherwise only staff decide, and the registration is
// news of the inbox alone. Each mail is in its reader's language and leads to the
// Colleagues page, where the registration waits.
func (s *Service) tellMainContacts(ctx context.Context, tx *db.Tx, t tenant.Tenant, co company.Company, r Registration, origin string, now time.Time) error {
	if !t.Has(tenant.FeatureRegistration) || !t.Has(tenant.FeatureMainApproves) {
		return nil
	}
	ms, err := contact.MembershipsOfCompany(ctx, tx, t.ID, co.ID)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if m.Role != principal.RoleMain || m.Access != contact.AccessActive || IsDeletedEmail(m.Email) {
			continue
		}
		ct, err := contact.Get(ctx, tx, t.ID, m.ContactID)
		if err != nil {
			return err
		}
		msg, err := outbox.Letter{To: ct.Email, Lang: lang(ct.Language, t), Sender: t.Name, Key: "mail.registration_waiting",
			ActionURL: origin + "/colleagues",
			Data: map[string]any{"FirstName": ct.FirstName, "Name": ct.Name(), "Company": co.Name, "Portal": t.Name,
				"Applicant": r.name(), "ApplicantEmail": r.Email}}.RenderFor(ctx, tx, t.ID)
		if err != nil {
			return err
		}
		if _, err := outbox.Queue(ctx, tx, t.ID, msg, now); err != nil {
			return err
		}
	}
	return nil
}
