package mail

import (
	"errors"
	"io/fs"
	"log/slog"
	"os"
)

// StoredSMTP is what the SMTP sender's Send returns, and the outbox keeps as where a
// mail went: it left over SMTP and no file was kept.
const StoredSMTP = "smtp"

// StoredFile reports whether stored (what a Sender's Send returned) names an .eml
// file the file sender kept.
func StoredFile(stored string) bool { return stored != "" && stored != StoredSMTP }

// RemoveStored deletes the kept .eml files among stored (others are skipped: "smtp" is
// no file, however a file of that name in the working folder is called). A file that
// cannot be removed is only logged under why: nothing refers to it any more.
func RemoveStored(stored []string, why string) {
	for _, p := range stored {
		if !StoredFile(p) {
			continue
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			slog.Warn(why, "path", p, "err", err)
		}
	}
}
