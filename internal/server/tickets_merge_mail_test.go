package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketMergeByMail: answers to a merged ticket's mails — by its reply address,
// by In-Reply-To, by the merge mail itself — land in the ticket it was merged into. A
// sender without a portal login, whose mailed ticket was merged, keeps writing into the
// target, also to the target's own mails.
func TestTicketMergeByMail(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d, send := mailDesk(t, e)
		ctx := context.Background()
		bodies := func(id int64) string {
			t.Helper()
			rows, _ := d.env.DB.Query(ctx, `SELECT body FROM ticket_messages WHERE ticket_id = ? ORDER BY id`, id)
			defer rows.Close()
			var out []string
			for rows.Next() {
				var s string
				rows.Scan(&s)
				out = append(out, s)
			}
			return strings.Join(out, "|")
		}
		// lastMail is the newest mail to addr: reply address, Message-ID, subject.
		lastMail := func(to string) (replyTo, mid, subject string) {
			t.Helper()
			d.env.DB.QueryRow(ctx, `SELECT reply_to, message_id, subject FROM mails WHERE to_addr = ? ORDER BY id DESC LIMIT 1`, to).
				Scan(&replyTo, &mid, &subject)
			return
		}

		target := d.open(t, d.as("alice@alpha.test", "alice-password"), "Server langsam")
		source := d.open(t, d.as("uwe@alpha.test", "uwe-password-1"), "Server hängt")
		oldReply, oldMID, _ := lastMail("uwe@alpha.test")
		send("neu@alpha.test", "support@desk.test", "Subject: Server schon wieder\r\n", "Per Mail.\r\n")
		var mailed int64
		d.env.DB.QueryRow(ctx, `SELECT id FROM tickets WHERE title = 'Server schon wieder'`).Scan(&mailed)
		neuReply, _, _ := lastMail("neu@alpha.test")
		if mailed == 0 || neuReply == "" {
			t.Fatalf("ticket by mail: %d, reply address %q", mailed, neuReply)
		}

		staffC := d.env.Client("desk.test")
		staffC.AdminLogin("agent@desk.test", "agent-password")
		for _, id := range []int64{source, mailed} {
			r := staffC.Post("/admin/tickets/"+itoa64(id)+"/merge", url.Values{"target": {itoa64(target)}, "confirm": {"1"}})
			if r.Status != 303 {
				t.Fatalf("merge %d: %d %.300s", id, r.Status, r.Body)
			}
		}
		mergeReply, _, subject := lastMail("uwe@alpha.test")
		if !strings.Contains(subject, "#"+itoa64(target)) || mergeReply != oldReply {
			t.Errorf("merge mail to uwe: %q, reply to %q (the source's %q)", subject, mergeReply, oldReply)
		}

		send("uwe@alpha.test", oldReply, "Subject: Re: Server hängt\r\n", "Antwort an die alte Adresse\r\n")
		send("uwe@alpha.test", "support@desk.test", "Subject: Re: x\r\nIn-Reply-To: <"+oldMID+">\r\n", "Antwort per In-Reply-To\r\n")
		send("neu@alpha.test", neuReply, "Subject: Re: Server schon wieder\r\n", "Neu ohne Login\r\n")
		got := bodies(target)
		for _, s := range []string{"Antwort an die alte Adresse", "Antwort per In-Reply-To", "Neu ohne Login"} {
			if !strings.Contains(got, s) {
				t.Errorf("%q did not land in the target: %q", s, got)
			}
		}
		if s, m := bodies(source), bodies(mailed); s != "" || m != "" {
			t.Errorf("merged tickets took mail: %q %q", s, m)
		}
		tk, _ := ticket.ForStaff(ctx, d.env.DB, d.t.ID, target)
		if tk.Done() {
			t.Errorf("target status %s", tk.Status.Code)
		}

		// Staff answer in the target: neu, a follower now, answers that mail too.
		if r := staffC.PostMultipart("/admin/tickets/"+itoa64(target)+"/reply", map[string]string{"kind": "reply", "body": "Wir sind dran."}); r.Status != 303 {
			t.Fatalf("staff reply: %d", r.Status)
		}
		targetReply, _, _ := lastMail("neu@alpha.test")
		if !strings.Contains(targetReply, "+"+tk.ReplyToken+".") {
			t.Fatalf("neu was not mailed about the target: %q", targetReply)
		}
		send("neu@alpha.test", targetReply, "Subject: Re: Server langsam\r\n", "Danke, neu\r\n")
		if got := bodies(target); !strings.HasSuffix(got, "Danke, neu") {
			t.Errorf("answer to the target's mail from a follower without login: %q", got)
		}
	})
}
