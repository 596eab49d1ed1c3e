package e2e

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/webauthn"
	"github.com/chromedp/chromedp"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// passkeyAddedMail finds the security notice about the new passkey.
var passkeyAddedMail = regexp.MustCompile(`„Laptop“`)

// addAuthenticator gives the session's tab a virtual platform authenticator (like a
// laptop's fingerprint reader) that holds resident keys and verifies its user at once.
func (s *session) addAuthenticator() {
	s.t.Helper()
	s.do("add virtual authenticator", chromedp.Func(func(ctx context.Context, tab *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tab, webauthn.Enable, webauthn.EnableParams{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tab, webauthn.AddVirtualAuthenticator, webauthn.AddVirtualAuthenticatorParams{
			Options: &webauthn.VirtualAuthenticatorOptions{Protocol: webauthn.AuthenticatorProtocolCtap2,
				Ctap2version: webauthn.Ctap2versionCtap21, Transport: webauthn.AuthenticatorTransportInternal,
				HasResidentKey: true, HasUserVerification: true, IsUserVerified: true, AutomaticPresenceSimulation: true}})
		return err
	}))
}

// TestPasskeyJourney: a contact logs in with the password, adds a passkey on the
// account page, logs out, signs in with the passkey alone and lands on home; after
// removing it (password confirmed) the passkey no longer signs in.
//
// WebAuthn needs a secure context and a domain as relying party ID: http://localhost is
// both (127.0.0.1 is a secure context but an IP address cannot be an RP ID), so the
// browser talks to the test server as localhost.
func TestPasskeyJourney(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Demo Service GmbH")
		co := env.Company(ten, companyName)
		env.Contact(ten, contactEmail, contactPass, "user", co)
		base := strings.Replace(env.Srv.URL, "127.0.0.1", "localhost", 1)

		s := newSession(t, browser, base, "contact")
		s.addAuthenticator()
		login(s, contactEmail, contactPass)
		s.open("/account", "#passkey-add")
		s.do("name the passkey", chromedp.SendKeys(css("#passkey-name"), "Laptop"))
		s.clickTo("#passkey-add button[type=submit]", ".flash.success")
		if table := s.text("#passkeys table"); !strings.Contains(table, "Laptop") || !strings.Contains(table, "noch nie") {
			s.fatalf("passkey list: %q", table)
		}
		waitForMail(t, env, contactEmail, passkeyAddedMail)

		s.clickTo(`form[action="/logout"] button`, "#f-email")
		s.do("passkey button shown", chromedp.WaitVisible(css("[data-passkey-signin]")))
		s.clickTo("[data-passkey-signin]", "main .tiles")
		s.expectPath("/")

		s.open("/account", "#passkeys details summary")
		if table := s.text("#passkeys table"); strings.Contains(table, "noch nie") {
			s.fatalf("last use not shown: %q", table)
		}
		s.do("open the passkey's form", chromedp.Click(css("#passkeys details summary")))
		s.do("confirm with the password", chromedp.SendKeys(css(`#passkeys input[type=password]`), contactPass))
		s.clickTo(`#passkeys form[action*="/delete"] button`, ".flash.success")
		if body := s.text("#passkeys"); !strings.Contains(body, "noch keinen Passkey") {
			s.fatalf("passkey still listed: %q", body)
		}

		s.clickTo(`form[action="/logout"] button`, "#f-email")
		s.do("passkey button shown", chromedp.WaitVisible(css("[data-passkey-signin]")))
		s.do("sign in with the removed passkey", chromedp.Click(css("[data-passkey-signin]")),
			chromedp.WaitVisible(css("[data-passkey-login] .error-msg:not(:empty)")))
		if msg := s.text("[data-passkey-login] .error-msg"); !strings.Contains(msg, "fehlgeschlagen") {
			s.fatalf("error after a removed passkey: %q", msg)
		}
		s.expectPath("/login")
	})
}
