package db_test

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestRefresh: a refresh walks every batch and writes exactly the outdated rows; a
// second start with the same version reads nothing, a higher version runs again; a row
// changed since it was read (by a running instance) is not overwritten.
func TestRefresh(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		d := testutil.Open(t, e)
		if _, err := d.Exec(ctx, `CREATE TABLE refresh_probe (id BIGINT PRIMARY KEY, word TEXT NOT NULL, search TEXT NOT NULL)`); err != nil {
			t.Fatal(err)
		}
		const n = 1234 // three batches, the last one short
		for i := 1; i <= n; i++ {
			search := "" // every third row is current already
			if i%3 == 0 {
				search = strings.ToUpper("w" + strconv.Itoa(i))
			}
			if _, err := d.Exec(ctx, `INSERT INTO refresh_probe (id, word, search) VALUES (?, ?, ?)`, i, "w"+strconv.Itoa(i), search); err != nil {
				t.Fatal(err)
			}
		}
		saved := int64(0) // a row "saved meanwhile": its stored text differs from what was read
		r := db.Refresh{
			Name:    "probe",
			Version: 1,
			Select:  `SELECT id, word, search FROM refresh_probe WHERE id > ? ORDER BY id LIMIT ?`,
			Update:  `UPDATE refresh_probe SET search = ? WHERE id = ? AND search = ?`,
			Scan: func(rows *sql.Rows) (int64, []any, []any, error) {
				var id int64
				var word, search string
				if err := rows.Scan(&id, &word, &search); err != nil {
					return 0, nil, nil, err
				}
				if id == saved {
					search = "read before the save"
				}
				if s := strings.ToUpper(word); s != search {
					return id, []any{s}, []any{search}, nil
				}
				return id, nil, nil, nil
			},
		}
		if changed, err := r.Run(ctx, d); err != nil || changed != n-n/3 {
			t.Fatalf("first run changed %d, %v; want %d", changed, err, n-n/3)
		}
		var wrong int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM refresh_probe WHERE search <> UPPER(word)`).Scan(&wrong); err != nil || wrong != 0 {
			t.Fatalf("%d rows left outdated, %v", wrong, err)
		}
		if _, err := d.Exec(ctx, `UPDATE refresh_probe SET search = 'outdated' WHERE id IN (7, 700)`); err != nil {
			t.Fatal(err)
		}
		if changed, err := r.Run(ctx, d); err != nil || changed != 0 {
			t.Fatalf("second start of version 1 changed %d, %v; want 0", changed, err)
		}
		// Version 2: row 7 is rewritten, row 700 was "saved" after it was read and keeps
		// what the save wrote.
		r.Version, saved = 2, 700
		if changed, err := r.Run(ctx, d); err != nil || changed != 1 {
			t.Fatalf("version 2 changed %d, %v; want 1", changed, err)
		}
		var s7, s700 string
		d.QueryRow(ctx, `SELECT search FROM refresh_probe WHERE id = 7`).Scan(&s7)
		d.QueryRow(ctx, `SELECT search FROM refresh_probe WHERE id = 700`).Scan(&s700)
		if s7 != "W7" || s700 != "outdated" {
			t.Errorf("after version 2: row 7 %q, row 700 %q", s7, s700)
		}
	})
}
