package server_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestExportHowTheContactSignsIn: the data export holds what is stored about how the
// contact signs in, as the account page shows it: the browsers signed in (address,
// browser, start, last use; never a staff preview of the portal as the contact), the
// passkeys by name and dates, and whether the authenticator app is on — never the
// app's secret, a session's or passkey's key material.
func TestExportHowTheContactSignsIn(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		uwe := d.as("uwe@alpha.test", "uwe-password-1")
		phone := d.env.Client("desk.test")
		phone.UserAgent = "UWE-HANDY-BROWSER/1.0"
		phone.Login("uwe@alpha.test", "uwe-password-1")
		now := time.Now()
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{`INSERT INTO passkeys (tenant_id, contact_id, credential_id, user_handle, rp_id, name, public_key, created_at)
				VALUES (?, ?, 'Q1JFRC1HRUhFSU0', 'SEFORExFLUdFSEVJTQ', 'desk.test', 'Uwes Laptop', 'UFVCS0VZLUdFSEVJTQ', ?)`,
				[]any{d.t.ID, d.uwe, now.Unix()}},
			{`INSERT INTO contact_totp (contact_id, tenant_id, secret, enabled_at, created_at) VALUES (?, ?, 'TOTP-GEHEIM', ?, ?)`,
				[]any{d.uwe, d.t.ID, now.Unix(), now.Unix()}},
			{`INSERT INTO sessions (token_hash, tenant_id, contact_id, ip, user_agent, created_at, last_seen_at, expires_at, preview_by)
				VALUES ('preview-hash', ?, ?, '198.51.100.9', 'STAFF-VORSCHAU', ?, ?, ?, ?)`,
				[]any{d.t.ID, d.uwe, now.Unix(), now.Unix(), now.Add(time.Hour).Unix(), d.admin.ID}},
		} {
			if _, err := d.env.DB.Exec(ctx, q.sql, q.args...); err != nil {
				t.Fatal(err)
			}
		}
		r := uwe.Post("/account/export", nil)
		if r.Status != 200 {
			t.Fatalf("export: %d", r.Status)
		}
		var out struct {
			TwoFactor *bool `json:"two_factor_app"`
			Passkeys  []struct {
				Name       string     `json:"name"`
				CreatedAt  time.Time  `json:"created_at"`
				LastUsedAt *time.Time `json:"last_used_at"`
			} `json:"passkeys"`
			Sessions []struct {
				IP      string `json:"ip"`
				Browser string `json:"browser"`
			} `json:"sessions"`
		}
		if err := json.Unmarshal([]byte(r.Body), &out); err != nil {
			t.Fatalf("export is no JSON: %v", err)
		}
		if out.TwoFactor == nil || !*out.TwoFactor {
			t.Errorf("two_factor_app: %v, want true", out.TwoFactor)
		}
		if len(out.Passkeys) != 1 || out.Passkeys[0].Name != "Uwes Laptop" || out.Passkeys[0].LastUsedAt != nil {
			t.Errorf("passkeys: %+v", out.Passkeys)
		}
		browsers := ""
		for _, s := range out.Sessions {
			browsers += s.Browser + "|"
			if s.IP == "" {
				t.Errorf("a session without its address: %+v", s)
			}
		}
		if len(out.Sessions) != 2 || !strings.Contains(browsers, "UWE-HANDY-BROWSER/1.0") {
			t.Errorf("sessions: %+v, want both of Uwe's browsers", out.Sessions)
		}
		for _, secret := range []string{"GEHEIM", "Q1JFRC1HRUhFSU0", "SEFORExFLUdFSEVJTQ", "UFVCS0VZLUdFSEVJTQ", "STAFF-VORSCHAU", "198.51.100.9", "preview-hash"} {
			if strings.Contains(r.Body, secret) {
				t.Errorf("the export holds %q", secret)
			}
		}
	})
}
