package portal

import (
	"net/http"

	"pforte/internal/twofactor"
)

// colleagueRule is what the Colleagues page says about the company's two-factor rule
// beside its checkbox, worked out on the server so it holds without script.
type colleagueRule struct {
	On       bool // the company requires two factors
	SelfOn   bool // the main contact reading the page uses two factors
	Affected int  // colleagues with active access and no second factor: asked at their next page
	Saved    bool // just saved: the confirmation is shown in the card, not above the page
}

// Held tells whether the main contact owes the setup the rule asks of them: until
// then the page is open only for the rule (twofactor_gate.go), and its other forms,
// which the gate would refuse, are left out.
func (c colleagueRule) Held() bool { return c.On && !c.SelfOn }

// ruleSaved is the flash of a saved rule (twofactor_company.go). The save lands on the
// rule's card, far below the page's flash, which was out of sight.
const ruleSaved = "security.company_saved"

// colleagueRuleOf reads the rule's state for the page listing rows.
func (p *Portal) colleagueRuleOf(r *http.Request, v *visit, rows []colleagueRow) (colleagueRule, error) {
	rule := colleagueRule{On: v.Company.CompanyRequiresTwoFactor}
	// Only the page's people, by primary key: not every enabled contact of the tenant.
	ids := make([]int64, 0, len(rows)+1)
	ids = append(ids, v.P.ContactID)
	for _, m := range rows {
		if !m.Self && m.State == "active" {
			ids = append(ids, m.ContactID)
		}
	}
	on, err := twofactor.Contacts.EnabledAmong(r.Context(), p.env.DB, v.P.TenantID, ids)
	if err != nil {
		return rule, err
	}
	rule.SelfOn = on[v.P.ContactID]
	for _, m := range rows {
		if !m.Self && m.State == "active" && !on[m.ContactID] {
			rule.Affected++
		}
	}
	return rule, nil
}
