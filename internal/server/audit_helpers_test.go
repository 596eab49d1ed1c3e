package server_test

import (
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
)

// auditWorld starts the audit-log tests' world on engine e: the tenant "Service GmbH"
// (host a.test) with the admin boss@service.test (password boss-password), the company
// coName and its main contact at annaEmail (password anna-password-1).
func auditWorld(t *testing.T, e db.Engine, coName, annaEmail string) (*apptest.Env, tenant.Tenant, staff.Member, company.Company, contact.Contact) {
	t.Helper()
	env := apptest.Start(t, e)
	ten := env.Tenant("Service GmbH", "a.test")
	boss := env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
	co := env.Company(ten, coName)
	anna := env.Contact(ten, annaEmail, "anna-password-1", "main", co)
	return env, ten, boss, co, anna
}
