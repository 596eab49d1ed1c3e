package admin

import (
	"context"
	"net/url"
	"strconv"

	"pforte/internal/contact"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// queueContactFollows is the value of ?contact_as= that lists the tickets the contact
// follows instead of those they opened.
const queueContactFollows = "follower"

// queueContact is the queue's contact filter (?contact=id&contact_as=follower): the
// tickets a contact opened, or those they follow. The contact page links to it for
// everything beyond the few tickets it lists (contact_tickets.go). There are too many
// contacts for a select, so the filter bar shows the chosen one by name with a link
// that removes it, and keeps it in a hidden field while other filters change.
type queueContact struct {
	ID      int64
	Name    string // the contact's name, once settled
	Follows bool
	Off     string // the queue as it is, without the contact filter
}

// contactQueuePath is the queue of all the tickets, in any state, that the contact
// opened, or with follows those they follow.
func contactQueuePath(contactID int64, follows bool) string {
	q := url.Values{"state": {"all"}, "contact": {itoa(contactID)}}
	if follows {
		q.Set("contact_as", queueContactFollows)
	}
	return queuePath(q)
}

// queueContactOf reads the contact filter from the query; Off is the same query
// without it (and without the page, which means nothing in another list).
func queueContactOf(q url.Values) queueContact {
	c := queueContact{Follows: q.Get("contact_as") == queueContactFollows}
	c.ID, _ = strconv.ParseInt(q.Get("contact"), 10, 64)
	c.Off = queuePath(web.Without(q, "contact", "contact_as", "page"))
	return c
}

// queueContact settles the contact filter as queueCompanies does the company's: a
// contact of the tenant stays chosen and gets its name; any other id (deleted,
// mistyped, another tenant's) is dropped, and gone says so. The queue then shows
// every contact's tickets with a note, rather than an empty list that looks like an
// answer.
func (a *Admin) queueContact(ctx context.Context, tenantID int64, c *queueContact, tf *ticket.Filter) (gone bool, err error) {
	if c.ID <= 0 {
		*c = queueContact{Off: c.Off}
		return false, nil
	}
	ct, err := contact.Get(ctx, a.env.DB, tenantID, c.ID)
	switch {
	case isNotFound(err):
		*c = queueContact{Off: c.Off}
		return true, nil
	case err != nil:
		return false, err
	}
	c.Name = ct.Name()
	if c.Name == "" {
		c.Name = ct.Email
	}
	tf.ContactID, tf.ContactFollows = ct.ID, c.Follows
	return false, nil
}
