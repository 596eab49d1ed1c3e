package demo

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/textmodule"
)

// demoTextModules are the helpdesk's prepared answers in German and English, with the
// placeholders the ticket page fills in.
var demoTextModules = []textmodule.Module{
	{Name: "Eingangsbestätigung", Shortcut: "eingang", Language: "de", Body: "Guten Tag {{first_name}},\n\n" +
		"vielen Dank für Ihre Anfrage {{ticket}} „{{title}}“. Wir kümmern uns darum und melden uns so bald wie möglich. " +
		"Den Stand sehen Sie jederzeit im Portal: {{link}}"},
	{Name: "Drucker neu starten", Shortcut: "drucker", Language: "de", Body: "Guten Tag {{first_name}},\n\n" +
		"bitte schalten Sie den Drucker für 30 Sekunden aus und wieder ein. Besteht der Fehler danach weiter, " +
		"antworten Sie einfach auf diese Nachricht – dann schicken wir jemanden vorbei."},
	{Name: "Acknowledgement", Shortcut: "ack", Language: "en", Body: "Hello {{first_name}},\n\n" +
		"thank you for your request {{ticket}} \"{{title}}\". We are looking into it and will get back to you soon. " +
		"You can follow it in the portal at any time: {{link}}"},
}

// demoSignature signs the demo agent's replies.
const demoSignature = "Erika Agentin\nServicedesk · Demo Service GmbH\nTel. +49 711 987654"

// loadTextModules gives the demo tenant its text modules and the agent a signature.
func loadTextModules(ctx context.Context, tx db.Querier, tenantID int64, now time.Time) error {
	for _, m := range demoTextModules {
		m.TenantID, m.Active = tenantID, true
		if _, err := textmodule.Save(ctx, tx, m, i18n.Languages, now); err != nil {
			return fmt.Errorf("demo: text module %s: %w", m.Name, err)
		}
	}
	agent, err := staff.ByEmail(ctx, tx, tenantID, "agent@demo-service.de")
	if err != nil {
		return fmt.Errorf("demo: agent: %w", err)
	}
	return staff.SetSignature(ctx, tx, tenantID, agent.ID, demoSignature)
}
