package validate

import "regexp"

// phoneRE allows what people write in phone numbers: digits, spaces, + - / ( ) and dots.
var phoneRE = regexp.MustCompile(`^\+?[0-9 ()./-]+$`)

// MaxPhone is the longest phone number, in characters.
const MaxPhone = 50

// Phone adds an error when v is not empty and not a phone number as people write them
// (at least five digits; "+49 (0)30 1234-56"), or longer than MaxPhone: a contact's
// number is dialled by staff and shown in the portal, so "n/a" or a note in the field
// helps no one.
func (e Errors) Phone(field, v string) {
	if v == "" {
		return
	}
	if e.MaxLen(field, v, MaxPhone); e[field].ID != "" {
		return
	}
	digits := 0
	for _, c := range v {
		if c >= '0' && c <= '9' {
			digits++
		}
	}
	if !phoneRE.MatchString(v) || digits < 5 {
		e.Add(field, "error.phone", nil)
	}
}
