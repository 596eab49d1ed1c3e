package server_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// exported is the part of a data export these tests read.
type exported struct {
	Downloads []struct {
		Title    string `json:"title"`
		FileName string `json:"file_name"`
		Company  string `json:"company"`
	} `json:"downloads"`
	Tickets []struct {
		Company     string `json:"company"`
		Number      int64  `json:"number"`
		Title       string `json:"title"`
		Status      string `json:"status"`
		OpenedByYou bool   `json:"opened_by_you"`
		History     []struct {
			Event  string `json:"event"`
			Status string `json:"status"`
		} `json:"history"`
		Messages []struct {
			From        string `json:"from"`
			Body        string `json:"body"`
			Attachments []struct {
				Name string `json:"name"`
			} `json:"attachments"`
		} `json:"messages"`
	} `json:"tickets"`
}

func exportOf(t *testing.T, c *apptest.Client) (exported, apptest.Response) {
	t.Helper()
	r := c.Post("/account/export", nil)
	var out exported
	if r.Status != 200 {
		t.Fatalf("export: %d %.300s", r.Status, r.Body)
	}
	if err := json.Unmarshal([]byte(r.Body), &out); err != nil {
		t.Fatalf("export is no JSON: %v\n%.1000s", err, r.Body)
	}
	return out, r
}

