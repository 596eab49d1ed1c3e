package tenant_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestTimeZonesLoad: every zone the settings offer loads from the database compiled into
// the binary (time/tzdata), so a machine without /usr/share/zoneinfo offers no dead
// choice.
func TestTimeZonesLoad(t *testing.T) {
	for _, list := range [][]string{tenant.TimeZones, tenant.CommonTimeZones} {
		for _, z := range list {
			if _, ok := tenant.LoadZone(z); !ok {
				t.Errorf("%s does not load", z)
			}
		}
	}
	if len(tenant.TimeZones) < 300 {
		t.Errorf("only %d zones offered", len(tenant.TimeZones))
	}
}

// TestNormalTimeZone: IANA names are accepted, anything time.LoadLocation refuses is
// refused, and so are the empty name and "Local" (UTC and the server's own zone in
// disguise).
func TestNormalTimeZone(t *testing.T) {
	for in, want := range map[string]string{
		"Europe/Berlin":      "Europe/Berlin",
		" America/New_York ": "America/New_York",
		"UTC":                "UTC",
		"Asia/Kolkata":       "Asia/Kolkata",
	} {
		if got, ok := tenant.NormalTimeZone(in); !ok || got != want {
			t.Errorf("NormalTimeZone(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "Local", "Europe/Berlinn", "Mars/Olympus_Mons", "../../etc/passwd",
		"+01:00", "Europe/Berlin\x00"} {
		if _, ok := tenant.NormalTimeZone(in); ok {
			t.Errorf("NormalTimeZone(%q) accepted", in)
		}
	}
}

// TestTenantTimeZone: new tenants are in Europe/Berlin, an admin's choice is stored and
// read back by every way a tenant is loaded, and a tenant without a zone is in UTC.
func TestTenantTimeZone(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		a, err := tenant.CreateDefault(ctx, d, "A", "de", nil, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		b, _ := tenant.Create(ctx, d, "B", "en", nil, time.Now())
		if a.TimeZone != tenant.DefaultTimeZone || b.TimeZone != tenant.DefaultTimeZone {
			t.Errorf("new tenants in %q and %q", a.TimeZone, b.TimeZone)
		}
		if err := tenant.SetTimeZone(ctx, d, b.ID, "America/New_York"); err != nil {
			t.Fatal(err)
		}
		tenant.AddHost(ctx, d, b.ID, "portal.b.test")
		got, _ := tenant.Get(ctx, d, b.ID)
		byHost, _ := tenant.ForHost(ctx, d, "portal.b.test")
		def, _ := tenant.Default(ctx, d)
		if got.TimeZone != "America/New_York" || byHost.TimeZone != "America/New_York" || def.TimeZone != "Europe/Berlin" {
			t.Errorf("zones read back: %q %q %q", got.TimeZone, byHost.TimeZone, def.TimeZone)
		}
		if loc := got.Location(); loc.String() != "America/New_York" {
			t.Errorf("Location = %v", loc)
		}
		if loc := (tenant.Tenant{}).Location(); loc != time.UTC {
			t.Errorf("zero tenant in %v, want UTC", loc)
		}
	})
}
