package admin

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketsRead is "Mark all on this page as read" in the queue: the page's tickets that
// were new for the member, each as "id.count" with the count of news the page showed
// (so a message that arrived since stays new). Numbers of another tenant or ones the
// form did not come with mark nothing; the queue opens again with its filters.
func (a *Admin) ticketsRead(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	shown := readShown(f.Values["read"])
	n := 0
	if f.Err == "" && len(shown) > 0 {
		err := a.env.DB.InTx(r.Context(), func(tx *db.Tx) error {
			var err error
			n, err = ticket.MarkReadPage(r.Context(), tx, v.P.TenantID, v.Member.ID, shown, a.env.Now())
			return err
		})
		if err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	if n == 0 {
		a.env.Flash(w, r, "unread.queue.marked_none", queuePath(r.URL.Query()))
		return
	}
	a.env.FlashParts(w, r, queuePath(r.URL.Query()), web.FlashPart{ID: "unread.queue.marked", Count: n})
}

// readShown reads the form's "id.count" values, at most a bulk change's worth; values
// that are not two positive numbers are left out.
func readShown(vals []string) map[int64]int64 {
	out := map[int64]int64{}
	for _, s := range vals {
		if len(out) == bulkMax {
			break
		}
		id, count, ok := strings.Cut(s, ".")
		i, err1 := strconv.ParseInt(id, 10, 64)
		c, err2 := strconv.ParseInt(count, 10, 64)
		if ok && err1 == nil && err2 == nil && i > 0 && c > 0 {
			out[i] = c
		}
	}
	return out
}

// unreadCount is how many of the page's tickets are new for the member.
func unreadCount(list []ticket.Ticket) int {
	n := 0
	for _, t := range list {
		if t.Unread {
			n++
		}
	}
	return n
}

// readAction is where the page's "mark as read" form posts: carrying the queue's
// filters q, so the queue comes back as it was.
func readAction(q url.Values) string {
	if len(q) == 0 {
		return "/admin/tickets/read"
	}
	return "/admin/tickets/read?" + q.Encode()
}
