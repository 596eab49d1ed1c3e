package db

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
)

// MigrationsDigest is a hash of every embedded migration of engine e, names and
// contents: two builds with the same digest migrate a database to the same schema.
// Tests key their migrated template databases by it.
func MigrationsDigest(e Engine) (string, error) {
	h := sha256.New()
	dir := "migrations/" + string(e)
	entries, err := fs.ReadDir(migrations, dir) // sorted by name
	if err != nil {
		return "", err
	}
	for _, en := range entries {
		b, err := fs.ReadFile(migrations, dir+"/"+en.Name())
		if err != nil {
			return "", err
		}
		h.Write([]byte(en.Name()))
		h.Write([]byte{0})
		h.Write(b)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
