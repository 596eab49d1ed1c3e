package inbox

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestRedactThreadedMailDropsEarlierFiles: erasing the sender of a threaded mail item
// deletes the files of its earlier mails — raw message, whole text and attachments —
// unless a ticket made of that mail carries them; the current mail's attachments stay
// listed, and nothing of the earlier mails stays in the payload.
func TestRedactThreadedMailDropsEarlierFiles(t *testing.T) {
	p := MailPayload{From: "lena@x.example", Subject: "Wartung", Text: "Wir haben 15 Geräte.", RawKey: "raw-3",
		Attachments: []MailFile{{Name: "liste.pdf", Key: "att-3"}},
		Earlier: []MailTurn{
			{From: "lena@x.example", Text: "Bieten Sie Wartung an?", RawKey: "raw-1", Attachments: []MailFile{{Name: "a.pdf", Key: "att-1"}},
				FullText: &MailFile{Key: "full-1"}, Reply: "Ja."},
			{From: "lena@x.example", Text: "Hier das Foto.", RawKey: "raw-2", TicketID: 7,
				Attachments: []MailFile{{Name: "foto.jpg", Key: "att-2"}}, FullText: &MailFile{Key: "full-2"}},
		}}
	raw, _ := json.Marshal(p)
	red, keys := redactPayload(string(raw), Forget{Name: "Gelöscht", Email: "x@deleted.invalid", Text: "–"})
	slices.Sort(keys)
	if got := strings.Join(keys, " "); got != "att-1 full-1 raw-1 raw-2 raw-3" {
		t.Fatalf("keys to delete %q", got)
	}
	if strings.Contains(red, "earlier") || strings.Contains(red, "lena") || strings.Contains(red, "Geräte") || !strings.Contains(red, "att-3") {
		t.Fatalf("redacted payload %s", red)
	}
}
