package db

import "testing"

func TestRebind(t *testing.T) {
	for in, want := range map[string]string{
		"SELECT 1":                             "SELECT 1",
		"a = ? AND b = ?":                      "a = $1 AND b = $2",
		"x = '?' AND y = ?":                    "x = '?' AND y = $1",
		"INSERT INTO t VALUES (?, 'it''s', ?)": "INSERT INTO t VALUES ($1, 'it''s', $2)",
	} {
		for range 2 { // rewritten, then remembered
			if got := rebind(Postgres, in); got != want {
				t.Errorf("rebind(%q) = %q, want %q", in, got, want)
			}
		}
		if got := rebind(SQLite, in); got != in {
			t.Errorf("sqlite rebind changed %q", in)
		}
	}
}
