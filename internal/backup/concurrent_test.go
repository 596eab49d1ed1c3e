package backup_test

import (
	"bytes"
	"context"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"pforte/internal/backup"
	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestBackupWhileWriting: a backup taken while another connection keeps adding a
// company, a contact and their membership in one transaction after another restores
// with every foreign key checked, and holds each such trio whole or not at all — the
// rows come from one snapshot, not from tables read at different moments.
func TestBackupWhileWriting(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		dsn, dir := testutil.DSN(t, e)
		src := open(t, dsn, dir)
		if err := src.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := demo.Load(ctx, src, time.Now()); err != nil {
			t.Fatal(err)
		}
		ten, err := tenant.Default(ctx, src)
		if err != nil {
			t.Fatal(err)
		}
		var written atomic.Int64
		stop, done := make(chan struct{}), make(chan error, 1)
		go func() {
			for i := 0; ; i++ {
				select {
				case <-stop:
					done <- nil
					return
				default:
				}
				err := src.InTx(ctx, func(tx *db.Tx) error {
					now := time.Now().Unix()
					n := strconv.Itoa(i)
					co, err := db.Insert(ctx, tx, `INSERT INTO companies (tenant_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)`,
						ten.ID, "Laufend "+n, now, now)
					if err != nil {
						return err
					}
					ct, err := db.Insert(ctx, tx, `INSERT INTO contacts (tenant_id, last_name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
						ten.ID, "Laufend "+n, "laufend"+n+"@example.test", now, now)
					if err != nil {
						return err
					}
					_, err = db.Insert(ctx, tx, `INSERT INTO memberships (tenant_id, contact_id, company_id, role, access, created_at) VALUES (?, ?, ?, 'user', 'none', ?)`,
						ten.ID, ct, co, now)
					return err
				})
				if err != nil {
					done <- err
					return
				}
				written.Add(1)
			}
		}()
		for written.Load() < 5 { // the writer is under way before the backup starts
			select {
			case err := <-done:
				t.Fatalf("writer stopped: %v", err)
			case <-time.After(time.Millisecond):
			}
		}
		var archive bytes.Buffer
		_, err = backup.Write(ctx, src, dir, "test", time.Now(), &archive)
		close(stop)
		if werr := <-done; werr != nil {
			t.Fatal(werr)
		}
		if err != nil {
			t.Fatal(err)
		}
		_, dir2 := testutil.DSN(t, db.SQLite)
		dst := open(t, "", dir2)
		if _, err := backup.Restore(ctx, dst, dir2, bytes.NewReader(archive.Bytes())); err != nil {
			t.Fatal(err)
		}
		var companies, contacts, memberships int64
		q := `SELECT (SELECT COUNT(*) FROM companies WHERE name LIKE 'Laufend %'),
			(SELECT COUNT(*) FROM contacts WHERE last_name LIKE 'Laufend %'),
			(SELECT COUNT(*) FROM memberships m JOIN contacts c ON c.id = m.contact_id WHERE c.last_name LIKE 'Laufend %')`
		if err := dst.QueryRow(ctx, q).Scan(&companies, &contacts, &memberships); err != nil {
			t.Fatal(err)
		}
		if companies < 5 || companies != contacts || contacts != memberships || companies > written.Load() {
			t.Errorf("restored %d companies, %d contacts, %d memberships of %d written trios", companies, contacts, memberships, written.Load())
		}
	})
}
