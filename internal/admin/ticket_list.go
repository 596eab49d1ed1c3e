package admin

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"pforte/internal/staff"
	"pforte/internal/ticket"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// queueFilter is what the queue was asked for, as the filter form shows it again.
type queueFilter struct {
	State    string // open, done, all, or a status id
	Company  int64
	CompanyQ string // name search for the company select
	Assignee string // "" (anyone), "me", "none" or a staff id
	Priority string
	Pending  bool
	Rating   string // "" (any), good, bad, none (not rated)
	Overdue  bool   // open tickets past their next due time only (sla.go)
	Unread   bool   // the member's own open tickets that are new for them only (ticket_read.go)
	FollowUp string // "" (any), due (anyone's follow-up is due), mine (the member's) (ticket_followup.go)
	Q        string
	Sort     string
	Billed   string // "" (any), "yes" or "no": with "done", the invoicing run's tickets

	// Contact: the tickets one contact opened or follows (ticket_list_contact.go).
	Contact queueContact
}

// queueView is one page of the queue with what its filter form offers.
type queueView struct {
	Filter    queueFilter
	List      []ticket.Ticket
	Pager     web.Pager
	Statuses  []ticket.Status
	Staff     []staff.Member
	Companies []web.Choice
	Bulk      bulkView  // the form that changes the ticked tickets (ticket_bulk.go)
	Now       time.Time // what the due column counts from
	// CompanyGone: the link asked for a company the tenant does not have (deleted, or a
	// mistyped number); the queue shows every company's tickets and says why.
	CompanyGone bool
	// ContactGone: the same for a contact (ticket_list_contact.go).
	ContactGone bool
	// CompanyFind is what the company name search found when it chose no company
	// (ticket_list_company.go).
	CompanyFind companyFind
	Capped      bool // the search read only the newest matching messages (web.SearchNote)
	Short       bool // the search was too short for the messages: titles only (web.SearchNote)
	// Count is how many tickets match, Many that more than Count do (ticket_list_count.go).
	Count int
	Many  bool
	// Empty is what an empty page says: no match, or no ticket yet (ticket_list_empty.go).
	Empty string
}

// ticketList is the queue: the tenant's tickets filtered by state or status, company,
// assignee, priority and pending requests, searched by number or title, sorted, and
// paged without counting all rows (ticket.Queue bounds the depth).
func (a *Admin) ticketList(w http.ResponseWriter, r *http.Request, v *visit) {
	a.renderQueue(w, r, v, bulkView{Form: web.NewForm()}, http.StatusOK)
}

