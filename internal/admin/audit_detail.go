package admin

import (
	"context"
	"strconv"
	"strings"

	"pforte/internal/audit"
	"pforte/internal/i18n"
)

// detailPart is a piece of an entry's details as the log shows it: text, or a link to
// the back-office page of a record when Href is set.
type detailPart struct{ Text, Href string }

// auditRef is a record a detail names: its kind ("ticket", "company", "contact",
// "article", "download") and id, or a staff member by address (Kind "staff", Key the
// address). Kind "merge" asks for what a merged ticket was merged into (auditRecord.Into).
type auditRef struct {
	Kind string
	ID   int64
	Key  string
}

// auditRecord is a named record found in the tenant: its id and current name. For a
// "merge" ref, Into is the ticket it was merged into (0: none, or deleted since) and
// Company its company, both in the tenant. Created is when the record was created
// (Unix seconds).
type auditRecord struct {
	ID            int64
	Name          string
	Into, Company int64
	Created       int64
}

// before reports whether rec existed when the entry was written. On SQLite a deleted
// record's id can be given to a new one (INTEGER PRIMARY KEY without AUTOINCREMENT
// reuses the highest id once freed): a record created after the entry has the number
// the entry names but is another record, so it is neither linked nor named.
func (d *detailCtx) before(rec auditRecord) bool { return rec.Created <= d.e.At.Unix() }

// detailCtx renders one entry's details. A page renders its entries twice: first with
// want set, which only collects the records the details name, then with found, the
// current names of those still in the viewer's tenant, which the links show.
type detailCtx struct {
	ctx   context.Context
	e     audit.Entry
	want  map[auditRef]bool
	found map[auditRef]auditRecord
}

// detailFormat renders the target of one action; nil means "show it as written" (an
// empty target, text typed by people, or a form this version does not know).
type detailFormat func(d *detailCtx, target string) []detailPart

// ref links text to the record r when it still exists in the tenant and existed when
// the entry was written. With named set, the record's current name (an article's
// title, which its entries do not hold) replaces text.
func (d *detailCtx) ref(r auditRef, text string, named bool) detailPart {
	if d.want != nil {
		d.want[r] = true
	}
	rec, ok := d.found[r]
	if !ok || rec.ID == 0 || !d.before(rec) { // gone, another tenant's, or a newer record with its id
		return detailPart{Text: text}
	}
	if named && rec.Name != "" {
		text = rec.Name
	}
	return detailPart{Text: text, Href: refPath(r.Kind, rec.ID)}
}

// link is ref by kind and id; id is the number as the target wrote it.
func (d *detailCtx) link(kind, id, text string, named bool) detailPart {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return detailPart{Text: text}
	}
	return d.ref(auditRef{Kind: kind, ID: n}, text, named)
}

// staff links a staff member's address to their row in the staff list.
func (d *detailCtx) staff(email string) detailPart {
	return d.ref(auditRef{Kind: "staff", Key: strings.ToLower(email)}, email, false)
}

// company shows a company an entry names by name only, as plain text: a name says
// which company had it then, not which has it now (one renamed, another taking its
// old name), so it is never a link; entries that hold the id link by it.
func (d *detailCtx) company(name string) detailPart { return detailPart{Text: name} }

// merged is what the ticket with id was merged into, and its company, as the tenant's
// tickets say now; ok is false while collecting, for a ticket not in the tenant, and
// for one created after the entry (a newer ticket given the deleted one's id).
func (d *detailCtx) merged(id string) (rec auditRecord, ok bool) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return rec, false
	}
	r := auditRef{Kind: "merge", ID: n}
	if d.want != nil {
		d.want[r] = true
	}
	rec, ok = d.found[r]
	if ok && !d.before(rec) {
		return auditRecord{}, false
	}
	return rec, ok
}

// contact links the address an access entry starts with to the contact it concerns.
func (d *detailCtx) contact(email string) detailPart {
	if d.e.ContactID == 0 {
		return detailPart{Text: email}
	}
	return d.ref(auditRef{Kind: "contact", ID: d.e.ContactID}, email, false)
}

// refPath is the back-office page of the record of kind with id.
func refPath(kind string, n int64) string {
	id := strconv.FormatInt(n, 10)
	switch kind {
	case "ticket":
		return ticketPath(n)
	case "company":
		return "/admin/companies/" + id
	case "contact":
		return "/admin/contacts/" + id
	case "article":
		return "/admin/kb/articles/" + id
	case "download":
		return "/admin/downloads/files/" + id
	case "inbox":
		return "/admin/inbox/" + id
	}
	return "/admin/staff#staff-" + id
}

// w translates a word of the message files.
func (d *detailCtx) w(id string) string { return i18n.T(d.ctx, id) }

// labelled writes "label: value" as the reader's language does (French with a no-break
// space before the colon): glued with ": " in code it read "Visibilité: …" in French.
func (d *detailCtx) labelled(label, value string) string {
	return i18n.T(d.ctx, "audit_details.about", map[string]any{"Record": label, "Change": value})
}

// t translates message id into parts. Arguments that are text or parts are passed as
// markers and put back after translating, so a link keeps its place in the sentence
// whatever the language's word order; numbers are formatted as the language writes them.
// A single text or part is trimmed: a name written with blanks around it would read
// "„ swap “" in the quotes the message puts around it.
func (d *detailCtx) t(id string, args map[string]any) []detailPart {
	return d.translate(args, func(data map[string]any) string { return i18n.T(d.ctx, id, data) })
}

// n is t for a plural message.
func (d *detailCtx) n(id string, count int, args map[string]any) []detailPart {
	return d.translate(args, func(data map[string]any) string { return i18n.From(d.ctx).N(id, count, data) })
}

func (d *detailCtx) translate(args map[string]any, tr func(map[string]any) string) []detailPart {
	data := map[string]any{}
	var held [][]detailPart
	for k, v := range args {
		var ps []detailPart
		switch v := v.(type) {
		case string: // a name goes inside the sentence's quotes or brackets without blanks
			ps = []detailPart{{Text: strings.TrimSpace(v)}}
		case detailPart:
			v.Text = strings.TrimSpace(v.Text)
			ps = []detailPart{v}
		case []detailPart:
			ps = v
		default:
			data[k] = v
			continue
		}
		data[k] = "\x00" + strconv.Itoa(len(held)) + "\x00"
		held = append(held, ps)
	}
	var out []detailPart
	for i, piece := range strings.Split(tr(data), "\x00") {
		if i%2 == 0 {
			if piece != "" {
				out = append(out, detailPart{Text: piece})
			}
			continue
		}
		if n, err := strconv.Atoi(piece); err == nil && n < len(held) {
			out = append(out, held[n]...)
		}
	}
	return out
}

// detailText is a detail that is plain text.
func detailText(s string) []detailPart { return []detailPart{{Text: s}} }

// joinParts puts lists of parts together with sep between them.
func joinParts(lists [][]detailPart, sep string) []detailPart {
	var out []detailPart
	for i, l := range lists {
		if i > 0 {
			out = append(out, detailPart{Text: sep})
		}
		out = append(out, l...)
	}
	return out
}

// count translates a plural message for n into text.
func (d *detailCtx) count(id string, n int) string { return i18n.From(d.ctx).N(id, n, nil) }
