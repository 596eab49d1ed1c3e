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

// TestRefresh: a refresh walks every batch, writes exactly the outdated rows, and a
// second run finds nothing to write.
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
		r := db.Refresh{
			What:   "probe",
			Select: `SELECT id, word, search FROM refresh_probe WHERE id > ? ORDER BY id LIMIT ?`,
			Update: `UPDATE refresh_probe SET search = ? WHERE id = ?`,
			Scan: func(rows *sql.Rows) (int64, []any, error) {
				var id int64
				var word, search string
				if err := rows.Scan(&id, &word, &search); err != nil {
					return 0, nil, err
				}
				if s := strings.ToUpper(word); s != search {
					return id, []any{s}, nil
				}
				return id, nil, nil
			},
		}
		if changed, err := r.Run(ctx, d); err != nil || changed != n-n/3 {
			t.Fatalf("first run changed %d, %v; want %d", changed, err, n-n/3)
		}
		var wrong int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM refresh_probe WHERE search <> UPPER(word)`).Scan(&wrong); err != nil || wrong != 0 {
			t.Fatalf("%d rows left outdated, %v", wrong, err)
		}
		if changed, err := r.Run(ctx, d); err != nil || changed != 0 {
			t.Fatalf("second run changed %d, %v; want 0", changed, err)
		}
	})
}
