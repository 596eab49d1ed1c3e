package kb_test

import (
	"context"
	"errors"
	"testing"

	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

// TestFormerSlug: renaming keeps the old slug leading to the article, for readers
// who may see it; others, and other tenants, get db.ErrNotFound.
func TestFormerSlug(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		f := newFixture(t, testutil.Open(t, e))
		ctx := context.Background()
		rename := func(slug, to, vis string) {
			t.Helper()
			a, err := kb.Get(ctx, f.d, f.t.ID, f.ids[slug])
			if err != nil {
				t.Fatal(err)
			}
			if err := kb.Update(ctx, f.d, f.t.ID, a.ID, kb.Meta{CategoryID: a.CategoryID, Slug: to, Status: a.Status,
				Visibility: vis}, f.now()); err != nil {
				t.Fatal(err)
			}
		}
		rename("drucker-einrichten", "drucker-unter-windows", kb.VisibilityPublic)
		rename("drucker-einrichten", "drucker-windows-11", kb.VisibilityPublic) // twice: both old slugs lead here
		rename("sonderkonditionen", "konditionen", kb.VisibilityCompanies)      // for company A only
		visitor, a, b := f.viewer(nil, "de"), f.viewer(&f.a, "de"), f.viewer(&f.b, "de")
		for _, c := range []struct {
			v          kb.Viewer
			slug, want string
		}{
			{visitor, "drucker-einrichten", "drucker-windows-11"},
			{visitor, "drucker-unter-windows", "drucker-windows-11"},
			{a, "drucker-einrichten", "drucker-windows-11"},
			{visitor, "sonderkonditionen", ""},
			{b, "sonderkonditionen", ""},
			{a, "sonderkonditionen", "konditionen"},
			{visitor, "drucker-windows-11", ""}, // current slugs are Read's business
			{visitor, "nie-vorhanden", ""},
			{visitor, "Ungültig/../x", ""},
			{kb.Viewer{TenantID: f.other.ID, Lang: "de"}, "drucker-einrichten", ""},
		} {
			got, err := kb.FormerSlug(ctx, f.d, c.v, c.slug)
			if c.want == "" {
				if !errors.Is(err, db.ErrNotFound) {
					t.Errorf("%q for %+v: %q, %v; want not found", c.slug, c.v, got, err)
				}
				continue
			}
			if err != nil || got != c.want {
				t.Errorf("%q for %+v: %q, %v; want %q", c.slug, c.v, got, err, c.want)
			}
		}
		// A new article taking a former slug: its own address wins, and the old article
		// keeps its other former slug.
		if _, err := kb.Create(ctx, f.d, f.t.ID, 0, kb.Meta{Slug: "drucker-einrichten", Status: kb.StatusPublished,
			Visibility: kb.VisibilityPublic}, kb.Translation{Language: "de", Title: "Neu", Body: "Neu"}, f.now()); err != nil {
			t.Fatal(err)
		}
		if pg, err := kb.Read(ctx, f.d, visitor, "drucker-einrichten", ""); err != nil || pg.Title != "Neu" {
			t.Errorf("new owner of the slug: %q, %v", pg.Title, err)
		}
		if got, _ := kb.FormerSlug(ctx, f.d, visitor, "drucker-unter-windows"); got != "drucker-windows-11" {
			t.Errorf("other former slug: %q", got)
		}
	})
}

// TestFormerSlugTaken: an article taking another's former slug (created with it, or
// renamed to it) ends the old redirect, so a reader who may not see the new owner
// gets a 404, not the old article; other tenants' former slugs stay.
func TestFormerSlugTaken(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		f := newFixture(t, testutil.Open(t, e))
		ctx := context.Background()
		rename := func(tenantID, id int64, to, status, vis string) {
			t.Helper()
			a, err := kb.Get(ctx, f.d, tenantID, id)
			if err != nil {
				t.Fatal(err)
			}
			if err := kb.Update(ctx, f.d, tenantID, id, kb.Meta{CategoryID: a.CategoryID, Slug: to, Status: status,
				Visibility: vis}, f.now()); err != nil {
				t.Fatal(err)
			}
		}
		x := f.ids["drucker-einrichten"]
		rename(f.t.ID, x, "drucker-neu", kb.StatusPublished, kb.VisibilityPublic)
		rename(f.t.ID, x, "drucker-x", kb.StatusPublished, kb.VisibilityPublic) // drucker-neu → X too
		rename(f.other.ID, f.otherID, "fremd-neu", kb.StatusPublished, kb.VisibilityPublic)
		visitor, a := f.viewer(nil, "de"), f.viewer(&f.a, "de")
		// Created with X's former slug, for customers only.
		if _, err := kb.Create(ctx, f.d, f.t.ID, 0, kb.Meta{Slug: "drucker-einrichten", Status: kb.StatusPublished,
			Visibility: kb.VisibilityCustomers}, kb.Translation{Language: "de", Title: "Neu", Body: "Neu"}, f.now()); err != nil {
			t.Fatal(err)
		}
		// Renamed to X's other former slug, for customers only; and this tenant takes the other
		// tenant's former slug.
		rename(f.t.ID, f.ids["passwort-zuruecksetzen"], "drucker-neu", kb.StatusPublished, kb.VisibilityCustomers)
		if _, err := kb.Create(ctx, f.d, f.t.ID, 0, kb.Meta{Slug: "drucker-fremd", Status: kb.StatusDraft,
			Visibility: kb.VisibilityPublic}, kb.Translation{Language: "de", Title: "Entwurf", Body: "Entwurf"}, f.now()); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			v          kb.Viewer
			slug, want string
		}{
			{visitor, "drucker-einrichten", ""},
			{a, "drucker-einrichten", ""}, // Read finds the new owner first
			{visitor, "drucker-neu", ""},
			{a, "passwort-zuruecksetzen", "drucker-neu"}, // its own former slug stays
			{kb.Viewer{TenantID: f.other.ID, Lang: "de"}, "drucker-fremd", "fremd-neu"},
		} {
			got, err := kb.FormerSlug(ctx, f.d, c.v, c.slug)
			if c.want == "" {
				if !errors.Is(err, db.ErrNotFound) {
					t.Errorf("%q for %+v: %q, %v; want not found", c.slug, c.v, got, err)
				}
				continue
			}
			if err != nil || got != c.want {
				t.Errorf("%q for %+v: %q, %v; want %q", c.slug, c.v, got, err, c.want)
			}
		}
		if pg, err := kb.Read(ctx, f.d, a, "drucker-einrichten", ""); err != nil || pg.Title != "Neu" {
			t.Errorf("customer reading the new owner: %q, %v", pg.Title, err)
		}
	})
}
