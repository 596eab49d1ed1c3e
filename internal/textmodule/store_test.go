package textmodule_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/textmodule"
	"pforte/internal/validate"
)

// fieldErr returns the message id save refused field with, or "".
func fieldErr(err error, field string) string {
	var ve validate.Errors
	if errors.As(err, &ve) {
		return ve[field].ID
	}
	return ""
}

func twoTenants(t *testing.T, d *db.DB) (a, b tenant.Tenant) {
	t.Helper()
	ctx, now := context.Background(), time.Now()
	a, err := tenant.Create(ctx, d, "Service A", "de", tenant.Modules, now)
	if err != nil {
		t.Fatal(err)
	}
	if b, err = tenant.Create(ctx, d, "Service B", "de", tenant.Modules, now); err != nil {
		t.Fatal(err)
	}
	return a, b
}

// TestSaveRefuses: a name is unique per tenant whatever its case (another tenant may
// use it), a shortcut too; empty, too long and badly formed input and placeholders the
// modules do not offer are refused next to their field.
func TestSaveRefuses(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		a, b := twoTenants(t, d)
		save := func(m textmodule.Module) (textmodule.Module, error) {
			return textmodule.Save(ctx, d, m, i18n.Languages, now)
		}
		first, err := save(textmodule.Module{TenantID: a.ID, Name: " Begrüßung\n", Shortcut: " Gruss ", Body: "Hallo {{first_name}},\r\n",
			Language: "de", Active: true})
		if err != nil {
			t.Fatal(err)
		}
		if first.Name != "Begrüßung" || first.Shortcut != "gruss" || first.Body != "Hallo {{first_name}}," {
			t.Errorf("not normalised: %+v", first)
		}
		if _, err := save(textmodule.Module{TenantID: b.ID, Name: "Begrüßung", Shortcut: "gruss", Body: "x", Active: true}); err != nil {
			t.Errorf("the same name in another tenant: %v", err)
		}
		for _, tc := range []struct {
			m            textmodule.Module
			field, msgID string
		}{
			{textmodule.Module{Name: "BEGRÜSSUNG"}, "", ""}, // a different word: ß is not ss
			{textmodule.Module{Name: "BEGRÜßUNG"}, "name", "text_modules.error.taken"},
			{textmodule.Module{Name: "Other", Shortcut: "GRUSS"}, "shortcut", "text_modules.error.shortcut_taken"},
			{textmodule.Module{Name: "Other", Shortcut: "two words"}, "shortcut", "text_modules.error.shortcut"},
			{textmodule.Module{Name: "Other", Shortcut: strings.Repeat("k", textmodule.MaxShortcut+1)}, "shortcut", "error.too_long"},
			{textmodule.Module{Name: "  "}, "name", "error.required"},
			{textmodule.Module{Name: strings.Repeat("n", textmodule.MaxName+1)}, "name", "error.too_long"},
			{textmodule.Module{Name: "Other", Body: " \n "}, "body", "error.required"},
			{textmodule.Module{Name: "Other", Body: strings.Repeat("b", textmodule.MaxBody+1)}, "body", "error.too_long"},
			{textmodule.Module{Name: "Other", Body: "Hallo {{frist_name}}"}, "body", "text_modules.error.unknown"},
			{textmodule.Module{Name: "Other", Body: "Hallo {{First Name}}"}, "body", "text_modules.error.invalid"},
			{textmodule.Module{Name: "Other", Body: "Hallo {{first_name"}, "body", "text_modules.error.braces"},
			{textmodule.Module{Name: "Other", Language: "xx"}, "language", "text_modules.error.language"},
		} {
			m := tc.m
			m.TenantID = a.ID
			if m.Body == "" {
				m.Body = "Text"
			}
			_, err := save(m)
			if tc.field == "" {
				if err != nil {
					t.Errorf("%q refused: %v", m.Name, err)
				}
				continue
			}
			if got := fieldErr(err, tc.field); got != tc.msgID {
				t.Errorf("%+v: %s error %q, want %q (%v)", tc.m, tc.field, got, tc.msgID, err)
			}
		}
		// Renaming to its own name is no conflict; to another module's name is.
		first.Body = "Hallo {{first_name}}, {{staff_name}}"
		if _, err := save(first); err != nil {
			t.Errorf("saving unchanged name: %v", err)
		}
		first.Name = "begrüssung"
		if got := fieldErr(func() error { _, err := save(first); return err }(), "name"); got != "text_modules.error.taken" {
			t.Errorf("rename onto another module's name: %q", got)
		}
		// Another tenant's module is not found, for reading, saving, switching, deleting.
		if _, err := textmodule.Get(ctx, d, b.ID, first.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("get across tenants: %v", err)
		}
		foreign := first
		foreign.TenantID, foreign.Name = b.ID, "Taken over"
		if _, err := save(foreign); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("save across tenants: %v", err)
		}
		if err := textmodule.SetActive(ctx, d, b.ID, first.ID, false, now); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("deactivate across tenants: %v", err)
		}
		if err := textmodule.Delete(ctx, d, b.ID, first.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("delete across tenants: %v", err)
		}
		if got, err := textmodule.Get(ctx, d, a.ID, first.ID); err != nil || got.Name != "Begrüßung" || !got.Active {
			t.Errorf("module after foreign attempts: %+v %v", got, err)
		}
	})
}

