package admin

import (
	"net/http"
	"net/url"
	"slices"
)

// queueCookie keeps the query of the queue the member looked at last (filters, sort,
// page; not the search text, see queueTyped), so a ticket's "← All tickets" leads back to that list instead of the
// unfiltered queue: an agent working through "unassigned, high" opens a ticket, assigns
// it and returns to the same list without choosing the filters again. It holds only a
// query the queue itself reads, never a path, so it cannot lead anywhere else.
const queueCookie = "pforte_queue"

// queueQueryMax bounds the kept query; a longer one (a pasted search of many words) is
// not kept and the link leads to the plain queue.
const queueQueryMax = 1500

// rememberQueue keeps the query of the queue page r asked for, without the empty
// fields the filter form sends; a queue without filters forgets the last one. The
// cookie lives as long as the browser session.
func (a *Admin) rememberQueue(w http.ResponseWriter, r *http.Request) {
	q := queueQuery(r.URL.Query())
	if q == "" || len(q) > queueQueryMax {
		if _, err := a.env.Cookie(r, queueCookie); err == nil {
			a.env.ClearCookie(w, r, queueCookie)
		}
		return
	}
	a.env.SetCookie(w, r, queueCookie, q, 0)
}

// queueBack is the queue to return to from a ticket: the one remembered by
// rememberQueue, or the plain queue.
func (a *Admin) queueBack(r *http.Request) string {
	ck, err := a.env.Cookie(r, queueCookie)
	if err != nil || len(ck.Value) > queueQueryMax {
		return "/admin/tickets"
	}
	v, err := url.ParseQuery(ck.Value)
	if err != nil {
		return "/admin/tickets"
	}
	if q := queueQuery(v); q != "" {
		return "/admin/tickets?" + q
	}
	return "/admin/tickets"
}

// queueTyped are the queue's fields that hold text a member typed (a search of the
// conversation, a company name): not kept, as it may name a person (a cookie outlives
// the erasure of whoever was searched for), and the rest of the list still reads the
// same. queuePaging is where a page of such a search began: meaningless without it.
var queueTyped, queuePaging = []string{"q", "cq"}, []string{"page", "after"}

// queueQuery is v encoded without empty values and without typed text (queueTyped),
// so the kept link stays short and reads like the filters in force.
func queueQuery(v url.Values) string {
	searched := false
	for _, k := range queueTyped {
		searched = searched || v.Get(k) != ""
	}
	out := url.Values{}
	for k, vs := range v {
		if slices.Contains(queueTyped, k) || (searched && slices.Contains(queuePaging, k)) {
			continue
		}
		for _, s := range vs {
			if s != "" {
				out.Add(k, s)
			}
		}
	}
	return out.Encode()
}
