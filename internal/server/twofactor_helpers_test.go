package server_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"image/png"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
	"github.com/pquerna/otp/totp"

	"pforte/internal/apptest"
)

var (
	secretRE   = regexp.MustCompile(`id="totp-secret"[^>]*data-secret="([A-Z2-7]+)"`)
	qrRE       = regexp.MustCompile(`src="data:image/png;base64,([A-Za-z0-9+/=]+)"`)
	recoveryRE = regexp.MustCompile(`<code>([a-z2-9]{5}-[a-z2-9]{5})</code>`)
)

// code is the TOTP code of secret for the period at now+offset.
func code(t *testing.T, secret string, offset time.Duration) string {
	t.Helper()
	c, err := totp.GenerateCode(secret, time.Now().Add(offset))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// nextCode is the code of the coming period: still accepted now (one period of skew),
// and never the code that was just used, which a login refuses.
func nextCode(t *testing.T, secret string) string { return code(t, secret, 30*time.Second) }

// setupTOTP starts the setup, checks the QR code holds the key shown as text, and
// returns the key.
func setupTOTP(t *testing.T, c *apptest.Client) string {
	t.Helper()
	if r := c.Post("/account/twofactor/setup", nil); r.Status != 303 || r.Location != "/account/twofactor/setup" {
		t.Fatalf("start setup: %d %q", r.Status, r.Location)
	}
	page := c.Get("/account/twofactor/setup")
	m := secretRE.FindStringSubmatch(page.Body)
	q := qrRE.FindStringSubmatch(page.Body)
	if page.Status != 200 || m == nil || q == nil {
		t.Fatalf("setup page without key or QR code: %d\n%.2000s", page.Status, page.Body)
	}
	if got := decodeQR(t, q[1]); !strings.HasPrefix(got, "otpauth://totp/") || !strings.Contains(got, "secret="+m[1]) {
		t.Errorf("QR code holds %q, not the key %s", got, m[1])
	}
	return m[1]
}

func decodeQR(t *testing.T, b64 string) string {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	// Pure barcode: a clean generated image, where the finder-pattern search of the
	// general detector sometimes misses.
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true})
	if err != nil {
		t.Fatalf("QR code does not decode: %v", err)
	}
	text := res.GetText()
	if u, err := url.QueryUnescape(text); err == nil {
		return u
	}
	return text
}

// enableTOTP switches TOTP on for the logged-in client and returns the key and the
// recovery codes shown.
func enableTOTP(t *testing.T, c *apptest.Client) (string, []string) {
	t.Helper()
	secret := setupTOTP(t, c)
	r := c.Post("/account/twofactor/confirm", url.Values{"code": {code(t, secret, 0)}})
	var codes []string
	for _, m := range recoveryRE.FindAllStringSubmatch(r.Body, -1) {
		codes = append(codes, m[1])
	}
	if r.Status != 200 || len(codes) != 10 {
		t.Fatalf("confirm: %d with %d recovery codes\n%.1500s", r.Status, len(codes), r.Body)
	}
	return secret, codes
}

// passwordStep logs in with the password and expects to be sent to the code step.
func passwordStep(t *testing.T, c *apptest.Client, email, pw string) {
	t.Helper()
	r := c.Post("/login", url.Values{"email": {email}, "password": {pw}})
	if r.Status != 303 || r.Location != "/login/code" {
		t.Fatalf("password step: %d %q %.300s", r.Status, r.Location, r.Body)
	}
}

// auditCount counts a contact's audit entries with action.
func auditCount(t *testing.T, env *apptest.Env, contactID int64, action string) int {
	t.Helper()
	var n int
	if err := env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE contact_id = ? AND action = ?`,
		contactID, action).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
