package report_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
)

// berlin is the tenants' time zone (tenant.DefaultTimeZone).
var berlin, _ = time.LoadLocation("Europe/Berlin")

// march is a moment in March 2026 in Berlin.
func march(day, hour, minute int) time.Time {
	return time.Date(2026, time.March, day, hour, minute, 0, 0, berlin)
}

// helpdesk is a tenant with two companies, two staff members, targets and ten
// tickets around the first half of March 2026 (see TestCompute for what each tests),
// and another tenant with a ticket of its own that no figure may count.
type helpdesk struct {
	env                *apptest.Env
	ten, other         tenant.Tenant
	acme, beta         company.Company
	anna, bea          contact.Contact
	admin, agent       staff.Member
	hardware, software int64
	t                  *testing.T
}

func newHelpdesk(t *testing.T, e db.Engine) *helpdesk {
	env := apptest.Start(t, e)
	h := &helpdesk{env: env, t: t, ten: env.Tenant("Service GmbH", "hd.test"), other: env.Tenant("Other GmbH", "other.test")}
	h.acme, h.beta = env.Company(h.ten, "Acme AG"), env.Company(h.ten, "Beta KG")
	h.anna = env.Contact(h.ten, "anna@acme.test", "anna-password-1", "main", h.acme)
	h.bea = env.Contact(h.ten, "bea@beta.test", "bea-password-1", "main", h.beta)
	h.admin = env.Staff(h.ten, staff.RoleAdmin, "admin@hd.test", "admin-password-1")
	h.agent = env.Staff(h.ten, staff.RoleAgent, "agent@hd.test", "agent-password-1")
	ctx := context.Background()
	var err error
	for _, c := range []struct {
		name string
		id   *int64
	}{{"Hardware", &h.hardware}, {"Software", &h.software}} {
		if *c.id, err = ticket.SaveCategory(ctx, env.DB, h.ten.ID, ticket.Category{Name: c.name, Active: true}); err != nil {
			t.Fatal(err)
		}
	}
	var ts ticket.Targets
	ts[ticket.PriorityNormal] = ticket.Target{FirstResponse: 4, Resolution: 24}
	ts[ticket.PriorityHigh] = ticket.Target{FirstResponse: 2, Resolution: 8}
	ts[ticket.PriorityUrgent] = ticket.Target{FirstResponse: 1, Resolution: 4}
	for _, id := range []int64{h.ten.ID, h.other.ID} {
		if err := ticket.SetSLATargets(ctx, env.DB, id, ts); err != nil {
			t.Fatal(err)
		}
	}
	return h
}

// opened describes a ticket to open: by a contact unless staff is set.
type opened struct {
	co       company.Company
	ct       contact.Contact
	staff    staff.Member
	title    string
	at       time.Time
	priority int
	category int64
	via      string
}

func (h *helpdesk) open(tenantID int64, o opened) int64 {
	h.t.Helper()
	n := ticket.New{TenantID: tenantID, CompanyID: o.co.ID, ContactID: o.ct.ID, StaffID: o.staff.ID, Author: "Someone",
		Title: o.title, Body: "Body of " + o.title, Priority: o.priority, CategoryID: o.category, Via: o.via}
	var id int64
	h.tx(func(ctx context.Context, tx *db.Tx) (err error) {
		id, err = ticket.Create(ctx, tx, n, o.at)
		return err
	})
	return id
}

// change runs fn on ticket id (of tenantID) in a transaction.
func (h *helpdesk) change(tenantID, id int64, fn func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error) {
	h.t.Helper()
	h.tx(func(ctx context.Context, tx *db.Tx) error {
		tk, err := ticket.ForStaff(ctx, tx, tenantID, id)
		if err != nil {
			return err
		}
		return fn(ctx, tx, tk)
	})
}

func (h *helpdesk) tx(fn func(ctx context.Context, tx *db.Tx) error) {
	h.t.Helper()
	if err := h.env.DB.InTx(context.Background(), func(tx *db.Tx) error { return fn(context.Background(), tx) }); err != nil {
		h.t.Fatal(err)
	}
}

// reply writes a public reply (or an internal note) of staff member m at at.
func (h *helpdesk) reply(tenantID, id int64, m staff.Member, at time.Time, internal bool) {
	h.t.Helper()
	h.change(tenantID, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
		_, err := ticket.AddReply(ctx, tx, tk, ticket.Reply{StaffID: m.ID, Author: m.Name, Body: "Answer", Internal: internal, Via: "staff"}, at)
		return err
	})
}

// resolve moves the ticket to "resolved" at at.
func (h *helpdesk) resolve(tenantID, id int64, at time.Time) {
	h.t.Helper()
	st, err := ticket.StatusByCode(context.Background(), h.env.DB, tenantID, ticket.CodeResolved)
	if err != nil {
		h.t.Fatal(err)
	}
	h.change(tenantID, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
		_, err := ticket.SetStatus(ctx, tx, tk, st.ID, ticket.Actor{Name: "Staff"}, at)
		return err
	})
}

// rate gives the opener's rating at at.
func (h *helpdesk) rate(tenantID, id int64, value string, at time.Time) {
	h.t.Helper()
	h.change(tenantID, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
		return ticket.Rate(ctx, tx, tk, tk.ContactID, value, "", at)
	})
}

