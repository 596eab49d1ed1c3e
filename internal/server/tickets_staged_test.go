package server_test

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/filestore"
	"pforte/internal/testutil"
)

// stagedRE reads the staged uploads a returned reply form lists (ticket_staged.templ).
var stagedRE = regexp.MustCompile(`name="staged" value="(\d+)"`)

// TestTicketReplyStagedFiles: Anna's reply with a file is refused because Bernd
// answered meanwhile; the page lists the file and "Send anyway" attaches it (the same
// stored file, once) together with a newly chosen one, and the customer gets the reply
// mail and the file in the portal. Bernd cannot use Anna's staged id, nor Anna on
// another ticket; a second conflict keeps the files; "Remove" deletes one; the count
// limit counts staged and new files together; the janitor deletes what was not sent
// within a day, files included.
func TestTicketReplyStagedFiles(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		p := newPresenceDesk(t, e)
		ctx := context.Background()
		files := p.env.App.Env.Files
		pdf := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("x"), 12*1024-9)...)
		png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{1}, 300)...)
		send := func(c *apptest.Client, path string, mark url.Values, body string, staged, remove []string, fs ...apptest.File) apptest.Response {
			t.Helper()
			v := url.Values{"kind": {"reply"}, "body": {body}, "staged": staged, "staged_remove": remove}
			for k := range mark {
				v.Set(k, mark.Get(k))
			}
			return c.PostMultipartValues(path+"/reply", v, fs...)
		}
		markOf := func(body string) url.Values {
			t.Helper()
			m := seenRE.FindStringSubmatch(body)
			if m == nil {
				t.Fatalf("no mark on the page")
			}
			return url.Values{"seen_msg": {m[1]}, "seen_event": {m[2]}}
		}
		stagedRows := func() (n int) {
			t.Helper()
			p.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM staged_uploads`).Scan(&n)
			return n
		}
		keyOf := func(id string) (key string) {
			t.Helper()
			p.env.DB.QueryRow(ctx, `SELECT file_key FROM staged_uploads WHERE id = ?`, id).Scan(&key)
			return key
		}
		stored := func(key string) bool {
			t.Helper()
			f, err := files.Open(key)
			if errors.Is(err, filestore.ErrNotFound) {
				return false
			}
			if err != nil {
				t.Fatal(err)
			}
			f.Close()
			return true
		}

		_, annaMark := p.page(t, p.anna)
		_, berndMark := p.page(t, p.bernd)
		if r := send(p.bernd, p.path, berndMark, "Bernd: Ich komme morgen.", nil, nil); r.Status != 303 {
			t.Fatalf("Bernd's reply: %d", r.Status)
		}
		// Anna's reply with a file is refused; the file is kept and listed.
		r := send(p.anna, p.path, annaMark, "Anna: Siehe Bericht.", nil, nil, apptest.File{Field: "files", Name: "bericht.pdf", Data: pdf})
		if r.Status != 409 {
			t.Fatalf("Anna's stale reply: %d", r.Status)
		}
		for _, want := range []string{"Angehängt: bericht.pdf (12\u00a0KB)", "Ihre Anhänge bleiben erhalten", `name="staged_remove"`, ">Anna: Siehe Bericht.</textarea>"} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("conflict page lacks %q", want)
			}
		}
		if strings.Contains(r.Body, "erneut hinzu") || strings.Contains(r.Body, "nicht behalten") {
			t.Errorf("conflict page still says the files are lost")
		}
		ids := stagedRE.FindAllStringSubmatch(r.Body, -1)
		if len(ids) != 1 || stagedRows() != 1 {
			t.Fatalf("staged ids on the page %v, rows %d", ids, stagedRows())
		}
		report := ids[0][1]
		reportKey := keyOf(report)
		if !stored(reportKey) {
			t.Fatalf("the staged file is not in the store")
		}
		annaMark = markOf(r.Body)
		// Inserting a text module without script keeps the list too.
		ins := url.Values{"kind": {"reply"}, "body": {"Anna: Siehe Bericht."}, "staged": {report}}
		if r := p.anna.PostMultipartValues(p.path+"/text-modules", ins); r.Status != 422 || !strings.Contains(r.Body, "Angehängt: bericht.pdf") {
			t.Fatalf("text module insert: %d, list kept %v", r.Status, strings.Contains(r.Body, "Angehängt: bericht.pdf"))
		}

		// Bernd cannot attach Anna's file, nor can Anna on another ticket: the id is
		// ignored, the message goes out without it and the file stays hers.
		other := "/admin/tickets/" + itoa64(p.open(t, p.alice, "Scanner"))
		_, berndMark = p.page(t, p.bernd)
		if r := send(p.bernd, p.path, berndMark, "Bernd: Nachtrag.", []string{report}, nil); r.Status != 303 {
			t.Fatalf("Bernd with Anna's staged id: %d %.300s", r.Status, r.Body)
		}
		if r := send(p.anna, other, nil, "Anna: Anderes Ticket.", []string{report}, nil); r.Status != 303 {
			t.Fatalf("Anna on another ticket: %d", r.Status)
		}
		var n int
		p.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_attachments WHERE file_key = ?`, reportKey).Scan(&n)
		if n != 0 || stagedRows() != 1 {
			t.Fatalf("a foreign use attached the file: %d attachments, %d staged", n, stagedRows())
		}

		// Sending anyway now meets Bernd's new message: refused again, the staged file
		// and a newly chosen one are both kept.
		r = send(p.anna, p.path, annaMark, "Anna: Siehe Bericht.", []string{report}, nil, apptest.File{Field: "files", Name: "foto.png", Data: png})
		if r.Status != 409 {
			t.Fatalf("second conflict: %d", r.Status)
		}
		ids = stagedRE.FindAllStringSubmatch(r.Body, -1)
		if len(ids) != 2 || ids[0][1] != report || !strings.Contains(r.Body, "Angehängt: foto.png") {
			t.Fatalf("second conflict lists %v", ids)
		}
		photo := ids[1][1]
		photoKey := keyOf(photo)
		annaMark = markOf(r.Body)

		// The limits count both: two staged and nine new files are one too many.
		many := make([]apptest.File, 9)
		for i := range many {
			many[i] = apptest.File{Field: "files", Name: "n" + itoa64(int64(i)) + ".txt", Data: []byte("Notiz")}
		}
		r = send(p.anna, p.path, annaMark, "Anna: Siehe Bericht.", []string{report, photo}, nil, many...)
		if r.Status != 422 || !strings.Contains(r.Body, "Bitte hängen Sie höchstens 10 Dateien an.") {
			t.Fatalf("eleven files: %d", r.Status)
		}
		if got := stagedRE.FindAllStringSubmatch(r.Body, -1); len(got) != 2 || stagedRows() != 2 {
			t.Fatalf("after the limit: listed %v, %d staged", got, stagedRows())
		}

		// Send anyway without the photo ("Remove" ticked) and with a new file.
		r = send(p.anna, p.path, annaMark, "Anna: Siehe Bericht.", []string{report, photo}, []string{photo},
			apptest.File{Field: "files", Name: "neu.txt", Data: []byte("Neue Notiz")})
		if r.Status != 303 {
			t.Fatalf("send anyway: %d %.500s", r.Status, r.Body)
		}
		rows, err := p.env.DB.Query(ctx, `SELECT a.id, a.file_key, a.filename, a.size, a.content_type FROM ticket_attachments a
			JOIN ticket_messages m ON m.id = a.message_id WHERE m.body LIKE 'Anna: Siehe%' ORDER BY a.id`)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		var reportID int64
		for rows.Next() {
			var id, size int64
			var key, name, typ string
			rows.Scan(&id, &key, &name, &size, &typ)
			got = append(got, name)
			if name == "bericht.pdf" {
				reportID = id
				if key != reportKey || size != int64(len(pdf)) || typ != "application/pdf" {
					t.Errorf("bericht.pdf attached as %s, %d bytes, %s; staged as %s", key, size, typ, reportKey)
				}
			}
		}
		rows.Close()
		if strings.Join(got, ",") != "bericht.pdf,neu.txt" {
			t.Fatalf("the reply carries %v, want bericht.pdf and neu.txt", got)
		}
		if stagedRows() != 0 || stored(photoKey) || !stored(reportKey) {
			t.Fatalf("after sending: %d staged, removed photo stored %v, report stored %v", stagedRows(), stored(photoKey), stored(reportKey))
		}
		// The customer is mailed the reply and downloads the file in the portal.
		if mails := p.mailsTo(t, "alice@alpha.test"); len(mails) == 0 || !strings.Contains(mails[len(mails)-1], "Anna: Siehe Bericht.") {
			t.Fatalf("alice's mails: %q", mails)
		}
		portal := strings.TrimPrefix(p.path, "/admin")
		if b := p.alice.Get(portal).Body; !strings.Contains(b, "bericht.pdf") || strings.Contains(b, "foto.png") {
			t.Fatalf("the portal does not show bericht.pdf alone")
		}
		if f := p.alice.Get(portal + "/files/" + itoa64(reportID)); f.Status != 200 || f.Body != string(pdf) {
			t.Fatalf("alice downloads bericht.pdf: %d, %d bytes", f.Status, len(f.Body))
		}
		// The same ids again attach nothing twice.
		if r := send(p.anna, p.path, nil, "Anna: Nochmal.", []string{report, photo}, nil); r.Status != 303 {
			t.Fatalf("resend with used ids: %d", r.Status)
		}
		p.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_attachments WHERE file_key = ?`, reportKey).Scan(&n)
		if n != 1 {
			t.Fatalf("bericht.pdf attached %d times", n)
		}

		// Not sent within a day: the janitor deletes row and file.
		_, annaMark = p.page(t, p.anna)
		if r := send(p.bernd, p.path, nil, "Bernd: Noch etwas.", nil, nil); r.Status != 303 {
			t.Fatalf("Bernd's third reply: %d", r.Status)
		}
		r = send(p.anna, p.path, annaMark, "Anna: Liegen gelassen.", nil, nil, apptest.File{Field: "files", Name: "alt.pdf", Data: pdf})
		if r.Status != 409 || stagedRows() != 1 {
			t.Fatalf("third conflict: %d, %d staged", r.Status, stagedRows())
		}
		old := stagedRE.FindStringSubmatch(r.Body)[1]
		oldKey := keyOf(old)
		age := func(d time.Duration) { // the janitor's other sweeps would end the sessions
			t.Helper()
			if _, err := p.env.DB.Exec(ctx, `UPDATE staged_uploads SET created_at = created_at - ?`, int64(d/time.Second)); err != nil {
				t.Fatal(err)
			}
		}
		age(23 * time.Hour)
		p.env.App.Sweep(ctx, time.Now())
		if stagedRows() != 1 || !stored(oldKey) {
			t.Fatalf("the janitor deleted a staged upload younger than a day")
		}
		age(2 * time.Hour)
		p.env.App.Sweep(ctx, time.Now())
		if stagedRows() != 0 || stored(oldKey) {
			t.Fatalf("after a day: %d staged, file stored %v", stagedRows(), stored(oldKey))
		}
		if r := send(p.anna, p.path, markOf(r.Body), "Anna: Liegen gelassen.", []string{old}, nil); r.Status != 303 {
			t.Fatalf("send after the sweep: %d", r.Status)
		}
		// The page after sending says the swept file did not go with it.
		if b := p.anna.Get(p.path).Body; !strings.Contains(b, "1 aufgeführter Anhang war nicht mehr vorhanden") {
			t.Errorf("no word that the swept attachment was not sent")
		}
	})
}