// renderQueue answers with the queue the request's query asks for; b is the bulk
// form as sent (with its errors, 422) or empty.
func (a *Admin) renderQueue(w http.ResponseWriter, r *http.Request, v *visit, b bulkView, status int) {
	ctx := r.Context()
	b.Admin = v.Member.IsAdmin()
	statuses, err := ticket.Statuses(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	members, err := staff.List(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	qf, tf := queueFilterOf(r, statuses, v.Member.ID)
	b.Action = "/admin/tickets/bulk"
	if q := r.URL.Query(); len(q) > 0 {
		b.Action += "?" + q.Encode()
	}
	view := queueView{Statuses: statuses, Staff: members, Bulk: b}
	asked := qf.Company
	if view.Companies, qf.Company, view.CompanyFind, err = a.queueCompanies(ctx, v.P.TenantID, qf, r.URL.Query()); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	view.CompanyGone = asked > 0 && qf.Company == 0
	tf.CompanyID = qf.Company
	tf.Billed = qf.Billed
	if view.ContactGone, err = a.queueContact(ctx, v.P.TenantID, &qf.Contact, &tf); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	view.Filter, view.Now = qf, a.env.Now()
	if qf.Overdue {
		tf.Overdue = view.Now
	}
	if qf.FollowUp != "" {
		tf.FollowUpDue = view.Now
	}
	view.Pager = web.Pager{Page: max(tf.Page, 1), Path: "/admin/tickets", Query: r.URL.Query()}
	var report ticket.SearchReport
	tf.Report = &report
	// A company search that chose no company lists no tickets: every company's would
	// read as the one asked for (ticket_list_company.go).
	if !view.CompanyFind.Open() {
		if view.List, view.Pager.HasNext, err = ticket.Queue(ctx, a.env.DB, v.P.TenantID, tf); err != nil {
			a.env.Fail(w, r, err)
			return
		}
		if view.Pager.HasNext { // the next page starts where this one ends (keyset, list_after.go)
			view.Pager.Next = tf.Cursor(view.List[len(view.List)-1])
		}
	}
	view.Capped, view.Short = report.Capped, report.Short
	if view.Count, view.Many, err = a.queueCount(ctx, v.P.TenantID, tf, view); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if len(view.List) == 0 {
		if view.Empty, err = a.queueEmpty(ctx, v.P.TenantID, view); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	if err := ticket.MarkUnread(ctx, a.env.DB, v.P.TenantID, v.Member.ID, view.List); err != nil { // bold and "new"
		a.env.Fail(w, r, err)
		return
	}
	if err := ticket.MarkWatched(ctx, a.env.DB, v.P.TenantID, v.Member.ID, view.List, view.Now); err != nil { // a colleague has it open
		a.env.Fail(w, r, err)
		return
	}
	a.rememberQueue(w, r) // the ticket page's "← All tickets" returns here (queue_back.go)
	web.Render(w, r, status, ticketListPage(v.chrome(r, "tickets_admin.title"), view))
}

// queueFilterOf reads the filter. Unknown values fall back to the defaults (open
// tickets, anyone, newest activity) rather than an error, like a mangled paging link.
func queueFilterOf(r *http.Request, statuses []ticket.Status, me int64) (queueFilter, ticket.Filter) {
	q := r.URL.Query()
	qf := queueFilter{State: q.Get("state"), Assignee: q.Get("assignee"), Priority: q.Get("priority"),
		Pending: q.Get("pending") == "1", Overdue: q.Get("overdue") == "1", Q: validate.Truncate(validate.Clean(q.Get("q")), 200),
		CompanyQ: validate.Truncate(validate.Clean(q.Get("cq")), 100), Sort: q.Get("sort")}
	tf := ticket.Filter{Query: qf.Q, Pending: qf.Pending, Page: web.Page(r), After: validate.Truncate(q.Get("after"), 100)}
	if isTicketNo(qf.Q) { // a number finds its ticket whatever its state
		qf.State = "all"
	}
	qf.Rating = ratingFilter(q.Get("rating"), &qf.State)
	tf.Rating = qf.Rating
	switch qf.State {
	case "open", "done", "all":
		tf.State = qf.State
	default:
		id, _ := strconv.ParseInt(qf.State, 10, 64)
		if i := slices.IndexFunc(statuses, func(s ticket.Status) bool { return s.ID == id }); i >= 0 {
			tf.StatusID = id
		} else {
			qf.State, tf.State = "open", "open"
		}
	}
	switch qf.Assignee {
	case "":
	case "me":
		tf.AssigneeID = me
	case "none":
		tf.Unassigned = true
	default:
		if id, err := strconv.ParseInt(qf.Assignee, 10, 64); err == nil && id > 0 {
			tf.AssigneeID = id // another tenant's staff id simply matches nothing
		} else {
			qf.Assignee = ""
		}
	}
	if p, err := strconv.Atoi(qf.Priority); err == nil && slices.Contains(ticket.Priorities, p) {
		tf.Priority = p
	} else {
		qf.Priority = ""
	}
	switch qf.FollowUp = q.Get("followup"); qf.FollowUp {
	case "due":
	case "mine":
		tf.FollowUpOf = me
	default:
		qf.FollowUp = ""
	}
	if !slices.Contains(ticket.QueueSorts, qf.Sort) {
		qf.Sort = ticket.Sorts[0]
	}
	if qf.Overdue {
		qf.Sort = ticket.SortDue // overdue tickets always come most overdue first (ticket.Queue)
	} else if qf.FollowUp != "" {
		qf.Sort = ticket.SortFollowUp // so do due follow-ups, longest due first
	}
	tf.Sort = qf.Sort
	if qf.Billed = q.Get("billed"); qf.Billed != "yes" && qf.Billed != "no" {
		qf.Billed = ""
	}
	qf.Company, _ = strconv.ParseInt(q.Get("company"), 10, 64)
	qf.Contact = queueContactOf(q)
	if qf.Unread = q.Get("unread") == "1"; qf.Unread { // bounded to the member's open tickets
		qf.Assignee, tf.AssigneeID, tf.Unassigned, tf.UnreadBy = "me", me, false, me
		if tf.StatusID == 0 {
			qf.State, tf.State = "open", "open"
		}
	}
	return qf, tf
}

// isTicketNo reports whether a search is a ticket number ("123" or "#123").
func isTicketNo(q string) bool {
	_, ok := ticketNumber(q)
	return ok
}

// ticketNumber reads a ticket number as staff type it: "123" or "#123", spaces around
// allowed; ok is false for anything else.
func ticketNumber(s string) (n int64, ok bool) {
	n, err := strconv.ParseInt(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "#")), 10, 64)
	return n, err == nil && n > 0
}
