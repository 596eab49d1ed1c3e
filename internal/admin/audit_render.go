package admin

import (
	"context"
	"regexp"
	"strings"

	"pforte/internal/audit"
	"pforte/internal/i18n"
)

// auditRow is an audit entry as the log shows it: the actor by name and address with a
// translated kind, the details with known parts translated. The stored entry is
// unchanged; internal/access writes it in one neutral form for every language.
type auditRow struct {
	audit.Entry
	ActorName  string // current name, when the actor is a staff member or contact still known
	ActorEmail string // the address as written, or the raw actor
	ActorKind  string // translated kind, empty for a raw actor
	Detail     string
}

func auditRows(ctx context.Context, list []audit.Entry, staff, contacts map[int64]string) []auditRow {
	out := make([]auditRow, len(list))
	for i, e := range list {
		a := audit.ParseActor(e.Actor)
		row := auditRow{Entry: e, ActorEmail: a.Raw, Detail: auditDetail(ctx, e.Target)}
		switch a.Kind {
		case "staff":
			row.ActorName, row.ActorEmail = staff[a.ID], a.Email
			row.ActorKind = i18n.T(ctx, "admin_fixes.audit.kind.staff")
		case "contact":
			row.ActorName, row.ActorEmail = contacts[a.ID], a.Email
			row.ActorKind = i18n.T(ctx, "admin_fixes.audit.kind.contact")
		}
		out[i] = row
	}
	return out
}

var (
	// "anna@x (main)", "anna@x @ Firma (user)", "agent@x (agent, inactive)"
	detailRole = regexp.MustCompile(`^(.*) \((main|user|admin|agent)(, inactive)?\)$`)
	// "anna@x @ Firma (main → user)"
	detailRoleChange = regexp.MustCompile(`^(.*) \((main|user|admin|agent) → (main|user|admin|agent)\)$`)
	// "email a@x → b@x"
	detailEmail = regexp.MustCompile(`^email (.*) → (.*)$`)
	// "first_name: Anna → Anne; phone:  → 0711 …"
	detailField = regexp.MustCompile(`^(first_name|last_name|phone): (.*) → (.*)$`)
	// "company:7 on"
	detailTwoFactor = regexp.MustCompile(`^company:(\d+) (on|off)$`)
)

// auditWords are details written as one word (how a sign-in went, why a check failed).
var auditWords = map[string]bool{"invitation": true, "throttled": true, "proof": true, "passkey": true,
	"twofactor_disable": true, "totp": true, "recovery": true}

// auditDetail translates the patterns internal/access writes; anything else (a company
// name, a file, a reason typed by staff) is shown as written.
func auditDetail(ctx context.Context, s string) string {
	t := func(id string) string { return i18n.T(ctx, id) }
	if auditWords[s] {
		return t("admin_fixes.audit.detail." + s)
	}
	if m := detailRoleChange.FindStringSubmatch(s); m != nil {
		return m[1] + " (" + t("role."+m[2]) + " → " + t("role."+m[3]) + ")"
	}
	if m := detailRole.FindStringSubmatch(s); m != nil {
		role := t("role." + m[2])
		if m[3] != "" {
			role += ", " + t("admin_fixes.audit.detail.inactive")
		}
		return m[1] + " (" + role + ")"
	}
	if m := detailEmail.FindStringSubmatch(s); m != nil {
		return t("field.email") + ": " + m[1] + " → " + m[2]
	}
	if m := detailTwoFactor.FindStringSubmatch(s); m != nil {
		return i18n.T(ctx, "admin_fixes.audit.detail.twofactor_"+m[2], map[string]any{"ID": m[1]})
	}
	parts := strings.Split(s, "; ")
	for i, p := range parts {
		m := detailField.FindStringSubmatch(p)
		if m == nil {
			return s
		}
		parts[i] = t("field."+m[1]) + ": " + orDash(m[2]) + " → " + orDash(m[3])
	}
	return strings.Join(parts, "; ")
}
