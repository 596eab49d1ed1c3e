package ticket_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestNames: a category's and a self-named status's translations are read per
// language with the main name as fallback; a built-in status nobody renamed keeps its
// own translation whatever is stored; saving again writes only what changed and an
// empty name removes one; tenants do not see each other's names.
func TestNames(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		now := time.Now()
		a, err := tenant.Create(ctx, d, "Names A", "de", tenant.Modules, now)
		if err != nil {
			t.Fatal(err)
		}
		b, err := tenant.Create(ctx, d, "Names B", "de", tenant.Modules, now)
		if err != nil {
			t.Fatal(err)
		}
		var cat, own int64
		builtin, err := ticket.StatusByCode(ctx, d, a.ID, ticket.CodeWaiting)
		if err != nil {
			t.Fatal(err)
		}
		err = d.InTx(ctx, func(tx *db.Tx) error {
			if cat, err = ticket.SaveCategory(ctx, tx, a.ID, ticket.Category{Name: "Netzwerk", Active: true}); err != nil {
				return err
			}
			if own, err = ticket.SaveStatus(ctx, tx, a.ID, ticket.Status{Name: "Beim Techniker", Kind: ticket.KindOpen, Active: true}); err != nil {
				return err
			}
			if err := ticket.SaveNames(ctx, tx, a.ID, ticket.NameCategory, cat, map[string]string{"en": "Network", "fr": "Réseau"}); err != nil {
				return err
			}
			if err := ticket.SaveNames(ctx, tx, a.ID, ticket.NameStatus, own, map[string]string{"en": "With the technician"}); err != nil {
				return err
			}
			return ticket.SaveNames(ctx, tx, a.ID, ticket.NameStatus, builtin.ID, map[string]string{"en": "Ignored"})
		})
		if err != nil {
			t.Fatal(err)
		}
		n, err := ticket.LoadNames(ctx, d, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for lang, want := range map[string]string{"en": "Network", "fr": "Réseau", "de": "Netzwerk", "nl": "Netzwerk"} {
			if got := n.Category(lang, cat, "Netzwerk"); got != want {
				t.Errorf("category in %s: %q, want %q", lang, got, want)
			}
		}
		ownStatus, _ := ticket.StatusByID(ctx, d, a.ID, own)
		if got := n.Status(i18n.For("en"), ownStatus); got != "With the technician" {
			t.Errorf("own status in English: %q", got)
		}
		if got := n.Status(i18n.For("da"), ownStatus); got != "Beim Techniker" {
			t.Errorf("own status in Danish: %q, want the main name", got)
		}
		if got, want := n.Status(i18n.For("en"), builtin), i18n.For("en").T("ticket.status.waiting"); got != want {
			t.Errorf("built-in status in English: %q, want %q", got, want)
		}
		if other, _ := ticket.LoadNames(ctx, d, b.ID); other.Category("en", cat, "x") != "x" {
			t.Errorf("tenant B sees tenant A's names")
		}
		// Removing French, keeping English.
		err = d.InTx(ctx, func(tx *db.Tx) error {
			return ticket.SaveNames(ctx, tx, a.ID, ticket.NameCategory, cat, map[string]string{"en": "Network", "fr": ""})
		})
		if err != nil {
			t.Fatal(err)
		}
		n, _ = ticket.LoadNames(ctx, d, a.ID)
		if got := n.Of(ticket.NameCategory, cat); len(got) != 1 || got["en"] != "Network" {
			t.Errorf("after removing French: %v", got)
		}
	})
}