// TestExportOwnTickets: "Download my data" holds the tickets the contact opened or
// follows, with their own messages, staff's public replies and attachment names, and
// their downloads; never an internal note, a colleague's ticket (not even for a main
// contact, who sees them in the portal), a colleague's message, another company's
// ticket, a ticket in a hidden status or that status's name. The file is named in the
// contact's language with the day.
func TestExportOwnTickets(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		uwe, ula, bob := d.as("uwe@alpha.test", "uwe-password-1"), d.as("ula@alpha.test", "ula-password-1"), d.as("bob@beta.test", "bob-password-1")
		own := d.open(t, uwe, "Drucker streikt", apptest.File{Field: "files", Name: "fehlerbild.txt", Data: []byte("Fehler 42")})
		colleague := d.open(t, ula, "ULA-PRIVAT Monitor")
		followed := d.open(t, ula, "Gemeinsamer Zugang")
		hiddenT := d.open(t, uwe, "Noch intern")
		foreign := d.open(t, bob, "BOB-FREMD Netzwerk")
		const secretStatus = "INTERN-WARTET-AUF-LIEFERANT"
		hidden, err := ticket.SaveStatus(ctx, d.env.DB, d.t.ID, ticket.Status{Name: secretStatus, Kind: ticket.KindOpen,
			Position: 10, PortalVisible: false, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		staffReply := func(id int64, body string, internal bool) {
			d.staffDo(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
				_, err := ticket.AddReply(ctx, tx, tk, ticket.Reply{StaffID: d.admin.ID, Author: "Agent Ada", Body: body,
					Internal: internal, Via: "staff"}, time.Now())
				return err
			})
		}
		staffReply(own, "STAFF-ANTWORT Bitte neu starten.", false)
		staffReply(own, "GEHEIM-NOTIZ Kunde zahlt schlecht", true)
		staffReply(followed, "STAFF-ZUGANG erledigt", false)
		staffReply(colleague, "STAFF-NUR-ULA", false)
		d.staffDo(t, followed, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
			return ticket.Follow(ctx, tx, tk, d.uwe, "Ula", d.ula, 0, time.Now())
		})
		d.staffDo(t, hiddenT, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
			_, err := ticket.SetStatus(ctx, tx, tk, hidden, staffActor, time.Now())
			return err
		})
		// Staff's housekeeping and a stop in the hidden status stay out of the history;
		// the move on to a visible status is in it.
		d.staffDo(t, own, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
			if err := ticket.Assign(ctx, tx, tk, d.admin.ID, staffActor, time.Now()); err != nil {
				return err
			}
			if _, err := ticket.SetStatus(ctx, tx, tk, hidden, staffActor, time.Now()); err != nil {
				return err
			}
			resolved, err := ticket.StatusByCode(ctx, tx, tk.TenantID, ticket.CodeResolved)
			if err != nil {
				return err
			}
			_, err = ticket.SetStatus(ctx, tx, tk, resolved.ID, staffActor, time.Now())
			return err
		})
		f := seedDownload(t, d.env, d.t.ID, "Preisliste", 0, nil, []byte("a;b"))
		if r := uwe.Get("/downloads/files/" + itoa64(f.ID) + "/download"); r.Status != 200 {
			t.Fatalf("download: %d", r.Status)
		}

		out, r := exportOf(t, uwe)
		day := time.Now().In(time.UTC).Format("2006-01-02")
		if cd := r.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="pforte-meine-daten-`) || !strings.Contains(cd, ".json") {
			t.Errorf("file name: %q (day about %s)", cd, day)
		}
		for _, leak := range []string{"GEHEIM-NOTIZ", "ULA-PRIVAT", "STAFF-NUR-ULA", "BOB-FREMD", secretStatus, "Noch intern",
			"Beschreibung von Gemeinsamer Zugang", "reply_token", "file_key", "argon2"} {
			if strings.Contains(r.Body, leak) {
				t.Errorf("export holds %q", leak)
			}
		}
		if len(out.Tickets) != 2 || out.Tickets[0].Number != own || out.Tickets[1].Number != followed {
			t.Fatalf("tickets: %+v", out.Tickets)
		}
		mine := out.Tickets[0]
		if !mine.OpenedByYou || mine.Company != "Alpha GmbH" || mine.Status == "" || len(mine.Messages) != 2 ||
			mine.Messages[0].From != "you" || mine.Messages[0].Body != "Beschreibung von Drucker streikt" ||
			len(mine.Messages[0].Attachments) != 1 || mine.Messages[0].Attachments[0].Name != "fehlerbild.txt" ||
			mine.Messages[1].From != "staff" || !strings.HasPrefix(mine.Messages[1].Body, "STAFF-ANTWORT") {
			t.Errorf("own ticket: %+v", mine)
		}
		if h := mine.History; len(h) != 2 || !strings.Contains(h[0].Event, "eröffnet") || h[1].Status == "" ||
			!strings.Contains(h[1].Event, "Status") {
			t.Errorf("own ticket's history: %+v", h)
		}
		if fo := out.Tickets[1]; fo.OpenedByYou || len(fo.Messages) != 1 || fo.Messages[0].From != "staff" {
			t.Errorf("followed ticket: %+v", fo)
		}
		if len(out.Downloads) != 1 || out.Downloads[0].Title != "Preisliste" || out.Downloads[0].Company != "Alpha GmbH" {
			t.Errorf("downloads: %+v", out.Downloads)
		}

		// A main contact sees every ticket of the company in the portal, but their
		// export holds only their own data.
		alice := d.as("alice@alpha.test", "alice-password")
		if out, r := exportOf(t, alice); len(out.Tickets) != 0 || strings.Contains(r.Body, "Drucker streikt") {
			t.Errorf("main contact's export holds colleagues' tickets: %+v", out.Tickets)
		}
		if out, _ := exportOf(t, bob); len(out.Tickets) != 1 || out.Tickets[0].Number != foreign || len(out.Downloads) != 0 {
			t.Errorf("bob's export: %+v", out)
		}

		// In English the file is named in English.
		if _, err := d.env.DB.Exec(ctx, `UPDATE contacts SET language = 'en' WHERE id = ?`, d.ula); err != nil {
			t.Fatal(err)
		}
		ula = d.as("ula@alpha.test", "ula-password-1")
		if _, r := exportOf(t, ula); !strings.Contains(r.Header.Get("Content-Disposition"), `filename="pforte-my-data-`) {
			t.Errorf("English file name: %q", r.Header.Get("Content-Disposition"))
		}
	})
}
