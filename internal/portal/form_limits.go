package portal

import "pforte/internal/validate"

// Limits the sign-up, invitation and login forms show as maxlength, so a browser stops
// typing where the server would refuse (access.Registration, the colleague invitation
// and the login check the same numbers; names use contact.MaxName, phones
// validate.MaxPhone).
const (
	maxEmail   = validate.MaxEmail // the longest address SMTP carries
	maxCompany = 200
)
