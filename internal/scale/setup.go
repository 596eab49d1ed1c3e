package scale

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"pforte/internal/auth"
	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/principal"
	"pforte/internal/staff"
	"pforte/internal/ticket"
)

// world is what the tickets are spread over: the tenant's statuses, categories and
// staff, and the companies the generator created with their contacts.
type world struct {
	tenantID   int64
	statuses   map[string]ticket.Status // by code
	categories map[string]int64         // by name
	catIDs     []int64
	staff      []member
	companies  []firm
	cum        []float64      // cumulative share of tickets per company, for sampling
	targets    ticket.Targets // the tenant's service-level targets (sla.go)
}

type member struct {
	id   int64
	name string
}

type firm struct {
	id      int64
	name    string
	english bool
	people  []member // people[0] is the main contact
	firsts  []string
	emails  []string
}

// agents are added when the tenant has fewer staff than a helpdesk of this size would.
var agents = []string{"Jana Berger", "Tim Hoffmann", "Lena Wolf", "Kai Neumann", "Mara Schulz", "Ole Fischer"}

// minStaff is how many staff members answer tickets.
const minStaff = 6

// setup prepares the world: statuses and categories, staff, and companies (one per
// thousand tickets, at least five) with a main contact and four users each.
func setup(ctx context.Context, d *db.DB, tenantID int64, n int, password string, r *rand.Rand, now time.Time) (*world, error) {
	w := &world{tenantID: tenantID, statuses: map[string]ticket.Status{}, categories: map[string]int64{}}
	list, err := ticket.Statuses(ctx, d, tenantID)
	if err != nil {
		return nil, err
	}
	for _, s := range list {
		if _, dup := w.statuses[s.Code]; s.Code != "" && !dup {
			w.statuses[s.Code] = s
		}
	}
	for _, code := range []string{ticket.CodeNew, ticket.CodeAccepted, ticket.CodeProgress, ticket.CodeWaiting,
		ticket.CodeResolved, ticket.CodeClosed, ticket.CodeDeclined} {
		if _, ok := w.statuses[code]; !ok {
			return nil, fmt.Errorf("scale: the tenant has no status %q", code)
		}
	}
	if w.targets, err = ticket.SLATargets(ctx, d, tenantID); err != nil {
		return nil, err
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return nil, err
	}
	err = d.InTx(ctx, func(tx *db.Tx) error {
		if err := w.ensureCategories(ctx, tx); err != nil {
			return err
		}
		if err := w.ensureStaff(ctx, tx, now); err != nil {
			return err
		}
		return w.addCompanies(ctx, tx, max(5, n/1000), hash, r, now)
	})
	if err != nil {
		return nil, err
	}
	// A few big customers and a long tail: company i gets a share ∝ 1/(i+1)^0.9.
	total := 0.0
	for i := range w.companies {
		total += 1 / math.Pow(float64(i+1), 0.9)
		w.cum = append(w.cum, total)
	}
	for i := range w.cum {
		w.cum[i] /= total
	}
	return w, nil
}

func (w *world) ensureCategories(ctx context.Context, tx db.Querier) error {
	cats, err := ticket.Categories(ctx, tx, w.tenantID, true)
	if err != nil {
		return err
	}
	if len(cats) == 0 {
		for i, name := range Categories {
			id, err := ticket.SaveCategory(ctx, tx, w.tenantID, ticket.Category{Name: name, Position: i + 1, Active: true})
			if err != nil {
				return err
			}
			cats = append(cats, ticket.Category{ID: id, Name: name})
		}
	}
	for _, c := range cats {
		w.categories[c.Name] = c.ID
		w.catIDs = append(w.catIDs, c.ID)
	}
	return nil
}

func (w *world) ensureStaff(ctx context.Context, tx db.Querier, now time.Time) error {
	list, err := staff.List(ctx, tx, w.tenantID)
	if err != nil {
		return err
	}
	for _, m := range list {
		if m.Active {
			w.staff = append(w.staff, member{m.ID, m.Name})
		}
	}
	for i := 0; len(w.staff) < minStaff && i < len(agents); i++ {
		email := fmt.Sprintf("%s@support.pforte.invalid", slug(agents[i]))
		if _, err := staff.ByEmail(ctx, tx, w.tenantID, email); err == nil {
			continue
		}
		// No password: these agents exist to answer generated tickets, not to log in.
		m, err := staff.Create(ctx, tx, staff.Member{TenantID: w.tenantID, Email: email, Name: agents[i], Role: staff.RoleAgent}, now)
		if err != nil {
			return err
		}
		w.staff = append(w.staff, member{m.ID, m.Name})
	}
	return nil
}

func (w *world) addCompanies(ctx context.Context, tx db.Querier, count int, hash string, r *rand.Rand, now time.Time) error {
	var seq int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM companies WHERE tenant_id = ?`, w.tenantID).Scan(&seq); err != nil {
		return err
	}
	for i := range count {
		spec := newCompany(r, seq+i+1)
		co, err := company.Create(ctx, tx, company.Company{TenantID: w.tenantID, Name: spec.name, CustomerNumber: spec.number,
			EmailDomains: spec.domain, Street: spec.street, PostalCode: spec.zip, City: spec.city, Country: spec.country}, now)
		if err != nil {
			return fmt.Errorf("scale: company %s: %w", spec.name, err)
		}
		f := firm{id: co.ID, name: co.Name, english: spec.english}
		for j, p := range spec.people {
			ct, err := contact.Create(ctx, tx, contact.Contact{TenantID: w.tenantID, FirstName: p.first, LastName: p.last,
				Email: p.email, Language: p.lang, PasswordHash: hash}, i18n.Languages, now)
			if err != nil {
				return fmt.Errorf("scale: contact %s: %w", p.email, err)
			}
			role := principal.RoleUser
			if j == 0 {
				role = principal.RoleMain
			}
			mid, err := contact.AddMembership(ctx, tx, w.tenantID, ct.ID, co.ID, role, now)
			if err != nil {
				return err
			}
			if err := contact.SetAccess(ctx, tx, w.tenantID, mid, "", contact.AccessActive, now); err != nil {
				return err
			}
			f.people = append(f.people, member{ct.ID, ct.Name()})
			f.firsts = append(f.firsts, p.first)
			f.emails = append(f.emails, ct.Email)
		}
		w.companies = append(w.companies, f)
	}
	return nil
}

// pickCompany draws a company, big customers more often.
func (w *world) pickCompany(r *rand.Rand) int {
	return min(sort.SearchFloat64s(w.cum, r.Float64()), len(w.cum)-1)
}
