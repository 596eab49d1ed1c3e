package audit

import (
	"strings"
)

// Actions the server's operator takes on the command line (pforte staff-login), for a
// staff member locked out of the back office. The target is the member's address.
const (
	// StaffLoginLinkIssued: the operator had a set-password link printed for a staff
	// member; their sessions ended and earlier reset links stopped working.
	StaffLoginLinkIssued = "staff_login_link_issued"
	// StaffTwoFactorReset: the operator removed a staff member's second factor (the
	// authenticator's secret, the recovery codes, open sign-in steps).
	StaffTwoFactorReset = "staff_twofactor_reset"
)

// operatorPrefix starts the actor of entries written on the command line. A variable,
// not a constant: the constants of this package are its actions (a test reads them).
var operatorPrefix = "cli:"

// Operator names the command line as an entry's actor: "cli:" and the system account
// that ran the command (who, on a server with several administrators, typed it). No
// one signs in on the command line, so there is no staff id to name; whoever can run
// the binary against the database is the operator.
func Operator(account string) string {
	return operatorPrefix + strings.Join(strings.Fields(account), "_")
}
