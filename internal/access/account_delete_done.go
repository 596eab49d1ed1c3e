package access

import (
	"context"
	"errors"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/inbox"
)

// forgetDeletedAccountNotice empties a deleted account's notice once staff mark it done
// (InboxDone): the former details were kept only for updating the ERP, and with that
// done the item keeps what the audit log keeps of the deletion, the contact's number
// under the placeholder name and address the anonymised contact has. The companies
// stay (they are the customer's, not the person's). It returns the placeholder name,
// for the audit entry of the decision in place of the former name.
func forgetDeletedAccountNotice(ctx context.Context, tx *db.Tx, it inbox.Item) (string, error) {
	id := it.ContactID
	if id == 0 { // an item written before contact ids were kept on items
		var p AccountDeletedPayload
		if err := it.Decode(&p); err != nil {
			return "", err
		}
		id = p.ContactID
	}
	name := i18n.For("").T("inbox.deleted_contact", map[string]any{"ID": id})
	ct, err := contact.Get(ctx, tx, it.TenantID, id)
	switch {
	case err == nil && IsDeletedEmail(ct.Email):
		name = ct.Name() // the placeholder in the tenant's language, as the contact row has it
	case err != nil && !errors.Is(err, db.ErrNotFound):
		return "", err
	}
	if _, err := inbox.Redact(ctx, tx, it.TenantID, it.ID, inbox.Forget{Name: name, Email: DeletedEmail(id),
		Text: name}); err != nil {
		return "", err
	}
	return name, nil
}
