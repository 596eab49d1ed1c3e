package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// NewToken returns a random URL-safe token and the hash under which it is stored. Only
// the hash is kept in the database, so a leaked database does not yield usable links.
func NewToken() (raw, hash string) {
	b := make([]byte, 32)
	rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	raw = base64.RawURLEncoding.EncodeToString(b)
	return raw, HashToken(raw)
}

// HashToken hashes a token for lookup. SHA-256 suffices: tokens carry 256 bits of
// randomness, so there is nothing to brute-force.
func HashToken(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}
