package admin

import (
	"net/http"
	"strings"
	"time"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/textmodule"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketView is a ticket as staff see it (internal notes included) with what its
// forms offer.
type ticketView struct {
	ticket.Detail
	Statuses   []ticket.Status
	Categories []ticket.Category
	Staff      []staff.Member
	UploadMB   int
	// TextModules are the active text modules, those in ReplyLang (the contact's
	// language) first; Signature is the staff member's own (ticket_text_module.go).
	TextModules []textmodule.Module
	ReplyLang   string
	Signature   string
	Ratings     []ticket.Rating // the opener's ratings, one per resolution, newest first
	SLA         ticket.SLA      // the service-level targets and how they stand (sla.templ)
	Now         time.Time
	// Auto is the automation's next step with the ticket (ticket_auto.templ).
	Auto ticket.Plan
	// FollowUp is the ticket's follow-up (ticket_followup.templ).
	FollowUp ticket.FollowUp
	// Time is the time logged on the ticket and its sums (ticket_time.templ); MemberID
	// and Admin tell which entries the reader may change.
	Time      []ticket.TimeEntry
	TimeTotal ticket.TimeTotals
	MemberID  int64
	Admin     bool
	// Present are the colleagues who have the ticket open now, Every the heartbeat's
	// interval, Mark how far the page shows the ticket (its forms carry it back), Fresh
	// the messages a refused form marks as new (ticket_presence.go, ticket_stale.go).
	Present []ticket.Presence
	Every   string
	Mark    ticket.Mark
	Fresh   map[int64]bool
	// StaleForm is the form the page came back for that way ("reply", "other").
	StaleForm string
	// CompanyOpen are the company's other open tickets, CompanyOpenMore says there are
	// more than those (ticket_company_open.go).
	CompanyOpen     []ticket.Ticket
	CompanyOpenMore bool
	// CompanyNote is staff's internal note on the ticket's company (company_note.go).
	CompanyNote company.Note
	// Staged are the files the reply form keeps from a refused send (ticket_staged.go).
	Staged []ticket.Staged
	// Members are the contacts of the ticket's company: openers to move it to, and
	// followers to add (ticket_move_post.go, ticket_follower.go).
	Members []contact.Membership
	// Archive tells whether the ticket's company is archived (ticket_archived.templ).
	Archive company.ArchiveInfo
	// Sent: the page follows a reply or note just saved, so the browser forgets the
	// reply's draft (ticket_reply_flash.go, app.js).
	Sent bool
	// Back is the queue "← All tickets" leads to: the list the member came from, with
	// its filters (queue_back.go).
	Back string
}

// ticketForms are the detail page's forms; one comes back filled with errors when
// its submission was refused, the others start empty.
type ticketForms struct {
	Reply   web.Form
	Decline web.Form
	Other   web.Form // status, assignee, details: errors shown above the side forms
	Merge   web.Form // the number of the ticket to merge into (ticket_merge.go)
	// FollowUp is the follow-up's date and note (ticket_followup.go).
	FollowUp web.Form
	// Time is the "log time" form (ticket_time_add.go).
	Time web.Form
	// Correct is the subject, opener and followers (ticket_correct.go, ticket_move_post.go,
	// ticket_follower.go).
	Correct web.Form
	// Stale tells why a form was not carried out: others changed the ticket since its
	// page was shown (ticket_stale.go); nil otherwise.
	Stale *staleNote
}

// ticketShow shows a ticket of the tenant with its whole conversation.
func (a *Admin) ticketShow(w http.ResponseWriter, r *http.Request, v *visit) {
	a.renderTicket(w, r, v, ticketForms{}, http.StatusOK)
}

// renderTicket loads and shows the ticket of the path; another tenant's is a 404.
func (a *Admin) renderTicket(w http.ResponseWriter, r *http.Request, v *visit, forms ticketForms, status int) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return
	}
	ctx, q, tid := r.Context(), a.env.DB, v.P.TenantID
	t, err := ticket.ForStaff(ctx, q, tid, id)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	tv := ticketView{}
	if tv.Detail, err = ticket.Load(ctx, q, t, true); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if err := ticket.MarkReadByStaff(ctx, q, t, v.Member.ID, a.env.Now()); err != nil { // the queue's "new" (ticket/read.go)
		a.env.Fail(w, r, err)
		return
	}
	if tv.Statuses, err = ticket.Statuses(ctx, q, tid); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if tv.Categories, err = ticket.Categories(ctx, q, tid, false); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if tv.Staff, err = staff.List(ctx, q, tid); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	rules, err := tenant.GetTicketRules(ctx, q, tid)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	tv.UploadMB = rules.UploadLimitMB
	if tv.Ratings, err = ticket.Ratings(ctx, q, tid, t.ID); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if tv.SLA, err = ticket.SLAOf(ctx, q, tid, t.ID); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if tv.Auto, err = ticket.PlanOf(ctx, q, t); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if tv.FollowUp, err = ticket.FollowUpOf(ctx, q, tid, t.ID); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if tv.CompanyNote, err = company.GetNote(ctx, q, tid, t.CompanyID); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if tv.Archive, err = company.GetArchive(ctx, q, tid, t.CompanyID); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	tv.Sent = status == http.StatusOK && replySent(v.flash)
	tv.Back = a.queueBack(r)
	if tv.Members, err = contact.MembershipsOfCompany(ctx, q, tid, t.CompanyID); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if tv.CompanyOpen, tv.CompanyOpenMore, err = a.companyOpen(ctx, t); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if forms.FollowUp.Values == nil {
		forms.FollowUp = followUpForm(tv.FollowUp, v.Tenant.Location())
	}
	tv.Now = a.env.Now()
	freshReply := forms.Reply.Values == nil
	if err := a.loadTime(r, v, t, rules, &tv, &forms); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	// Showing the page is its first heartbeat; text sent back in the reply box means
	// the member is still writing.
	if tv.Present, err = a.presenceBeat(ctx, v, t, strings.TrimSpace(forms.Reply.Raw("body")) != ""); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	tv.Every, tv.Mark = a.presenceEvery(), ticket.MarkOf(tv.Detail)
	if forms.Stale != nil { // told what changed: sending again sends anyway
		tv.Fresh, tv.StaleForm = forms.Stale.Fresh, forms.Stale.Form
	} else if m, ok := keptMark(forms); ok {
		tv.Mark = m
	}
	if tv.Staged, err = web.ListedKept(ctx, q, stagedOwner(v, t.ID), forms.Reply); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if err := a.replyExtras(ctx, v, t, &tv); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if forms.Reply.Values == nil && tv.Signature != "" {
		forms.Reply = web.NewForm()
		forms.Reply.Set("kind", "reply")
		forms.Reply.Set("signature", "1") // signed by default once a signature exists
	}
	forms.fill(t)
	if freshReply && rules.TimeBillable { // time is billable unless staff untick it
		forms.Reply.Set("time_billable", "1")
	}
	c := v.chrome(r, "tickets_admin.show_title")
	c.Title = web.TicketTitle(t.ID, t.Title) // tells several open tickets apart in the tabs
	web.Render(w, r, status, ticketPage(c, tv, forms))
}

