package mail

import (
	"errors"
	"fmt"
	"io/fs"
	netmail "net/mail"
	"os"
	"strings"
)

// RewriteFile writes the .eml file the file sender stored at path anew with m's
// subject, text and other parts, keeping the From, Message-ID and Date the stored
// copy went out with: the outbox masked the copy (an erased person named in a mail to
// someone else), and the file is that copy too. A file that is gone is left gone.
func RewriteFile(path string, m Message) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("mail: rewrite %s: %w", path, err)
	}
	msg, err := netmail.ReadMessage(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("mail: rewrite %s: %w", path, err)
	}
	m.From = msg.Header.Get("From")
	m.MessageID = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(msg.Header.Get("Message-Id")), "<"), ">")
	if m.Date, err = msg.Header.Date(); err != nil {
		return fmt.Errorf("mail: rewrite %s: date: %w", path, err)
	}
	data, err := Build(m)
	if err != nil {
		return fmt.Errorf("mail: rewrite %s: %w", path, err)
	}
	if err := writeAtomic(path, data); err != nil {
		return fmt.Errorf("mail: rewrite %s: %w", path, err)
	}
	return nil
}
