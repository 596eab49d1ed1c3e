package admin

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	// "anna@x @ Firma (main)", "anna@x @ Firma (main → user)", "anna@x @ Firma"
	detailMembership = regexp.MustCompile(`^(\S+@\S+) @ (.*?)(?: \((main|user)(?: → (main|user))?\))?$`)
	// "agent@x (agent)", "agent@x (agent, inactive)", "agent@x (own name, language)"
	detailStaff = regexp.MustCompile(`^(\S+@\S+) \((?:(admin|agent)(, inactive)?|own ((?:name|language)(?:, (?:name|language))?))\)$`)
	// "email a@x → b@x"
	detailEmail = regexp.MustCompile(`^email (.*) → (.*)$`)
	// "first_name: Anna → Anne; phone:  → 0711 …"
	detailField = regexp.MustCompile(`^(first_name|last_name|phone): (.*) → (.*)$`)
	// "contact:7 anna@x · company:3 Kunde AG" (the name only when the preview started)
	detailPreview = regexp.MustCompile(`^contact:(\d+) (\S*) · company:(\d+)(?: (.*))?$`)
)

// auditWords are details written as one word (how a sign-in went, why a check failed).
var auditWords = map[string]string{"invitation": "admin_fixes.audit.detail.invitation",
	"throttled": "admin_fixes.audit.detail.throttled", "proof": "admin_fixes.audit.detail.proof",
	"passkey": "admin_fixes.audit.detail.passkey", "twofactor_disable": "admin_fixes.audit.detail.twofactor_disable",
	"totp": "admin_fixes.audit.detail.totp", "recovery": "admin_fixes.audit.detail.recovery",
	"no active access": "audit_details.no_access", "on": "audit_details.on", "off": "audit_details.off"}

// fmtWord: an empty target, or one of auditWords.
func fmtWord(d *detailCtx, s string) []detailPart {
	if id, ok := auditWords[s]; ok {
		return detailText(d.w(id))
	}
	return nil
}

// fmtMembership: a contact's access to a company, with its role or change of role.
func fmtMembership(d *detailCtx, s string) []detailPart {
	m := detailMembership.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	args := map[string]any{"Email": d.contact(m[1]), "Company": d.company(m[2])}
	switch {
	case m[4] != "":
		args["Role"] = d.w("role."+m[3]) + " → " + d.w("role."+m[4])
	case m[3] != "":
		args["Role"] = d.w("role." + m[3])
	default:
		return d.t("audit_details.membership", args)
	}
	return d.t("audit_details.membership_role", args)
}

// fmtStaff: a staff member by address, with their role or what they changed of their own.
func fmtStaff(d *detailCtx, s string) []detailPart {
	if strings.Contains(s, "@") && !strings.ContainsAny(s, " ()") {
		return []detailPart{d.staff(s)}
	}
	m := detailStaff.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	if m[4] != "" {
		var fields []string
		for _, f := range strings.Split(m[4], ", ") {
			fields = append(fields, d.w("field."+f))
		}
		return d.t("audit_details.staff_own", map[string]any{"Email": d.staff(m[1]), "Fields": strings.Join(fields, ", ")})
	}
	role := d.w("role." + m[2])
	if m[3] != "" {
		role += ", " + d.w("admin_fixes.audit.detail.inactive")
	}
	return []detailPart{d.staff(m[1]), {Text: " (" + role + ")"}}
}

// fmtContactChanged: a new address (by staff, about the entry's contact), or a
// contact's own changes field by field.
func fmtContactChanged(d *detailCtx, s string) []detailPart {
	if m := detailEmail.FindStringSubmatch(s); m != nil {
		change := detailText(d.labelled(d.w("field.email"), m[1]+" → "+m[2]))
		if d.e.ContactID == 0 {
			return change
		}
		who := d.ref(auditRef{Kind: "contact", ID: d.e.ContactID}, d.w("admin_fixes.audit.kind.contact")+" #"+itoa(d.e.ContactID), true)
		return d.t("audit_details.about", map[string]any{"Record": who, "Change": change})
	}
	parts := strings.Split(s, "; ")
	for i, p := range parts {
		m := detailField.FindStringSubmatch(p)
		if m == nil {
			return nil
		}
		parts[i] = d.labelled(d.w("field."+m[1]), orDash(m[2])+" → "+orDash(m[3]))
	}
	return detailText(strings.Join(parts, "; "))
}

// fmtSessions: how many other sessions were signed out.
func fmtSessions(d *detailCtx, s string) []detailPart {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return nil
	}
	return d.n("audit_details.sessions", n, nil)
}

// fmtPreview: the contact and company a staff member viewed the portal as.
func fmtPreview(d *detailCtx, s string) []detailPart {
	m := detailPreview.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	company := d.link("company", m[3], m[4], m[4] == "")
	if company.Text == "" {
		company.Text = "#" + m[3]
	}
	return d.t("audit_details.preview", map[string]any{"Contact": d.link("contact", m[1], m[2], false), "Company": company})
}

// fmtAccountDeleted: "contact 7", the contact that anonymised their account.
func fmtAccountDeleted(d *detailCtx, s string) []detailPart {
	id, ok := strings.CutPrefix(s, "contact ")
	if !ok {
		return nil
	}
	return []detailPart{d.link("contact", id, d.w("admin_fixes.audit.kind.contact")+" #"+id, false)}
}

// fmtCompanyTwoFactor: "company:7 on", a company's rule for its contacts.
func fmtCompanyTwoFactor(d *detailCtx, s string) []detailPart {
	id, state, ok := strings.Cut(strings.TrimPrefix(s, "company:"), " ")
	if !ok || !strings.HasPrefix(s, "company:") || (state != "on" && state != "off") {
		return nil
	}
	return d.t("audit_details.company_twofactor_"+state, map[string]any{"Company": d.link("company", id, "#"+id, true)})
}

// fmtStaffTwoFactor: the tenant's rule for staff, "on" or "off".
func fmtStaffTwoFactor(d *detailCtx, s string) []detailPart {
	if s != "on" && s != "off" {
		return nil
	}
	return detailText(d.w("audit_details.staff_twofactor_" + s))
}
