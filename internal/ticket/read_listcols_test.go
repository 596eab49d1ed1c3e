package ticket

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestListVersionColumns: the list-version triggers on ticket updates (migration 00047)
// fire only for the columns they name, so every ticket column the portal's rows read
// (portalRow, recentRow: columns and joins) or its lists sort by must be among them on both engines; a
// column added to a portal row without the trigger knowing would leave kept lists
// stale.
func TestListVersionColumns(t *testing.T) {
	used := map[string]bool{}
	col := regexp.MustCompile(`\bt\.([a-z_]+)`)
	for _, sql := range []string{portalRow.cols, portalRow.from, recentRow.cols, recentRow.from, Filter{Sort: "priority"}.order(), Filter{}.order()} {
		for _, m := range col.FindAllStringSubmatch(sql, -1) {
			used[m[1]] = true
		}
	}
	delete(used, "id")         // never changes
	delete(used, "updated_at") // the staff queue's order; the portal's is portal_at
	for _, engine := range []string{"sqlite", "postgres"} {
		b, err := os.ReadFile("../db/migrations/" + engine + "/00047_performance.sql")
		if err != nil {
			t.Fatal(err)
		}
		up := string(b)[:strings.Index(string(b), "-- +goose Down")]
		i := strings.Index(up, "AFTER UPDATE OF")
		j := strings.Index(up[i:], " ON tickets")
		if i < 0 || j < 0 {
			t.Fatalf("%s: no AFTER UPDATE OF … ON tickets", engine)
		}
		named := map[string]bool{}
		for _, c := range strings.Split(up[i+len("AFTER UPDATE OF"):i+j], ",") {
			named[strings.TrimSpace(c)] = true
		}
		for c := range used {
			if !named[c] {
				t.Errorf("%s: the portal's lists read tickets.%s, which the list-version trigger does not watch", engine, c)
			}
			if !strings.Contains(up, "OLD."+c+" IS") && !strings.Contains(up, "old."+c+" IS") {
				t.Errorf("%s: the trigger's WHEN does not compare %s", engine, c)
			}
		}
	}
}