// fill gives the forms that were not submitted their starting values.
func (f *ticketForms) fill(t ticket.Ticket) {
	if f.Reply.Values == nil {
		f.Reply = web.NewForm()
		f.Reply.Set("kind", "reply")
	}
	if f.Decline.Values == nil {
		f.Decline = web.NewForm()
	}
	if f.Other.Values == nil {
		f.Other = web.NewForm()
	}
	if f.Merge.Values == nil {
		f.Merge = web.NewForm()
	}
	if f.Correct.Values == nil {
		f.Correct = web.NewForm()
	}
	// The correction forms share one form value: after a refused subject the opener
	// select still shows the opener, after a refused move the subject field the subject.
	for name, v := range map[string]string{"title": t.Title, "contact": optID(t.ContactID)} {
		if !f.Correct.Values.Has(name) {
			f.Correct.Set(name, v)
		}
	}
	for name, v := range map[string]string{"status": itoa(t.Status.ID), "assignee": optID(t.AssigneeID),
		"priority": itoa(int64(t.Priority)), "category": optID(t.CategoryID)} {
		if !f.Other.Values.Has(name) {
			f.Other.Set(name, v)
		}
	}
}

// optID is an id for a select whose empty choice means "none".
func optID(id int64) string {
	if id == 0 {
		return ""
	}
	return itoa(id)
}
