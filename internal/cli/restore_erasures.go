package cli

import (
	"fmt"
	"io"
	"time"
)

// remindErasures says after a restore that erasures made after the backup was taken
// are undone: the archive holds those contacts as they were then, and nothing else
// remembers that they were erased. A restore only ever goes into an empty database, so
// the log that recorded the erasures (the portal the archive replaces) is not at hand
// to count them; the reminder says where to look. created is the manifest's time.
func remindErasures(out io.Writer, created string) {
	when := created
	if t, err := time.Parse(time.RFC3339, created); err == nil {
		when = t.UTC().Format("2006-01-02 15:04 UTC")
	}
	fmt.Fprintf(out, "Erasures after the backup was taken (%s) are undone: contacts erased by staff, or who deleted\n"+
		"their own account, since then are back with their name, address and messages. Erase them again in the\n"+
		"back office: the audit log of the portal this archive replaces lists them (\"Contact erased by staff\",\n"+
		"\"Account deleted\") by contact number, which the restore keeps (/admin/contacts/NUMBER).\n", when)
}
