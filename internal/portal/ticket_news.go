package portal

import (
	"bytes"
	"context"
	"io"
	"net/http"

	"github.com/a-h/templ"

	"pforte/internal/i18n"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// A ticket with a new answer carries the badge "New reply" in the ticket list and the
// home page's panel ("New ticket" while its only message is the opening one). Both are kept rendered (p.lists) per company list version, and a
// the main contacts' list is shared by all of them, while read marks are per reader and
// change no list version. So the kept HTML holds a mark per ticket with news — an HTML
// comment "<!--news id count author-->" that user text cannot forge, since titles and
// names are escaped — and withNews replaces each by the badge or by nothing for the
// reader, after one lookup of their read marks for those tickets, before the page goes
// out. Opening a ticket thus clears its badge at once, and the list stays kept.
const (
	newsOpen  = "<!--news "
	newsClose = "-->"
)

// newsFind is what eachNews looks for: the mark without its "<", since a page is full
// of "<" and bytes.Index checks every place where the first byte occurs (a fifth of a
// kept list's time went there), while "!" is rare.
var newsFind, newsCloseBytes = []byte(newsOpen[1:]), []byte(newsClose)

// newsMark writes the mark of a ticket's news n into a kept fragment (id: its number,
// as the row has it written already); nothing without news.
func newsMark(h *web.HTML, id string, n ticket.News) {
	if n.Count > 0 {
		h.Raw(newsOpen, id, " ", itoa(n.Count), " ", itoa(n.By), newsClose)
	}
}

// newsOf is the news of t its row marks. A ticket nobody answered yet, still in the
// status "new", has none: its only possible badge, "New ticket" (newTicket), sat
// beside the status badge "New" and said the same thing twice.
func newsOf(t ticket.Ticket) ticket.News {
	if t.Status.Code == ticket.CodeNew && t.PortalNews.Count == 1 {
		return ticket.News{}
	}
	return t.PortalNews
}

// newsMarkComponent writes newsMark into a templ component (the home panel).
func newsMarkComponent(t ticket.Ticket) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		h := web.NewHTML(w)
		newsMark(h, itoa(t.ID), newsOf(t))
		return h.Err()
	})
}

// withNews returns the kept fragment body as the reader sees it: each mark replaced by
// the badge when the ticket is new for them, by nothing otherwise. Marks of tickets
// that cannot be new for the reader (their own message is the newest) need no lookup,
// and a fragment without any costs no query; nor does one whose tickets were looked up
// for the reader before, while their read marks have not changed since (p.seen).
func (p *Portal) withNews(r *http.Request, v *visit, body []byte) (templ.Component, error) {
	marks := findNews(body)
	ids := make([]int64, 0, len(marks))
	for _, m := range marks {
		if m.news.Possible(v.P.ContactID) {
			ids = append(ids, m.id)
		}
	}
	var seen map[int64]int64
	if len(ids) > 0 {
		var ok bool
		if seen, ok = p.seen.get(v.P.ContactID, v.readMarks, ids); !ok {
			var err error
			if seen, err = ticket.SeenByContact(r.Context(), p.env.DB, v.P, ids); err != nil {
				return nil, err
			}
			p.seen.put(v.P.ContactID, v.readMarks, ids, seen)
		}
	}
	return newsBody(body, marks, v.P.ContactID, seen), nil
}

// newsAt is a mark found in a fragment: where it starts and ends, and what it says.
type newsAt struct {
	start, end int
	id         int64
	news       ticket.News
}

// newsBody writes body with its marks replaced for reader, who had seen seen of each
// ticket's news.
func newsBody(body []byte, marks []newsAt, reader int64, seen map[int64]int64) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		var reply, fresh []byte
		at := 0
		for _, m := range marks {
			if _, err := w.Write(body[at:m.start]); err != nil {
				return err
			}
			at = m.end
			if !m.news.For(reader, seen[m.id]) {
				continue
			}
			badge := &reply
			if newTicket(m.news, seen[m.id]) {
				badge = &fresh
			}
			if *badge == nil {
				key := "unread.portal.badge"
				if badge == &fresh {
					key = "qa2_home.badge_new_ticket"
				}
				*badge = []byte(` <span class="badge news">` + templ.EscapeString(i18n.T(ctx, key)) + `</span>`)
			}
			if _, err := w.Write(*badge); err != nil {
				return err
			}
		}
		_, err := w.Write(body[at:])
		return err
	})
}

// newTicket tells whether news the reader had seen seen of are a ticket nobody
// answered yet, which they never opened: its one counted message is the one that
// opened it (read.go counts every public message, the first one too). Such a ticket —
// a colleague's, or one staff opened for the company — is badged "New ticket": "New
// reply" named a reply that was never written.
func newTicket(n ticket.News, seen int64) bool { return n.Count == 1 && seen == 0 }

// findNews lists the marks in body, in order. Only what reads exactly as a mark is
// one; user text never does, since it is escaped ("<" is written "&lt;").
func findNews(body []byte) []newsAt {
	var out []newsAt
	for at := 0; ; {
		i := bytes.Index(body[at:], newsFind)
		if i < 0 {
			return out
		}
		start := at + i - 1
		if start < at || body[start] != '<' {
			at = start + len(newsOpen) // "!--news " in a title is written as it is
			continue
		}
		// The numbers are read up to where the mark must close ("-->" right after them:
		// looking for it instead would stop at every "-" of "data-label").
		m := newsAt{start: start}
		rest := body[start+len(newsOpen):]
		m.id, rest = leadingInt(rest)
		m.news.Count, rest = leadingInt(rest)
		m.news.By, rest = leadingInt(rest)
		if !bytes.HasPrefix(rest, newsCloseBytes) {
			at = start + len(newsOpen)
			continue
		}
		m.end = len(body) - len(rest) + len(newsClose)
		if out == nil {
			out = make([]newsAt, 0, ticket.PageSize) // a list page's worth: one allocation
		}
		out = append(out, m)
		at = m.end
	}
}

// leadingInt reads the decimal number b starts with (0 if none) and returns the rest
// after one space.
func leadingInt(b []byte) (int64, []byte) {
	var n int64
	i := 0
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		n = n*10 + int64(b[i]-'0')
	}
	if i < len(b) && b[i] == ' ' {
		i++
	}
	return n, b[i:]
}
