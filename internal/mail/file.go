package mail

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// fileSender writes each message as an .eml file into dir.
type fileSender struct {
	dir string
}

// NewFileSender stores each message as an RFC 5322 .eml file (same structure as
// over SMTP) in dir, which is created if missing. The file is named after the
// sanitised MessageID and written atomically (temp file + rename); sending the
// same MessageID again replaces the file. Send returns the file's path.
func NewFileSender(dir string) Sender {
	return &fileSender{dir: dir}
}

// Stores reports whether s only stores mail as files (NewFileSender) rather than
// delivering it, so a "test mail sent" can say where it went instead.
func Stores(s Sender) bool {
	_, ok := s.(*fileSender)
	return ok
}

// Send implements Sender.
func (s *fileSender) Send(ctx context.Context, m Message) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	data, err := Build(m)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(s.dir, 0o750); err != nil {
		return "", fmt.Errorf("mail: create outbox: %w", err)
	}
	path := filepath.Join(s.dir, fileName(m.MessageID))
	if err := writeAtomic(path, data); err != nil {
		return "", fmt.Errorf("mail: write %s: %w", path, err)
	}
	return path, nil
}

// fileName maps a Message-ID to a safe file name: anything other than
// [A-Za-z0-9._@+-] becomes '_', and a leading dot is replaced too.
func fileName(messageID string) string {
	name := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			return r
		case strings.ContainsRune("._@+-", r):
			return r
		}
		return '_'
	}, messageID)
	if strings.HasPrefix(name, ".") {
		name = "_" + name[1:]
	}
	return name + ".eml"
}

// writeAtomic writes data to a temp file next to path, syncs it and renames it
// into place, so readers never see a partial file.
func writeAtomic(path string, data []byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*.eml")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
