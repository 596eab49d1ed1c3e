// Package auth holds the primitives every login path shares: argon2id password hashes,
// single-use tokens stored hashed, and login throttling.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters (RFC 9106 second recommendation, lowered memory for small servers):
// about 40 ms per hash on one core, which is slow for an attacker and fine for a login.
// Variables only so that UseTestCost can lower them inside a test binary.
var (
	argonTime    uint32 = 2
	argonMemory  uint32 = 32 * 1024
	argonThreads uint8  = 2
)

const argonKeyLen = 32

// hashSlots bounds concurrent argon2 runs: each takes argonMemory, and a burst of logins
// must queue rather than exhaust the machine's memory.
var hashSlots = make(chan struct{}, runtime.NumCPU())

func argonKey(pw string, salt []byte, t, m uint32, p uint8, n uint32) []byte {
	hashSlots <- struct{}{}
	defer func() { <-hashSlots }()
	return argon2.IDKey([]byte(pw), salt, t, m, p, n)
}

// MinPasswordLength is the shortest password accepted anywhere.
const MinPasswordLength = 10

// ErrMismatch means the password does not match the hash.
var ErrMismatch = errors.New("auth: password mismatch")

// HashPassword returns an encoded argon2id hash in the PHC string format.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("auth: salt: %w", err)
	}
	key := argonKey(pw, salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory,
		argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckPassword compares pw with an encoded hash in constant time. An empty hash (an
// account without a password yet) never matches.
func CheckPassword(encoded, pw string) error {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return ErrMismatch
	}
	var m uint32
	var t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return ErrMismatch
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil {
		return ErrMismatch
	}
	if m > 256*1024 || t > 10 { // a tampered hash must not cost unbounded memory or time
		return ErrMismatch
	}
	got := argonKey(pw, salt, t, m, p, uint32(len(want)))
	if subtle.ConstantTimeCompare(got, want) != 1 {
		return ErrMismatch
	}
	return nil
}

// dummyHash is checked when an account does not exist, so an unknown email costs the
// same time as a wrong password and timing does not reveal which accounts exist.
var dummyHash, _ = HashPassword("pforte-dummy-password")

// CheckPasswordOrDummy checks pw against encoded, or against a dummy hash when encoded
// is empty, always spending the time of one hash.
func CheckPasswordOrDummy(encoded, pw string) error {
	if encoded == "" {
		CheckPassword(dummyHash, pw)
		return ErrMismatch
	}
	return CheckPassword(encoded, pw)
}
