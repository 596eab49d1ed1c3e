package outbox

import (
	"context"
	"errors"
	"fmt"
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"pforte/internal/db"
	"pforte/internal/mail"
)

// Named is an erased person as mails to others name them: every address they had
// (lower-case) and the names they went by, and the placeholders that stand in for them.
type Named struct {
	Addrs, Names []string
	Addr, Name   string // the placeholder address and name
}

// minName is the shortest name masked (in runes): a shorter one would be found inside
// ordinary words and names of others too often to say it names the person.
const minName = 3

// NamingMails finds the tenant's mails of no ticket whose subject or text contains one
// of p's addresses or names: a colleague invited by the person, main contacts told of
// their registration. It reads every such mail's text (no index serves "contains"),
// seconds for a hundred thousand mails, so the erasure runs it before its transaction,
// on a reader, and ForgetNamed masks what it found. SQLite's LIKE ignores the case of
// ASCII letters, PostgreSQL's ILIKE of all; the filter is rough, the masking decides.
func NamingMails(ctx context.Context, q db.Querier, tenantID int64, p Named) ([]int64, error) {
	p.Names = usableNames(p.Names)
	var match []string
	var args []any
	op := " LIKE "
	if q.Engine() == db.Postgres {
		op = " ILIKE "
	}
	like := func(col, term string) {
		match = append(match, col+op+`? ESCAPE '\'`)
		args = append(args, "%"+db.LikeEscape(term)+"%")
	}
	for _, term := range p.Addrs {
		for _, col := range []string{"subject", "text_body", "html_body"} {
			like(col, term)
		}
	}
	for _, n := range p.Names {
		like("subject", n)
		like("text_body", n)
		like("html_body", n)
		if e := html.EscapeString(n); e != n {
			like("html_body", e)
		}
	}
	if len(match) == 0 {
		return nil, nil
	}
	rows, err := q.Query(ctx, `SELECT id FROM mails WHERE ticket_id IS NULL AND tenant_id = ? AND (`+strings.Join(match, " OR ")+`)`,
		append([]any{tenantID}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("outbox: mails naming a person: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("outbox: mails naming a person: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("outbox: mails naming a person: %w", err)
	}
	return ids, nil
}

// ForgetNamed masks an erased person in the stored copies of mails to others, which
// ForgetRecipient leaves (it blanks mails to the person): colleagues and staff told of
// their tickets and replies, a colleague invited by them, main contacts told of their
// registration. The mail went and stays a record, of its recipient, time, ticket and
// text; only the person's names and addresses in its subject and text become the
// placeholders, as on the ticket itself. It reads the mails of ticketIDs (by the
// mails_ticket index) and the mails ids (NamingMails); mails of other tickets only
// quote the ticket, not the person. It returns the ids of the changed mails whose copy
// the file sender stored, for RewriteStored once the transaction is committed.
func ForgetNamed(ctx context.Context, q db.Querier, tenantID int64, ticketIDs, ids []int64, p Named) ([]int64, error) {
	p.Names = usableNames(p.Names)
	if len(p.Addrs) == 0 && len(p.Names) == 0 {
		return nil, nil
	}
	var stored []int64
	seen := map[int64]bool{}
	read := func(where string, args ...any) error {
		rows, err := q.Query(ctx, `SELECT id, subject, text_body, html_body, stored_path FROM mails WHERE `+where, args...)
		if err != nil {
			return fmt.Errorf("outbox: mails naming a person: %w", err)
		}
		type change struct {
			id                  int64
			subject, text, html string
			file                bool
		}
		var changes []change
		for rows.Next() {
			var c change
			var path string
			if err := rows.Scan(&c.id, &c.subject, &c.text, &c.html, &path); err != nil {
				rows.Close()
				return fmt.Errorf("outbox: mails naming a person: %w", err)
			}
			if seen[c.id] {
				continue
			}
			seen[c.id] = true
			s, t, h := p.mask(c.subject, false), p.mask(c.text, false), p.mask(c.html, true)
			if s != c.subject || t != c.text || h != c.html {
				changes = append(changes, change{c.id, s, t, h, mail.StoredFile(path)})
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("outbox: mails naming a person: %w", err)
		}
		for _, c := range changes {
			if _, err := q.Exec(ctx, `UPDATE mails SET subject = ?, text_body = ?, html_body = ? WHERE tenant_id = ? AND id = ?`,
				c.subject, c.text, c.html, tenantID, c.id); err != nil {
				return fmt.Errorf("outbox: mask mail %d: %w", c.id, err)
			}
			if c.file {
				stored = append(stored, c.id)
			}
		}
		return nil
	}
	for _, id := range ticketIDs {
		if err := read(`ticket_id = ? AND tenant_id = ?`, id, tenantID); err != nil {
			return nil, err
		}
	}
	for _, id := range ids {
		if err := read(`tenant_id = ? AND id = ?`, tenantID, id); err != nil {
			return nil, err
		}
	}
	return stored, nil
}

// usableNames drops empty, short and repeated names.
func usableNames(names []string) []string {
	var out []string
	for _, n := range names {
		n = strings.TrimSpace(n)
		if utf8.RuneCountInString(n) >= minName && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// mask replaces p's addresses (any case) and names (as written, as whole words) in s;
// in an HTML part (isHTML) the names are looked for escaped too, as the mail's HTML
// holds them.
func (p Named) mask(s string, isHTML bool) string {
	if s == "" {
		return s
	}
	for _, a := range p.Addrs {
		s = replaceAnyCase(s, a, p.Addr)
	}
	for _, n := range p.Names {
		if isHTML {
			s = replaceWord(s, html.EscapeString(n), html.EscapeString(p.Name))
		}
		s = replaceWord(s, n, p.Name) // in HTML too, where the name needs no escaping
	}
	return s
}

// replaceAnyCase replaces every occurrence of lower (lower-case) in s, whatever its case
// there. Where lower-casing changes the text's length (rare letters), only the exact
// lower-case spelling is replaced.
func replaceAnyCase(s, lower, with string) string {
	if lower == "" {
		return s
	}
	ls := strings.ToLower(s)
	if len(ls) != len(s) {
		return strings.ReplaceAll(s, lower, with)
	}
	var b strings.Builder
	for {
		i := strings.Index(ls, lower)
		if i < 0 {
			break
		}
		b.WriteString(s[:i] + with)
		s, ls = s[i+len(lower):], ls[i+len(lower):]
	}
	return b.String() + s
}

// replaceWord replaces name in s where it stands as a word of its own: "Anna Berg"
// in "Anna Bergmann" or "Hanna Berg" is another name.
func replaceWord(s, name, with string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, name)
		if i < 0 {
			break
		}
		end := i + len(name)
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if wordRune(before) || wordRune(after) {
			_, size := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[:i+size])
			s = s[i+size:]
			continue
		}
		b.WriteString(s[:i] + with)
		s = s[end:]
	}
	return b.String() + s
}

// wordRune: r continues a name, so the name found is part of a longer one (a hyphen
// too: "Altmann-Berg" is another name than "Altmann").
func wordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-')
}

// RewriteStored writes the file sender's copies of the mails ids (ForgetNamed) anew
// from what the outbox holds of them now, so the .eml files no longer name the person
// either. Run it after the commit that masked them. A copy that fails is reported and
// the others are written all the same.
func RewriteStored(ctx context.Context, q db.Querier, tenantID int64, ids []int64) error {
	var errs []error
	for _, id := range ids {
		m, err := Get(ctx, q, tenantID, id, true)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !mail.StoredFile(m.Stored) {
			continue
		}
		errs = append(errs, mail.RewriteFile(m.Stored, mail.Message{To: m.To, Subject: m.Subject, Text: m.Text,
			HTML: m.HTML, ReplyTo: m.ReplyTo, InReplyTo: m.InReplyTo, Personal: m.Personal}))
	}
	return errors.Join(errs...)
}