func (h *helpdesk) assign(id int64, m staff.Member, at time.Time) {
	h.t.Helper()
	h.change(h.ten.ID, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
		return ticket.Assign(ctx, tx, tk, m.ID, ticket.Actor{Name: "Staff"}, at)
	})
}

// seedMarch writes the tickets TestCompute counts; the report's period is 1 to 15
// March 2026. Durations: first response (FR) and resolution (RES) against the targets
// (normal 4 h / 24 h, high 2 h / 8 h, urgent 1 h / 4 h, low none).
func (h *helpdesk) seedMarch() {
	a := h.ten.ID
	t1 := h.open(a, opened{co: h.acme, ct: h.anna, title: "T1 printer", at: march(2, 9, 0), priority: ticket.PriorityNormal, category: h.hardware})
	h.assign(t1, h.admin, march(2, 9, 30))
	h.reply(a, t1, h.admin, march(2, 10, 0), false) // FR 1 h, met
	h.resolve(a, t1, march(2, 19, 0))               // RES 10 h, met
	h.rate(a, t1, ticket.RatingGood, march(3, 8, 0))

	t2 := h.open(a, opened{co: h.acme, ct: h.anna, title: "T2 server", at: march(3, 9, 0), priority: ticket.PriorityHigh, category: h.hardware, via: "email"})
	h.assign(t2, h.admin, march(3, 9, 5))
	h.reply(a, t2, h.admin, march(3, 13, 0), false) // FR 4 h, missed (2 h)
	h.resolve(a, t2, march(4, 9, 0))                // RES 24 h, missed (8 h)
	h.rate(a, t2, ticket.RatingBad, march(5, 8, 0))

	t3 := h.open(a, opened{co: h.acme, ct: h.anna, staff: h.agent, title: "T3 =cmd|' /C calc'!A0", at: march(5, 9, 0),
		priority: ticket.PriorityNormal, category: h.software, via: "staff"}) // no FR: staff opened it, nobody waits for an answer
	h.resolve(a, t3, march(8, 9, 0)) // RES 72 h, missed
	h.rate(a, t3, ticket.RatingGood, march(9, 8, 0))

	t4 := h.open(a, opened{co: h.beta, ct: h.bea, title: "T4 question", at: march(6, 9, 0), priority: ticket.PriorityLow})
	h.assign(t4, h.agent, march(6, 9, 10))
	h.reply(a, t4, h.agent, march(6, 15, 0), false) // FR 6 h, no target; still open

	t5 := h.open(a, opened{co: h.beta, ct: h.bea, title: "T5 no answer", at: march(10, 9, 0), priority: ticket.PriorityNormal, category: h.hardware})
	h.assign(t5, h.agent, march(10, 9, 10))
	h.reply(a, t5, h.admin, march(10, 10, 0), true) // an internal note: no response, no reply; FR missed since 13:00

	t6 := h.open(a, opened{co: h.acme, ct: h.anna, title: "T6 urgent", at: march(14, 9, 0), priority: ticket.PriorityUrgent, category: h.software})
	h.reply(a, t6, h.agent, march(14, 9, 30), false) // FR 30 min, met; still open

	t7 := h.open(a, opened{co: h.acme, ct: h.anna, title: "T7 before", at: time.Date(2026, time.February, 27, 9, 0, 0, 0, berlin), priority: ticket.PriorityNormal})
	h.reply(a, t7, h.agent, time.Date(2026, time.February, 27, 10, 0, 0, 0, berlin), false)
	h.resolve(a, t7, march(1, 9, 0)) // resolved in the period: RES 48 h, missed
	h.rate(a, t7, ticket.RatingGood, march(1, 10, 0))

	t10 := h.open(a, opened{co: h.beta, ct: h.bea, title: "T10 solved quietly", at: march(11, 9, 0), priority: ticket.PriorityNormal})
	h.resolve(a, t10, march(11, 11, 0))                // RES 2 h, met; done before its answer was due: no FR verdict
	h.rate(a, t10, ticket.RatingGood, march(17, 8, 0)) // after the period

	t8 := h.open(a, opened{co: h.acme, ct: h.anna, title: "T8 after", at: march(16, 9, 0), priority: ticket.PriorityNormal})
	h.reply(a, t8, h.admin, march(16, 9, 30), false)

	// The other tenant: everything inside the period, nothing of it may count.
	coB := h.env.Company(h.other, "Foreign Ltd")
	carl := h.env.Contact(h.other, "carl@foreign.test", "carl-password-1", "main", coB)
	staffB := h.env.Staff(h.other, staff.RoleAdmin, "admin@other.test", "other-password-1")
	t9 := h.open(h.other.ID, opened{co: coB, ct: carl, title: "T9 foreign", at: march(5, 9, 0), priority: ticket.PriorityNormal})
	h.reply(h.other.ID, t9, staffB, march(5, 9, 10), false)
	h.resolve(h.other.ID, t9, march(6, 9, 0))
	h.rate(h.other.ID, t9, ticket.RatingBad, march(6, 10, 0))
}
