package access

import "errors"

// ErrCompanyArchived refuses portal access to a company staff archived: granting,
// inviting and resending wait for a restore (company.Restore), which brings back the
// access states the memberships had.
var ErrCompanyArchived = errors.New("access: company archived")
