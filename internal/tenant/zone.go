package tenant

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	// The tz database inside the binary: zones load on machines (containers, minimal
	// images) that have no /usr/share/zoneinfo.
	_ "time/tzdata"

	"pforte/internal/db"
)

// DefaultTimeZone is the zone of new tenants (and, by migration 24, of tenants from
// before zones existed): Pforte is made for German-speaking providers.
const DefaultTimeZone = "Europe/Berlin"

// CommonTimeZones are offered first in the settings: the zones of the countries
// Pforte's languages are spoken in most, then UTC for those who want no local time.
var CommonTimeZones = []string{
	"Europe/Berlin", "Europe/Vienna", "Europe/Zurich", "Europe/Amsterdam", "Europe/Brussels",
	"Europe/Luxembourg", "Europe/Copenhagen", "Europe/Paris", "Europe/London", "Europe/Madrid",
	"Europe/Lisbon", "Asia/Jerusalem", "Asia/Bangkok", "America/New_York", "UTC",
}

// zones caches loaded locations by name: pages format many times per request, and
// time.LoadLocation parses the zone's data anew on every call.
var zones sync.Map // string → *time.Location

// LoadZone returns the location of an IANA zone name. The empty name and "Local" are
// refused although time.LoadLocation accepts them: they mean UTC and the server's own
// zone, and a tenant's setting must name its zone.
func LoadZone(name string) (*time.Location, bool) {
	if name == "" || name == "Local" || len(name) > 64 {
		return nil, false
	}
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location), true
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, false
	}
	zones.Store(name, loc)
	return loc, true
}

// NormalTimeZone checks a zone name as submitted (surrounding spaces dropped) and
// returns it.
func NormalTimeZone(s string) (string, bool) {
	s = strings.TrimSpace(s)
	_, ok := LoadZone(s)
	return s, ok
}

// Location is the tenant's time zone, the one its pages show instants and dates in.
// A tenant without a valid zone (a zero Tenant outside a request) gets UTC.
func (t Tenant) Location() *time.Location {
	if loc, ok := LoadZone(t.TimeZone); ok {
		return loc
	}
	return time.UTC
}

// SetTimeZone stores the tenant's time zone (checked with NormalTimeZone).
func SetTimeZone(ctx context.Context, q db.Querier, id int64, name string) error {
	if _, err := q.Exec(ctx, `UPDATE tenants SET time_zone = ? WHERE id = ?`, name, id); err != nil {
		return fmt.Errorf("tenant: time zone: %w", err)
	}
	return nil
}
