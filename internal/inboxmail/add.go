package inboxmail

import (
	"context"
	"fmt"
	"strings"
	"time"

	"pforte/internal/audit"
	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/validate"
)

// Staff is the staff member answering or blocking: named on the items they handle,
// in the block list and in the audit log.
type Staff struct {
	By    inbox.By // StaffID and "Name <address>"
	Actor string   // audit actor label
	IP    string
}

// Entry is a block to add: Kind and Value as Parse returns them, Field the form field
// its errors belong to, ItemID the inbox mail it comes from (0: typed in).
type Entry struct {
	Kind, Value, Field string
	ItemID             int64
}

// Add blocks an address or domain for the tenant and marks the tenant's open mail items
// from it done (reason inbox.Blocked); it returns the block's id and the ids of the
// items it closed. Refused as validate.Errors on e.Field: a value already blocked or
// covered by a blocked domain, a contact's address, a domain a company has (or a
// company's subdomain of it), the tenant's own support addresses and staff, or their
// domains — a block must not cut off a customer nor the tenant itself.
func Add(ctx context.Context, d *db.DB, tenantID int64, e Entry, by Staff, now time.Time) (id int64, closed []int64, err error) {
	err = d.InTx(ctx, func(tx *db.Tx) error {
		if err := conflicts(ctx, tx, tenantID, e); err != nil {
			return err
		}
		id, err = db.Insert(ctx, tx, `INSERT INTO inbound_blocks (tenant_id, kind, value, item_id, created_by_staff_id,
			created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, tenantID, e.Kind, e.Value, nullID(e.ItemID),
			nullID(by.By.StaffID), by.By.Name, now.Unix())
		if db.IsUnique(err) {
			return duplicate(e)
		}
		if err != nil {
			return fmt.Errorf("inboxmail: block: %w", err)
		}
		if closed, err = closeItems(ctx, tx, tenantID, e, by.By, now); err != nil {
			return err
		}
		return audit.Log(ctx, tx, tenantID, by.Actor, audit.SenderBlocked, audit.BlockTarget(e.Kind, e.Value), by.IP, now)
	})
	return id, closed, err
}

// duplicate is the refusal of a value that is blocked already.
func duplicate(e Entry) error {
	return validate.Errors{e.Field: {ID: "inbox_block.error.duplicate", Data: map[string]any{"Value": e.Value}}}
}

// conflicts says why e may not be added (nil: it may).
func conflicts(ctx context.Context, q db.Querier, tenantID int64, e Entry) error {
	fail := func(id string, data map[string]any) error { return validate.Errors{e.Field: {ID: id, Data: data}} }
	b, found, err := Match(ctx, q, tenantID, "x@"+e.Value)
	if e.Kind == KindAddress {
		b, found, err = Match(ctx, q, tenantID, e.Value)
	}
	switch {
	case err != nil:
		return err
	case found && b.Value == e.Value:
		return duplicate(e)
	case found && b.Kind == KindDomain:
		return fail("inbox_block.error.covered", map[string]any{"Domain": b.Value})
	}
	if own, err := ownAddressUnder(ctx, q, tenantID, e); err != nil || own != "" {
		if err == nil {
			err = fail("inbox_block.error.own", map[string]any{"Email": own})
		}
		return err
	}
	if e.Kind == KindAddress {
		known, err := isContact(ctx, q, tenantID, e.Value)
		if err == nil && known {
			err = fail("inbox_block.error.contact", map[string]any{"Email": e.Value})
		}
		return err
	}
	name, err := companyUnder(ctx, q, tenantID, e.Value)
	if err != nil {
		return err
	}
	if name != "" {
		return fail("inbox_block.error.company", map[string]any{"Domain": e.Value, "Company": name})
	}
	return nil
}

// companyUnder returns the name of a company of the tenant whose email domain is domain
// or lies under it ("" for none): blocking the domain would refuse its mail.
func companyUnder(ctx context.Context, q db.Querier, tenantID int64, domain string) (string, error) {
	rows, err := q.Query(ctx, `SELECT name, email_domains FROM companies WHERE tenant_id = ? AND email_domains LIKE ?`,
		tenantID, "%"+domain+"%") // a domain is letters, digits, dots and hyphens: nothing to escape
	if err != nil {
		return "", fmt.Errorf("inboxmail: companies of %s: %w", domain, err)
	}
	defer rows.Close()
	for rows.Next() {
		var c company.Company
		if err := rows.Scan(&c.Name, &c.EmailDomains); err != nil {
			return "", err
		}
		for _, d := range c.Domains() {
			if d == domain || strings.HasSuffix(d, "."+domain) {
				return c.Name, nil
			}
		}
	}
	return "", rows.Err()
}

// nullID stores an id of 0 (none) as NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// Remove lifts block id of the tenant; another tenant's is db.ErrNotFound.
func Remove(ctx context.Context, d *db.DB, tenantID, id int64, by Staff, now time.Time) error {
	return d.InTx(ctx, func(tx *db.Tx) error {
		b, err := Get(ctx, tx, tenantID, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM inbound_blocks WHERE tenant_id = ? AND id = ?`, tenantID, id); err != nil {
			return fmt.Errorf("inboxmail: unblock: %w", err)
		}
		return audit.Log(ctx, tx, tenantID, by.Actor, audit.SenderUnblocked, audit.BlockTarget(b.Kind, b.Value), by.IP, now)
	})
}
