package server_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/testutil"
)

// TestRetentionSettings: admins set how long logs and mail copies are kept; bad days
// are refused beside their field with everything typed kept, agents cannot reach the
// page, the change and each pass of the janitor are in the audit log in the reader's
// language, and a mail the rules emptied says so in the outbox and cannot be retried.
func TestRetentionSettings(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		env.Staff(ten, "admin", "admin@service.test", "admin-password")
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		admin, agent := env.Client("a.test"), env.Client("a.test")
		admin.AdminLogin("admin@service.test", "admin-password")
		agent.AdminLogin("agent@service.test", "agent-password")
		const path = "/admin/settings/retention"

		if r := agent.Get(path); r.Status != 404 {
			t.Errorf("agent sees the rules: %d", r.Status)
		}
		if r := agent.Post(path, url.Values{"audit_days": {"30"}}); r.Status != 404 {
			t.Errorf("agent changes the rules: %d", r.Status)
		}
		r := admin.Get(path)
		if r.Status != 200 || !strings.Contains(r.Body, `name="audit_days" type="text"`) || !strings.Contains(r.Body, `value="730"`) ||
			!strings.Contains(r.Body, `value="90"`) || !strings.Contains(r.Body, `href="/admin/settings/retention" aria-current="page"`) {
			t.Fatalf("rules page: %d\n%s", r.Status, r.Body)
		}

		good := url.Values{"audit_days": {"365"}, "download_log_days": {"0"}, "sent_mail_days": {"60"}, "inbound_raw_days": {"1 000"}}
		for field, bad := range map[string]string{"audit_days": "5", "download_log_days": "abc", "sent_mail_days": "36,5",
			"inbound_raw_days": "4000"} {
			form := url.Values{}
			for k, v := range good {
				form[k] = v
			}
			form.Set(field, bad)
			r := admin.Post(path, form)
			if r.Status != 422 || !strings.Contains(r.Body, "ganze Zahl von Tagen zwischen 30 und 3.650") ||
				!strings.Contains(r.Body, `id="e-`+field+`"`) || strings.Count(r.Body, `class="error-msg"`) != 1 {
				t.Errorf("%s=%q: %d\n%s", field, bad, r.Status, r.Body)
			}
			for k := range form { // everything typed comes back
				if !strings.Contains(r.Body, `name="`+k+`" type="text"`) || !strings.Contains(r.Body, `value="`+form.Get(k)+`"`) {
					t.Errorf("%s=%q: %s lost its value %q", field, bad, k, form.Get(k))
				}
			}
		}
		if r := admin.Post(path, good); r.Status != 303 {
			t.Fatalf("good rules: %d %s", r.Status, r.Body)
		}
		if body := admin.Get(path).Body; !strings.Contains(body, `value="1000"`) || !strings.Contains(body, `value="60"`) {
			t.Errorf("saved rules not shown:\n%s", body)
		}
		if body := admin.Get("/admin/audit").Body; !strings.Contains(body, "Aufbewahrungsregeln geändert") ||
			!strings.Contains(body, "Audit-Log: 365 Tage; Download-Protokoll: unbegrenzt; Kopien gesendeter Mails: 60 Tage; Originale eingehender Mails: 1.000 Tage") {
			t.Errorf("audit log of the change:\n%s", body)
		}

		// A failed mail 61 days old: the janitor empties it. Its job is gone (given up
		// long ago), written in one transaction so the worker never picks it up.
		ctx := context.Background()
		var id int64
		err := env.DB.InTx(ctx, func(tx *db.Tx) (err error) {
			id, err = outbox.Queue(ctx, tx, ten.ID, mail.Message{To: "kunde@kunde.test", Subject: "Rechnung März",
				Text: "Geheimer Inhalt"}, time.Now().AddDate(0, 0, -61))
			if err == nil {
				_, err = tx.Exec(ctx, `UPDATE mails SET state = 'failed' WHERE id = ?`, id)
			}
			if err == nil {
				_, err = tx.Exec(ctx, `DELETE FROM jobs WHERE kind = ? AND ref_id = ?`, outbox.JobKind, id)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		mailPath := "/admin/outbox/" + strconv.FormatInt(id, 10)
		if body := admin.Get(mailPath).Body; !strings.Contains(body, "Geheimer Inhalt") || !strings.Contains(body, mailPath+"/retry") {
			t.Fatalf("failed mail before the pass:\n%s", body)
		}
		env.App.Sweep(ctx, time.Now())
		body := admin.Get(mailPath).Body
		if strings.Contains(body, "Geheimer Inhalt") || !strings.Contains(body, "Rechnung März") ||
			!strings.Contains(body, "Der Inhalt dieser Mail wurde am") || strings.Contains(body, mailPath+"/retry") {
			t.Errorf("emptied mail's page:\n%s", body)
		}
		if body := admin.Get("/admin/outbox").Body; !strings.Contains(body, "Inhalt gelöscht (Aufbewahrung)") {
			t.Errorf("the outbox list does not mark the emptied mail:\n%s", body)
		}
		if r := admin.Post(mailPath+"/retry", nil); r.Status != 303 {
			t.Errorf("retry of an emptied mail: %d", r.Status)
		} else if body := admin.Get(mailPath).Body; !strings.Contains(body, "kann nicht erneut gesendet werden") {
			t.Errorf("retry of an emptied mail says nothing:\n%s", body)
		}
		if body := admin.Get("/admin/audit?action=retention_applied").Body; !strings.Contains(body, "Aufbewahrungsregeln") ||
			!strings.Contains(body, "Nach Ablauf gelöscht: der Inhalt von 1 gesendeten Mail") || !strings.Contains(body, "Automatisch") {
			t.Errorf("audit log of the pass:\n%s", body)
		}
	})
}
