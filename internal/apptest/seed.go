package apptest

import (
	"context"
	"time"

	"pforte/internal/auth"
	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/tenant"
)

// Tenant creates a tenant answering on hosts (the first tenant is the default).
func (e *Env) Tenant(name string, hosts ...string) tenant.Tenant {
	e.T.Helper()
	ctx := context.Background()
	t, err := tenant.Create(ctx, e.DB, name, "de", tenant.Modules, time.Now())
	if err != nil {
		e.T.Fatal(err)
	}
	for _, h := range hosts {
		if err := tenant.AddHost(ctx, e.DB, t.ID, h); err != nil {
			e.T.Fatal(err)
		}
	}
	return t
}

// Staff creates a staff member with a password.
func (e *Env) Staff(t tenant.Tenant, role, email, pw string) staff.Member {
	e.T.Helper()
	h, err := auth.HashPassword(pw)
	if err != nil {
		e.T.Fatal(err)
	}
	m, err := staff.Create(context.Background(), e.DB, staff.Member{TenantID: t.ID, Email: email, Name: email,
		Role: role, PasswordHash: h}, time.Now())
	if err != nil {
		e.T.Fatal(err)
	}
	return m
}

// Company creates a company.
func (e *Env) Company(t tenant.Tenant, name string) company.Company {
	e.T.Helper()
	c, err := company.Create(context.Background(), e.DB, company.Company{TenantID: t.ID, Name: name}, time.Now())
	if err != nil {
		e.T.Fatal(err)
	}
	return c
}

// Contact creates a contact with a password (none when pw is "") and active portal
// access to each company with role.
func (e *Env) Contact(t tenant.Tenant, email, pw, role string, companies ...company.Company) contact.Contact {
	e.T.Helper()
	ctx, now := context.Background(), time.Now()
	ct := contact.Contact{TenantID: t.ID, FirstName: "Test", LastName: email, Email: email}
	if email == "" {
		ct.LastName = "Ohne E-Mail"
	}
	if pw != "" {
		h, err := auth.HashPassword(pw)
		if err != nil {
			e.T.Fatal(err)
		}
		ct.PasswordHash = h
	}
	ct, err := contact.Create(ctx, e.DB, ct, i18n.Languages, now)
	if err != nil {
		e.T.Fatal(err)
	}
	for _, c := range companies {
		id, err := contact.AddMembership(ctx, e.DB, t.ID, ct.ID, c.ID, role, now)
		if err != nil {
			e.T.Fatal(err)
		}
		access := contact.AccessActive
		if pw == "" {
			access = contact.AccessNone
		}
		if err := contact.SetAccess(ctx, e.DB, t.ID, id, "", access, now); err != nil {
			e.T.Fatal(err)
		}
	}
	return ct
}

// Login logs a client in to the portal and fails the test if that does not work.
func (c *Client) Login(email, pw string) {
	c.env.T.Helper()
	r := c.Post("/login", map[string][]string{"email": {email}, "password": {pw}})
	if r.Status != 303 || (r.Location != "/" && r.Location != "/choose") { // several companies: the chooser
		c.env.T.Fatalf("portal login %s: status %d location %q body %.300s", email, r.Status, r.Location, r.Body)
	}
}

// AdminLogin logs a client in to the back office.
func (c *Client) AdminLogin(email, pw string) {
	c.env.T.Helper()
	r := c.Post("/admin/login", map[string][]string{"email": {email}, "password": {pw}})
	if r.Status != 303 || r.Location != "/admin/" {
		c.env.T.Fatalf("admin login %s: status %d location %q body %.300s", email, r.Status, r.Location, r.Body)
	}
}
