package server_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/access"
	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestAuditLogKBChangesAndNames: saving an article with another visibility and address
// name logs both, old → new, in the admin's language; names sit inside the sentence's
// quotes and brackets without blanks, even when written with blanks around them.
func TestAuditLogKBChangesAndNames(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, ten, boss, co, anna := auditWorld(t, e, "Müller Haustechnik GmbH", "anna@mueller.test")
		ctx, now := context.Background(), time.Now()
		t1 := reportTicket(t, env, ten.ID, co, anna, "Drucker", now)
		t2 := reportTicket(t, env, ten.ID, co, anna, "Drucker kaputt", now)
		art := kbArticle(t, env, ten, 0, "drucker", "draft", "public", "Drucker einrichten", "Text")
		file := seedDownload(t, env, ten.ID, "swap", 0, nil, []byte("x"))
		c := env.Client("a.test")
		c.AdminLogin("boss@service.test", "boss-password")
		c.Post(fmt.Sprintf("/admin/kb/articles/%d", art), url.Values{"slug": {"drucker-neu"}, "status": {"draft"}, "visibility": {"customers"}})

		by := access.StaffActor(boss.ID, boss.Email)
		for _, en := range [][2]string{
			{audit.DownloadUploaded, fmt.Sprintf("download:%d  swap  (swap.zip)", file.ID)},
			{audit.TicketMerged, audit.MergeTarget(t1, t2, co.ID, " Drucker", "Drucker kaputt ", " Müller Haustechnik GmbH ")},
		} {
			if err := audit.Log(ctx, env.DB, ten.ID, by, en[0], en[1], "10.0.0.1", time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		page := c.Get("/admin/audit").Body
		link := fmt.Sprintf(`Artikel „<a href="/admin/kb/articles/%d">Drucker einrichten</a>“ (#%d)`, art, art)
		for _, want := range []string{
			link + " – Sichtbar für: Alle (auch ohne Anmeldung) → Alle Kunden",
			link + " – Adressname: drucker → drucker-neu",
			fmt.Sprintf(`Download „<a href="/admin/downloads/files/%d">swap</a>“ (swap.zip)`, file.ID),
			fmt.Sprintf(`„Drucker“ mit <a href="/admin/tickets/%d">#%d</a> „Drucker kaputt“ zusammengeführt (<a href="/admin/companies/%d">Müller Haustechnik GmbH</a>)`, t2, t2, co.ID),
		} {
			if !strings.Contains(page, want) {
				t.Errorf("the log lacks %s", want)
			}
		}
		for _, blank := range []string{"„ ", " “", "( ", " )", "> ", " </a>"} {
			if strings.Contains(page, blank+"swap") || strings.Contains(page, "swap"+blank) || strings.Contains(page, "GmbH"+blank) {
				t.Errorf("a name in the log has a blank inside its quotes or brackets (%q)", blank)
			}
		}
	})
}
