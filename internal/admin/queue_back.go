package admin

import (
	"net/http"
	"net/url"
)

// queueCookie keeps the query of the queue the member looked at last (filters, sort,
// search, page), so a ticket's "← All tickets" leads back to that list instead of the
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

// queueQuery is v encoded without empty values, so the kept link stays short and
// reads like the filters in force.
func queueQuery(v url.Values) string {
	out := url.Values{}
	for k, vs := range v {
		for _, s := range vs {
			if s != "" {
				out.Add(k, s)
			}
		}
	}
	return out.Encode()
}
