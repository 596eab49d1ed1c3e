package passkey

import (
	"errors"
	"net"
	"net/url"
	"strings"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/webauthn"
)

// RelyingParty is whom passkeys are made for: the host name the tenant's portal was
// reached by (the RP ID) and the exact origin the browser shows.
type RelyingParty struct {
	ID     string // host name without port, e.g. portal.example.com
	Origin string // scheme://host[:port]
	Name   string // shown by the browser while asking for the passkey
}

// ErrNoHostName means the portal was reached by IP address: WebAuthn binds passkeys to
// a domain name, so there are none to offer there.
var ErrNoHostName = errors.New("passkey: passkeys need a host name, not an IP address")

// For derives the relying party from a request. baseURL, when configured, wins: behind a
// proxy that rewrites Host it is the only reliable public name. Otherwise the Host
// header is used (the same header the tenant was found by) with the scheme the request
// arrived with (https only when TLS ended here or at a trusted proxy). X-Forwarded-Host
// is never trusted. Trusting Host is safe here: the browser itself binds a passkey to
// the page's origin and signs that origin, and we compare it with the one derived from
// the same request; a wrong Host only makes the ceremony fail.
func For(host string, secure bool, baseURL, name string) (RelyingParty, error) {
	scheme := "http"
	if secure {
		scheme = "https"
	}
	if baseURL != "" {
		u, err := url.Parse(baseURL)
		if err != nil || u.Host == "" {
			return RelyingParty{}, errors.New("passkey: base URL has no host")
		}
		scheme, host = u.Scheme, u.Host
	}
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	hostname := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		hostname = h
	}
	hostname = strings.Trim(hostname, "[]")
	if hostname == "" || net.ParseIP(hostname) != nil {
		return RelyingParty{}, ErrNoHostName
	}
	if err := protocol.ValidateRPID(hostname); err != nil {
		return RelyingParty{}, ErrNoHostName
	}
	return RelyingParty{ID: hostname, Origin: scheme + "://" + host, Name: name}, nil
}

// webAuthn configures the library for this relying party: discoverable credentials
// (login without typing the email) and user verification required, so a passkey is
// something the person has and unlocks, two factors in one.
func (rp RelyingParty) webAuthn() (*webauthn.WebAuthn, error) {
	yes := true
	name := rp.Name
	if name == "" {
		name = rp.ID
	}
	return webauthn.New(&webauthn.Config{
		RPID: rp.ID, RPDisplayName: name, RPOrigins: []string{rp.Origin},
		AttestationPreference: protocol.PreferNoAttestation,
		AuthenticatorSelection: protocol.AuthenticatorSelection{
			ResidentKey: protocol.ResidentKeyRequirementRequired, RequireResidentKey: &yes,
			UserVerification: protocol.VerificationRequired,
		},
		Timeouts: webauthn.TimeoutsConfig{
			Login:        webauthn.TimeoutConfig{Enforce: true, Timeout: CeremonyTTL, TimeoutUVD: CeremonyTTL},
			Registration: webauthn.TimeoutConfig{Enforce: true, Timeout: CeremonyTTL, TimeoutUVD: CeremonyTTL},
		},
	})
}

// user is a contact as the WebAuthn library sees it.
type user struct {
	handle        []byte
	name, display string
	creds         []webauthn.Credential
}

func (u *user) WebAuthnID() []byte                         { return u.handle }
func (u *user) WebAuthnName() string                       { return u.name }
func (u *user) WebAuthnDisplayName() string                { return u.display }
func (u *user) WebAuthnCredentials() []webauthn.Credential { return u.creds }
