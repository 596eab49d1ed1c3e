package web

import (
	"net/url"
	"strconv"
)

// PerPage is the length of list pages in portal and back office.
const PerPage = 50

// Pager describes the neighbours of a list page. Lists fetch one row more than they show
// to know whether a next page exists, instead of counting all rows.
type Pager struct {
	Page    int
	HasNext bool
	Path    string
	Query   url.Values // kept in the links (search terms, filters)
	// Next, when set, is where the page ends in the list's order (?after=, as the
	// ticket lists page by keyset): only the link to the next page carries it.
	Next string
}

// Link returns the URL of page n.
func (p Pager) Link(n int) string {
	q := url.Values{}
	for k, v := range p.Query {
		if k != "page" && k != "after" && len(v) > 0 && v[0] != "" {
			q[k] = v
		}
	}
	if n > 1 {
		q.Set("page", strconv.Itoa(n))
	}
	if n == p.Page+1 && p.Next != "" {
		q.Set("after", p.Next)
	}
	if len(q) == 0 {
		return p.Path
	}
	return p.Path + "?" + q.Encode()
}

// Offset is the number of rows before the page.
func (p Pager) Offset() int { return (p.Page - 1) * PerPage }
