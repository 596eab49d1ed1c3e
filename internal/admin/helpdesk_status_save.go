package admin

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/ticket"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// helpdeskStatusSave adds a status (no id) or changes one of the tenant's (another
// tenant's id is a 404). A built-in status keeps its kind, since the rules rely on it
// ("resolved" is done, "closed" needs reopening), and may go without a name of its
// own (then every reader sees the translation); a status the tenant added needs one.
// The built-in statuses the rules move tickets into, and the last active status of
// kind resolved (Status.Required), stay active; that last one keeps its kind too.
func (a *Admin) helpdeskStatusSave(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := r.Context()
	list, err := ticket.Statuses(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	s, key := ticket.Status{Active: true, PortalVisible: true, Kind: ticket.KindOpen, Position: nextPosition(list)}, "status-new"
	isNew := r.PathValue("id") == ""
	if !isNew {
		id, _ := web.ID(r, "id")
		i := slices.IndexFunc(list, func(s ticket.Status) bool { return s.ID == id })
		if i < 0 {
			a.env.NotFound(w, r)
			return
		}
		s, key = list[i], "status-"+itoa(id)
	}
	old := s
	f := web.ParseForm(w, r)
	var names map[string]string
	if f.Err == "" {
		s.Name = f.Get("name")
		names = readNames(&f, maxStatusName)
		f.Errors.Text("name", s.Name, s.Code == "", maxStatusName)
		if s.Code == "" {
			s.Kind = f.Get("kind")
			if !slices.Contains(ticket.Kinds, s.Kind) {
				f.Errors.Add("kind", "tickets_admin.error.kind", nil)
			}
		}
		s.Position = position(&f, s.Position)
		s.PortalVisible, s.Active = f.Get("portal_visible") == "1", f.Get("active") == "1"
		if s.Required() && !s.Active {
			f.Errors.Add("active", "tickets_admin.error.status_required", nil)
		}
		if s.Code == "" && s.Required() && s.Kind != ticket.KindResolved { // the last active resolved one
			f.Errors.Add("kind", "ticket_work.error.last_resolved_kind", nil)
		}
		if s.Name != "" && slices.ContainsFunc(list, func(o ticket.Status) bool {
			return o.ID != s.ID && slices.ContainsFunc(shownStatusNames(o), func(n string) bool { return strings.EqualFold(n, s.Name) })
		}) {
			f.Errors.Add("name", "tickets_admin.error.status_taken", nil)
		}
	}
	if f.Invalid() {
		a.renderHelpdesk(w, r, v, key, f, http.StatusUnprocessableEntity)
		return
	}
	// The check above read the list before the save: another admin may have retired
	// the other active resolved status meanwhile. SaveStatus checks again under a lock
	// (ErrLastResolved); helpdeskSave would answer that with a 500, so it is saved here.
	err = a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		id, err := ticket.SaveStatus(ctx, tx, v.P.TenantID, s)
		if err != nil {
			return err
		}
		if err := ticket.SaveNames(ctx, tx, v.P.TenantID, ticket.NameStatus, id, names); err != nil {
			return err
		}
		by := v.actor(r, a.env)
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.SettingsChanged,
			"helpdesk status "+orDash(s.Name+s.Code)+": "+statusChanges(old, s, isNew)+namesAudit(names), by.IP, a.env.Now())
	})
	if errors.Is(err, ticket.ErrLastResolved) {
		if s.Kind == ticket.KindResolved {
			f.Errors.Add("active", "ticket_work.error.last_resolved_kind", nil)
		} else {
			f.Errors.Add("kind", "ticket_work.error.last_resolved_kind", nil)
		}
		a.renderHelpdesk(w, r, v, key, f, http.StatusUnprocessableEntity)
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.ForgetTenants() // ticket pages show the rules from the cached tenant
	a.env.Flash(w, r, "tickets_admin.settings.saved", "/admin/settings/helpdesk")
}

// shownStatusNames are the names staff read for status s: its own name, or for a
// built-in status without one its translation in every language of the back office.
// A new status called "Neu" (or, by an admin working in German, "New") beside the
// built-in one would otherwise pass the check, leaving two of one name in the lists of
// staff reading that language.
func shownStatusNames(s ticket.Status) []string {
	key, name := s.Label()
	if key == "" {
		return []string{name}
	}
	names := make([]string, 0, len(i18n.Languages))
	for _, lang := range i18n.Languages {
		names = append(names, i18n.For(lang).T(key))
	}
	return names
}

// nextPosition puts a new entry after the last one.
func nextPosition[T any](list []T) int { return min(len(list)+1, validate.MaxPosition) }
