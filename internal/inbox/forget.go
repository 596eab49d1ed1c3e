package inbox

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"pforte/internal/db"
)

// Forget says what an erased contact is replaced with in the inbox: Name for names
// and titles, Email for addresses, Text for what the person wrote.
type Forget struct {
	Name, Email, Text string
}

// Forgotten is what ForgetContact left for after the commit: the raw messages (.eml)
// in the file store to delete, and the titles the items had (the audit log names an
// item it marked done by its title).
type Forgotten struct {
	RawKeys []string
	Titles  []string
}

// personal are the payload fields of the kinds that name or quote a person
// (RegistrationPayload, the account_deleted payload, MailPayload) and what each
// becomes; fields not named here (the company typed, ids, the support address, the
// ticket made of a mail) stay.
var personal = map[string]func(f Forget) any{
	"first_name": func(Forget) any { return "" }, "last_name": func(f Forget) any { return f.Name },
	"phone": func(Forget) any { return "" }, "external_id": func(Forget) any { return "" },
	"email": func(f Forget) any { return f.Email }, "from": func(f Forget) any { return f.Email },
	"from_name": func(Forget) any { return "" }, "subject": func(f Forget) any { return f.Text },
	"text": func(f Forget) any { return f.Text }, "full": func(Forget) any { return "" },
	"reply": func(f Forget) any { return f.Text }, "raw_key": func(Forget) any { return "" },
}

// ForgetContact redacts the inbox items of an erased contact: those filed under
// contactID and those that came from one of addrs (lower-case), e.g. mail and a
// registration from before the person was a contact. Their title and the personal
// fields of their payload are replaced (see personal); an item still open is marked
// done, since nobody can act on it any more. Items the contact handled as a main
// contact keep the decision but not who took it. Every lookup goes by an index
// (migration 00072).
func ForgetContact(ctx context.Context, tx db.Querier, tenantID, contactID int64, addrs []string, f Forget, now time.Time) (Forgotten, error) {
	var out Forgotten
	// By contact, then by each address: one index each (an OR of both read the tenant's
	// items).
	payloads := map[int64]string{}
	// On PostgreSQL the rows are locked as they are read, as inbound threading locks an
	// item before it adds an answer (Lock): an answer committed meanwhile is read here and
	// redacted with the rest, not overwritten with its files left behind. SQLite has one
	// writer at a time anyway.
	lock := ""
	if tx.Engine() == db.Postgres {
		lock = " FOR UPDATE"
	}
	read := func(where string, args ...any) error {
		rows, err := tx.Query(ctx, `SELECT id, title, payload FROM inbox_items WHERE `+where+lock, args...)
		if err != nil {
			return fmt.Errorf("inbox: items of contact: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var title, payload string
			if err := rows.Scan(&id, &title, &payload); err != nil {
				return fmt.Errorf("inbox: items of contact: %w", err)
			}
			if _, seen := payloads[id]; !seen {
				out.Titles = append(out.Titles, title)
				payloads[id] = payload
			}
		}
		return rows.Err()
	}
	if err := read(`contact_id = ? AND tenant_id = ?`, contactID, tenantID); err != nil {
		return out, err
	}
	for _, a := range addrs {
		if err := read(`tenant_id = ? AND LOWER(email) = ?`, tenantID, a); err != nil {
			return out, err
		}
	}
	for id, payload := range payloads {
		red, keys := redactPayload(payload, f)
		out.RawKeys = append(out.RawKeys, keys...)
		if _, err := tx.Exec(ctx, `UPDATE inbox_items SET title = ?, email = ?, payload = ? WHERE tenant_id = ? AND id = ?`,
			f.Name, f.Email, red, tenantID, id); err != nil {
			return out, fmt.Errorf("inbox: forget item %d: %w", id, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE inbox_items SET state = ?, handled_at = ?, handled_by = ? WHERE tenant_id = ? AND id = ?
			AND state = ?`, StateDone, now.Unix(), AutoFiledBy, tenantID, id, StateOpen); err != nil {
			return out, fmt.Errorf("inbox: close item %d: %w", id, err)
		}
	}
	if _, err := tx.Exec(ctx, `UPDATE inbox_items SET handled_by = ? WHERE handled_by_contact_id = ? AND tenant_id = ?`,
		f.Name, contactID, tenantID); err != nil {
		return out, fmt.Errorf("inbox: forget who handled: %w", err)
	}
	return out, nil
}

// redactPayload replaces the personal fields of an item's payload and returns it with
// the keys of the files to delete: the raw messages of the mail and of the earlier
// mails of its conversation, their whole texts (MailPayload.FullText), and the earlier
// mails' attachments — each unless a ticket made of that mail carries the file now.
// The earlier mails go altogether, so nothing would address their files any more; the
// current mail's attachments stay listed (and downloadable) as before. A payload that
// is no JSON object becomes {}.
func redactPayload(payload string, f Forget) (string, []string) {
	var m map[string]any
	if json.Unmarshal([]byte(payload), &m) != nil || m == nil {
		return "{}", nil
	}
	keys := mailKeys(m)
	if turns, ok := m["earlier"].([]any); ok {
		for _, t := range turns {
			if t, ok := t.(map[string]any); ok {
				keys = append(append(keys, mailKeys(t)...), turnFiles(t)...)
			}
		}
	}
	delete(m, "earlier")
	delete(m, "full_text")
	for k, to := range personal {
		if _, ok := m[k]; ok {
			m[k] = to(f)
		}
	}
	raw, err := json.Marshal(m)
	if err != nil {
		return "{}", keys
	}
	return string(raw), keys
}

// mailKeys are the raw message's key of one mail of a payload and its whole text's
// while no ticket holds that.
func mailKeys(m map[string]any) []string {
	var keys []string
	if key, _ := m["raw_key"].(string); key != "" {
		keys = append(keys, key)
	}
	if ft, ok := m["full_text"].(map[string]any); ok {
		if key, _ := ft["key"].(string); key != "" && m["ticket_id"] == nil {
			keys = append(keys, key)
		}
	}
	return keys
}

// turnFiles are the attachment keys of an earlier mail of a conversation while no
// ticket holds them (a ticket made of the mail, or one it was added to, shares the
// files: MailTurn.TicketID).
func turnFiles(t map[string]any) []string {
	if t["ticket_id"] != nil {
		return nil
	}
	var keys []string
	atts, _ := t["attachments"].([]any)
	for _, a := range atts {
		if a, ok := a.(map[string]any); ok {
			if key, _ := a["key"].(string); key != "" {
				keys = append(keys, key)
			}
		}
	}
	return keys
}
