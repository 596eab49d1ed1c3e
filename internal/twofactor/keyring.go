// Package twofactor holds the second factor of contact and staff logins: TOTP secrets
// (sealed with the installation's secret key), one-time recovery codes, the pending
// second step of a login, and the company setting that requires two factors.
package twofactor

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// KeyFile is the name of the generated secret key in the data directory, used when
// PFORTE_SECRET_KEY is not set.
const KeyFile = "secret.key"

// ErrWrongKey means a secret was sealed with another key than this process holds:
// instances sharing a database must share PFORTE_SECRET_KEY.
var ErrWrongKey = errors.New("twofactor: secret sealed with another key (set the same PFORTE_SECRET_KEY on every instance)")

// Keyring seals TOTP secrets and keys the recovery-code hashes with a key that lives
// outside the database, so a database dump alone yields neither.
type Keyring struct {
	aead cipher.AEAD
	mac  []byte
	id   string // short fingerprint stored with each sealed value
}

// LoadKey returns the configured key, or else the key file in dataDir, creating it with
// fresh random bytes on first use.
func LoadKey(configured, dataDir string) ([]byte, error) {
	if configured != "" {
		return []byte(configured), nil
	}
	path := filepath.Join(dataDir, KeyFile)
	if b, err := os.ReadFile(path); err == nil {
		return []byte(strings.TrimSpace(string(b))), nil
	}
	raw := make([]byte, 32)
	rand.Read(raw)
	key := hex.EncodeToString(raw)
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("twofactor: key: %w", err)
	}
	// O_EXCL: when two processes start together, the second one reads the first one's key.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return LoadKey("", dataDir)
	}
	if err != nil {
		return nil, fmt.Errorf("twofactor: key: %w", err)
	}
	defer f.Close()
	if _, err := f.WriteString(key + "\n"); err != nil {
		return nil, fmt.Errorf("twofactor: key: %w", err)
	}
	return []byte(key), nil
}

// NewKeyring derives the sealing and hashing keys from secret.
func NewKeyring(secret []byte) *Keyring {
	derive := func(label string) []byte {
		m := hmac.New(sha256.New, secret)
		m.Write([]byte(label))
		return m.Sum(nil)
	}
	block, _ := aes.NewCipher(derive("pforte totp seal v1")) // 32 bytes: never fails
	aead, _ := cipher.NewGCM(block)
	id := derive("pforte key id")
	return &Keyring{aead: aead, mac: derive("pforte recovery v1"), id: hex.EncodeToString(id[:4])}
}

// Seal encrypts plain; the result names the key it was sealed with.
func (k *Keyring) Seal(plain string) string {
	nonce := make([]byte, k.aead.NonceSize())
	rand.Read(nonce)
	ct := k.aead.Seal(nonce, nonce, []byte(plain), []byte(k.id))
	return "v1:" + k.id + ":" + base64.RawStdEncoding.EncodeToString(ct)
}

// Open decrypts a value made by Seal.
func (k *Keyring) Open(sealed string) (string, error) {
	parts := strings.SplitN(sealed, ":", 3)
	if len(parts) != 3 || parts[0] != "v1" {
		return "", errors.New("twofactor: unknown secret format")
	}
	if parts[1] != k.id {
		return "", ErrWrongKey
	}
	b, err := base64.RawStdEncoding.DecodeString(parts[2])
	if err != nil || len(b) < k.aead.NonceSize() {
		return "", errors.New("twofactor: damaged secret")
	}
	plain, err := k.aead.Open(nil, b[:k.aead.NonceSize()], b[k.aead.NonceSize():], []byte(k.id))
	if err != nil {
		return "", fmt.Errorf("twofactor: open secret: %w", err)
	}
	return string(plain), nil
}

// Hash returns the keyed hash under which a recovery code of a contact is stored.
func (k *Keyring) Hash(contactID int64, code string) string {
	return k.HashFor(Contacts, contactID, code)
}
