package access

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"pforte/internal/audit"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/passkey"
)

// emailChange is the target of a staff member's change of a contact's address
// (UpdateContact): "email old → new".
var emailChange = regexp.MustCompile(`^email (.*) → (.*)$`)

// ownChange is one field of a contact's change of their own details (UpdateOwnDetails).
var ownChange = regexp.MustCompile(`^(first_name|last_name|phone): .* → .*$`)

// formerAddresses are the addresses ct had, lower-case and current first: the
// current one and both sides of every change of the address in the audit log, read by
// the contact's index. Placeholders of erased contacts are left out, and so is an
// address another contact has now: its mail and entries are that person's.
func formerAddresses(ctx context.Context, q db.Querier, ct contact.Contact) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	add := func(a string) {
		a = strings.ToLower(strings.TrimSpace(a))
		if a != "" && !IsDeletedEmail(a) && !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	add(ct.Email)
	rows, err := q.Query(ctx, `SELECT target FROM audit_log WHERE contact_id = ? AND tenant_id = ? AND action = ?`,
		ct.ID, ct.TenantID, audit.ContactChanged)
	if err != nil {
		return nil, fmt.Errorf("access: former addresses: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var target string
		if err := rows.Scan(&target); err != nil {
			return nil, fmt.Errorf("access: former addresses: %w", err)
		}
		if m := emailChange.FindStringSubmatch(target); m != nil {
			add(m[1])
			add(m[2])
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("access: former addresses: %w", err)
	}
	rows.Close()
	mine := out[:0:0]
	for _, a := range out {
		var other int64
		err := q.QueryRow(ctx, `SELECT id FROM contacts WHERE tenant_id = ? AND email = ? AND email <> '' AND id <> ?`, ct.TenantID, a, ct.ID).Scan(&other)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			mine = append(mine, a)
		case err != nil:
			return nil, fmt.Errorf("access: owner of former address: %w", err)
		}
	}
	return mine, nil
}

// addressActions are the actions whose entries can name a contact by address without
// being filed under that contact: registrations before the person was a contact, mail
// sorted or answered in the inbox, the customer preview, a portal export, a main
// contact's changes to colleagues' access (filed under the colleague), sign-ins
// with a typed address, and the outbox's actions on a mail to them. They are read by the index on (tenant_id, action).
var addressActions = []string{
	audit.RegistrationRequested, audit.RegistrationConfirmed, audit.RegistrationApproved, audit.RegistrationRejected,
	audit.InboxDone, audit.InboxReplied, audit.InboxTicketCreated, audit.InboxTicketAttached,
	audit.PreviewStarted, audit.PreviewEnded, audit.TicketsExported,
	audit.AccessGranted, audit.AccessRevoked, audit.InvitationSent, audit.InvitationWithdrawn, audit.RoleChanged,
	audit.MembershipAdded, audit.LoginFailed, audit.LoginThrottled, passkey.ActionLogin,
	audit.MailRetried, audit.MailDiscarded, // "#12 anna@kunde.test": the outbox's actions name the recipient
}

// forgetInAudit takes an erased contact out of the audit log, keeping what happened:
// each of addrs becomes anon (the placeholder address) in the entries filed under the
// contact and in those of addressActions, a title of the contact's inbox items becomes
// name, and the values of the contact's changes to their own name and phone go (the
// fields changed stay).
func forgetInAudit(ctx context.Context, tx *db.Tx, ct contact.Contact, addrs, titles []string, anon, name string) error {
	type entry struct {
		id                    int64
		actor, action, target string
		contactID             int64
	}
	var found []entry
	read := func(where string, args ...any) error {
		rows, err := tx.Query(ctx, `SELECT id, actor, action, target, COALESCE(contact_id, 0) FROM audit_log WHERE `+where, args...)
		if err != nil {
			return fmt.Errorf("access: audit entries of contact: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var e entry
			if err := rows.Scan(&e.id, &e.actor, &e.action, &e.target, &e.contactID); err != nil {
				return fmt.Errorf("access: audit entries of contact: %w", err)
			}
			found = append(found, e)
		}
		return rows.Err()
	}
	if err := read(`contact_id = ? AND tenant_id = ?`, ct.ID, ct.TenantID); err != nil {
		return err
	}
	var match []string
	var args []any
	for _, a := range addrs {
		like := "%" + db.LikeEscape(a) + "%"
		match = append(match, `LOWER(actor) LIKE ? ESCAPE '\'`, `LOWER(target) LIKE ? ESCAPE '\'`)
		args = append(args, like, like)
	}
	for _, t := range titles {
		match = append(match, `target = ?`)
		args = append(args, t)
	}
	if len(match) > 0 {
		where := `tenant_id = ? AND action IN (?` + strings.Repeat(`, ?`, len(addressActions)-1) + `)
			AND (contact_id IS NULL OR contact_id <> ?) AND (` + strings.Join(match, " OR ") + `)`
		all := []any{ct.TenantID}
		for _, a := range addressActions {
			all = append(all, a)
		}
		all = append(append(all, ct.ID), args...)
		if err := read(where, all...); err != nil {
			return err
		}
	}
	for _, e := range found {
		actor, target := replaceFold(e.actor, addrs, anon), replaceFold(e.target, addrs, anon)
		for _, t := range titles {
			if t != "" && target == t {
				target = name
			}
		}
		if e.action == audit.ContactChanged && e.contactID == ct.ID && ownChange.MatchString(strings.Split(target, "; ")[0]) {
			target = stripValues(target)
		}
		if actor == e.actor && target == e.target {
			continue
		}
		if _, err := tx.Exec(ctx, `UPDATE audit_log SET actor = ?, target = ? WHERE tenant_id = ? AND id = ?`,
			actor, target, ct.TenantID, e.id); err != nil {
			return fmt.Errorf("access: anonymise audit entry: %w", err)
		}
	}
	return nil
}

// replaceFold replaces every one of addrs (lower-case) in s by with, whatever its case
// in s. Where lower-casing changes the text's length (rare letters), only the exact
// lower-case spelling is replaced.
func replaceFold(s string, addrs []string, with string) string {
	for _, a := range addrs {
		lower := strings.ToLower(s)
		if len(lower) != len(s) {
			s = strings.ReplaceAll(s, a, with)
			continue
		}
		var b strings.Builder
		for {
			i := strings.Index(lower, a)
			if i < 0 {
				break
			}
			b.WriteString(s[:i] + with)
			s, lower = s[i+len(a):], lower[i+len(a):]
		}
		s = b.String() + s
	}
	return s
}

// stripValues keeps the fields of a contact's own change ("first_name: Uwe → Ulf;
// phone: 1 → 2") without the values: "first_name:  → ; phone:  → ".
func stripValues(target string) string {
	parts := strings.Split(target, "; ")
	for i, p := range parts {
		if field, _, ok := strings.Cut(p, ": "); ok {
			parts[i] = field + ":  → "
		}
	}
	return strings.Join(parts, "; ")
}
