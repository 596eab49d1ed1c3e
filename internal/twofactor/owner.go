package twofactor

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// Owner names whose second factor a call is about: contacts of the portal or staff of
// the back office. Each kind keeps its secrets and recovery codes in its own tables, so
// a contact's id can never reach a staff member's secret (ids of both start at 1), and
// deleting a person cascades from the right table.
type Owner struct {
	totp  string // table of TOTP secrets
	codes string // table of recovery codes
	col   string // the owner's id column in both
	label string // prefix of recovery-code hashes, so the two kinds' hashes never match
}

// The two kinds of owners. Contacts keep an empty label: their hashes predate staff.
var (
	Contacts = Owner{totp: "contact_totp", codes: "recovery_codes", col: "contact_id"}
	Staff    = Owner{totp: "staff_totp", codes: "staff_recovery_codes", col: "staff_id", label: "staff:"}
)

// HashFor returns the keyed hash under which a recovery code of owner id is stored.
func (k *Keyring) HashFor(o Owner, id int64, code string) string {
	m := hmac.New(sha256.New, k.mac)
	fmt.Fprintf(m, "%s%d:%s", o.label, id, code)
	return hex.EncodeToString(m.Sum(nil))
}

// RecoveryHashes returns the keyed hashes of fresh recovery codes of owner id.
func (k *Keyring) RecoveryHashes(o Owner, id int64, codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = k.HashFor(o, id, NormalizeRecovery(c))
	}
	return out
}
