// Package passkeytest is a software authenticator for tests: it answers the options
// the server hands out the way a browser with a passkey would (ES256 keys, "none"
// attestation, user presence and verification), so HTTP tests can run whole WebAuthn
// ceremonies without a browser, and forge the answers a real one never sends.
package passkeytest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"

	"github.com/fxamacker/cbor/v2"
)

var b64 = base64.RawURLEncoding

// Authenticator holds passkeys and answers ceremonies for one origin.
type Authenticator struct {
	Origin string // what the "browser" reports, e.g. http://portal.test
	Keys   []*Key
}

// Key is one resident credential.
type Key struct {
	ID     []byte
	RPID   string
	Handle []byte
	Count  uint32
	priv   *ecdsa.PrivateKey
}

type options struct {
	PublicKey struct {
		Challenge string `json:"challenge"`
		RPID      string `json:"rpId"`
		RP        struct {
			ID string `json:"id"`
		} `json:"rp"`
		User struct {
			ID string `json:"id"`
		} `json:"user"`
	} `json:"publicKey"`
}

func clientData(typ, challenge, origin string) []byte {
	b, _ := json.Marshal(map[string]any{"type": typ, "challenge": challenge, "origin": origin, "crossOrigin": false})
	return b
}

func authData(rpID string, flags byte, count uint32, attested []byte) []byte {
	h := sha256.Sum256([]byte(rpID))
	out := append(h[:], flags)
	out = binary.BigEndian.AppendUint32(out, count)
	return append(out, attested...)
}

// Register answers creation options (the JSON of the begin endpoint) with a new key
// and returns the credential JSON the browser would post.
func (a *Authenticator) Register(optionsJSON []byte) (*Key, []byte, error) {
	var o options
	if err := json.Unmarshal(optionsJSON, &o); err != nil {
		return nil, nil, fmt.Errorf("passkeytest: options: %w", err)
	}
	handle, err := b64.DecodeString(o.PublicKey.User.ID)
	if err != nil {
		return nil, nil, fmt.Errorf("passkeytest: user id: %w", err)
	}
	priv, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	k := &Key{ID: make([]byte, 16), RPID: o.PublicKey.RP.ID, Handle: handle, priv: priv}
	rand.Read(k.ID)
	pub, _ := priv.PublicKey.Bytes() // 0x04 | X | Y
	em, _ := cbor.CTAP2EncOptions().EncMode()
	cose, err := em.Marshal(map[int]any{1: 2, 3: -7, -1: 1, -2: pub[1:33], -3: pub[33:]})
	if err != nil {
		return nil, nil, err
	}
	attested := make([]byte, 16) // AAGUID: all zero, as software authenticators send
	attested = binary.BigEndian.AppendUint16(attested, uint16(len(k.ID)))
	attested = append(append(attested, k.ID...), cose...)
	ad := authData(k.RPID, 0x45, 0, attested) // user present, verified, attested data
	att, err := em.Marshal(map[string]any{"fmt": "none", "attStmt": map[string]any{}, "authData": ad})
	if err != nil {
		return nil, nil, err
	}
	cd := clientData("webauthn.create", o.PublicKey.Challenge, a.Origin)
	body, _ := json.Marshal(map[string]any{"id": b64.EncodeToString(k.ID), "rawId": b64.EncodeToString(k.ID),
		"type": "public-key", "clientExtensionResults": map[string]any{},
		"response": map[string]any{"clientDataJSON": b64.EncodeToString(cd), "attestationObject": b64.EncodeToString(att),
			"transports": []string{"internal"}}})
	a.Keys = append(a.Keys, k)
	return k, body, nil
}

// Assert answers request options (the JSON of the login begin endpoint) with key k and
// returns the assertion JSON the browser would post.
func (a *Authenticator) Assert(optionsJSON []byte, k *Key) ([]byte, error) {
	var o options
	if err := json.Unmarshal(optionsJSON, &o); err != nil {
		return nil, fmt.Errorf("passkeytest: options: %w", err)
	}
	k.Count++
	ad := authData(k.RPID, 0x05, k.Count, nil) // user present and verified
	cd := clientData("webauthn.get", o.PublicKey.Challenge, a.Origin)
	h := sha256.Sum256(cd)
	digest := sha256.Sum256(append(append([]byte{}, ad...), h[:]...))
	sig, err := ecdsa.SignASN1(rand.Reader, k.priv, digest[:])
	if err != nil {
		return nil, err
	}
	body, _ := json.Marshal(map[string]any{"id": b64.EncodeToString(k.ID), "rawId": b64.EncodeToString(k.ID),
		"type": "public-key", "clientExtensionResults": map[string]any{},
		"response": map[string]any{"clientDataJSON": b64.EncodeToString(cd), "authenticatorData": b64.EncodeToString(ad),
			"signature": b64.EncodeToString(sig), "userHandle": b64.EncodeToString(k.Handle)}})
	return body, nil
}

// Forge returns a copy of k that claims another credential id: an assertion signed by
// the attacker's own key for someone else's passkey.
func (k *Key) Forge(id []byte) *Key {
	priv, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	return &Key{ID: id, RPID: k.RPID, Handle: k.Handle, Count: k.Count, priv: priv}
}
