package portal

// Limits the sign-up and invitation forms show as maxlength, so a browser stops typing
// where the server would refuse (access.Registration and the colleague invitation
// check the same numbers; names use contact.MaxName, phones validate.MaxPhone).
const (
	maxEmail   = 254 // the longest address SMTP carries
	maxCompany = 200
)
