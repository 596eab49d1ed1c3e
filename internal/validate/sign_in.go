package validate

// MaxEmail is the longest address SMTP carries, in characters: every address field
// says it as maxlength and refuses more.
const MaxEmail = 254

// SignInAddress checks the address typed into a sign-in or forgotten-password form
// (portal and back office alike): required, at most MaxEmail characters, and a plain
// address. Longer than any address can be or malformed (foo@@bar), it can belong to
// no account, so saying so at the field tells a typo from a wrong password, keeps a
// 5,000-character paste out of the login lookup, and reveals nothing about who has one.
func (e Errors) SignInAddress(field, v string) {
	e.Required(field, v)
	e.MaxLen(field, v, MaxEmail)
	e.Email(field, v)
}
