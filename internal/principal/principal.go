// Package principal describes who a request acts for. The web layer resolves it from the
// session before any handler runs; the portal's data access takes it as an argument, so a
// portal query cannot forget the tenant or the company.
package principal

import "context"

// Membership roles.
const (
	RoleMain = "main" // main contact: sees and manages everything of the company
	RoleUser = "user" // plain user: sees their own things
)

// Contact is a customer contact acting within one active company.
type Contact struct {
	TenantID  int64
	ContactID int64
	CompanyID int64
	Role      string
	SessionID int64
}

// Valid reports whether every part of the principal is set. Data access refuses an
// invalid principal instead of running an unscoped query.
func (c Contact) Valid() bool {
	return c.TenantID > 0 && c.ContactID > 0 && c.CompanyID > 0 && (c.Role == RoleMain || c.Role == RoleUser)
}

// IsMain reports whether the contact is a main contact of the active company.
func (c Contact) IsMain() bool { return c.Role == RoleMain }

// Staff is a staff member of a tenant.
type Staff struct {
	TenantID  int64
	StaffID   int64
	Role      string
	SessionID int64
}

type contactKey struct{}
type staffKey struct{}

// WithContact stores the contact principal in ctx.
func WithContact(ctx context.Context, c Contact) context.Context {
	return context.WithValue(ctx, contactKey{}, c)
}

// ContactFrom returns the contact principal of the request, if any.
func ContactFrom(ctx context.Context) (Contact, bool) {
	c, ok := ctx.Value(contactKey{}).(Contact)
	return c, ok && c.Valid()
}

// WithStaff stores the staff principal in ctx.
func WithStaff(ctx context.Context, s Staff) context.Context {
	return context.WithValue(ctx, staffKey{}, s)
}

// StaffFrom returns the staff principal of the request, if any.
func StaffFrom(ctx context.Context) (Staff, bool) {
	s, ok := ctx.Value(staffKey{}).(Staff)
	return s, ok && s.TenantID > 0 && s.StaffID > 0
}
