package admin

import (
	"strconv"
	"strings"

	"pforte/internal/ticket"
)

// statusChanges says in the audit log what a save changed of a status (old is the
// status as it was, isNew for one just added): "Waiting: kind open → waiting, portal
// shown → hidden". Without it four different edits of one status read alike, and
// staff cannot tell from the log who hid a status from customers.
func statusChanges(old, s ticket.Status, isNew bool) string {
	shown := func(b bool) string {
		if b {
			return "shown"
		}
		return "hidden"
	}
	yes := func(b bool) string {
		if b {
			return "active"
		}
		return "retired"
	}
	if isNew {
		return "added: kind " + s.Kind + ", portal " + shown(s.PortalVisible) + ", " + yes(s.Active)
	}
	var out []string
	if old.Name != s.Name {
		out = append(out, "name "+orDash(old.Name)+" → "+orDash(s.Name))
	}
	if old.Kind != s.Kind {
		out = append(out, "kind "+old.Kind+" → "+s.Kind)
	}
	if old.PortalVisible != s.PortalVisible {
		out = append(out, "portal "+shown(old.PortalVisible)+" → "+shown(s.PortalVisible))
	}
	if old.Active != s.Active {
		out = append(out, yes(old.Active)+" → "+yes(s.Active))
	}
	if old.Position != s.Position {
		out = append(out, "position "+strconv.Itoa(old.Position)+" → "+strconv.Itoa(s.Position))
	}
	if len(out) == 0 {
		return "unchanged"
	}
	return strings.Join(out, ", ")
}
