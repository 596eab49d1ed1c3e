package server_test

import (
	"context"
	"net/url"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestCompanyEditKeepsStoredWWWDomain: the company form drops a "www." staff type in
// (the website, not the mail domain), but a domain the company already has (taken from
// a real sender's address by the inbox, the API or an import) is sent back by the edit
// form as it is stored. Renaming the company must not quietly change it, or mail from
// that sender would no longer find the company; a new "www." domain typed in the same
// save is still trimmed.
func TestCompanyEditKeepsStoredWWWDomain(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, c, _, co := firstUseWorld(t, e)
		ctx := context.Background()
		if _, err := env.DB.Exec(ctx, `UPDATE companies SET email_domains = ? WHERE id = ?`, "www.post-nord.test", co.ID); err != nil {
			t.Fatal(err)
		}
		r := c.Post("/admin/companies/"+itoa64(co.ID), url.Values{"name": {co.Name + " GmbH"},
			"email_domains": {"www.post-nord.test, www.neu-nord.test"}})
		if r.Status != 303 {
			t.Fatalf("update: %d %.300s", r.Status, r.Body)
		}
		var domains string
		if err := env.DB.QueryRow(ctx, `SELECT email_domains FROM companies WHERE id = ?`, co.ID).Scan(&domains); err != nil {
			t.Fatal(err)
		}
		if domains != "www.post-nord.test, neu-nord.test" {
			t.Errorf("domains after a rename %q, want the stored www.post-nord.test kept and neu-nord.test trimmed", domains)
		}
	})
}