// TestRenderAndOrder: a module is filled in for the ticket (an unknown name stays as
// typed); a ticket's list holds the active modules in the contact's language first,
// then those for any language, then the others.
func TestRenderAndOrder(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		a, b := twoTenants(t, d)
		for _, m := range []textmodule.Module{
			{Name: "Zum Abschluss", Language: "de", Active: true},
			{Name: "anfrage erhalten", Language: "de", Active: true},
			{Name: "Closing", Language: "en", Active: true},
			{Name: "Signature block", Language: "", Active: true},
			{Name: "Alt", Language: "de", Active: false},
			{Name: "Merci", Language: "fr", Active: true},
		} {
			m.TenantID, m.Body = a.ID, "Text"
			if _, err := textmodule.Save(ctx, d, m, i18n.Languages, now); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := textmodule.Save(ctx, d, textmodule.Module{TenantID: b.ID, Name: "B only", Body: "x", Language: "de", Active: true},
			i18n.Languages, now); err != nil {
			t.Fatal(err)
		}
		names := func(lang string) string {
			list, err := textmodule.ForLanguage(ctx, d, a.ID, lang)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, m := range list {
				out = append(out, m.Name)
			}
			return strings.Join(out, ", ")
		}
		if got, want := names("de"), "anfrage erhalten, Zum Abschluss, Signature block, Closing, Merci"; got != want {
			t.Errorf("for German:\n got %s\nwant %s", got, want)
		}
		if got, want := names("en"), "Closing, Signature block, anfrage erhalten, Zum Abschluss, Merci"; got != want {
			t.Errorf("for English:\n got %s\nwant %s", got, want)
		}
		all, err := textmodule.List(ctx, d, a.ID)
		if err != nil || len(all) != 6 {
			t.Errorf("list: %d %v", len(all), err)
		}

		m := textmodule.Module{Body: "Hallo {{first_name}} ({{ name }}, {{company}}),\n{{ticket}} „{{title}}“: {{link}}\n" +
			"{{portal}} {{portal_url}} – {{staff_name}}"}
		got := m.Render(textmodule.Context{ContactFirstName: "Anna", ContactName: "Anna Müller", Company: "Müller GmbH",
			TicketID: 42, TicketTitle: "Drucker", StaffName: "Erika Agentin", Portal: "Demo Service", PortalURL: "https://portal.test"})
		want := "Hallo Anna (Anna Müller, Müller GmbH),\n#42 „Drucker“: https://portal.test/tickets/42\n" +
			"Demo Service https://portal.test – Erika Agentin"
		if got != want {
			t.Errorf("render:\n got %q\nwant %q", got, want)
		}
		if got := (textmodule.Module{Body: "{{gone}} {{first_name}}"}).Render(textmodule.Context{ContactFirstName: "A"}); got != "{{gone}} A" {
			t.Errorf("unknown placeholder: %q", got)
		}
	})
}

// TestAppend: the no-script insert puts the module after a blank line.
func TestAppend(t *testing.T) {
	for _, tc := range [][3]string{
		{"", "M", "M"},
		{"Hallo", "M", "Hallo\n\nM"},
		{"Hallo\n", "M", "Hallo\n\nM"},
		{"Hallo\n\n", "M", "Hallo\n\nM"},
	} {
		if got := textmodule.Append(tc[0], tc[1]); got != tc[2] {
			t.Errorf("Append(%q, %q) = %q, want %q", tc[0], tc[1], got, tc[2])
		}
	}
}
