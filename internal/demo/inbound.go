package demo

import (
	"context"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/inbound"
	"pforte/internal/mailin"
	"pforte/internal/tenant"
)

// SupportAddress is where the demo tenant receives support mail.
const SupportAddress = "support@demo-service.de"

// demoMails arrive in the inbox as incoming mail: one from a known contact's domain
// (the company is suggested), one from an unknown sender, one out-of-office reply.
var demoMails = []string{
	`From: Jonas Wagner <jonas@mueller-haustechnik.de>
Subject: Heizung im Lager =?UTF-8?Q?k=C3=BChlt?= nicht mehr ab
Message-ID: <demo-1@mueller-haustechnik.de>
Content-Type: text/plain; charset=utf-8

Hallo zusammen,

die Lüftung im Lager läuft seit gestern Abend durchgehend, der Raum wird trotzdem nicht kühler.
Können Sie diese Woche jemanden vorbeischicken?

Viele Grüße
Jonas Wagner
-- 
Müller Haustechnik GmbH · Industriestraße 12 · 70565 Stuttgart
`,
	`From: "Lena Brandt" <lena.brandt@example.org>
Subject: Angebot für Wartungsvertrag
Message-ID: <demo-2@example.org>
Content-Type: text/html; charset=utf-8

<p>Guten Tag,</p><p>wir suchen einen Dienstleister für die <b>Wartung</b> von drei Standorten. Bitte schicken Sie uns ein Angebot.</p>
<p>Mit freundlichen Grüßen<br>Lena Brandt</p>
`,
	`From: Felix Weber <felix@weber-partner.de>
Subject: Abwesenheitsnotiz: Ihr Ticket
Auto-Submitted: auto-replied
Message-ID: <demo-3@weber-partner.de>
Content-Type: text/plain; charset=utf-8

Ich bin bis zum 15. nicht im Büro und lese meine E-Mails nach meiner Rückkehr.
`,
}

// loadInbound gives the demo tenant its support address and a few incoming mails in
// the inbox, the way the mail listener would have put them there.
func loadInbound(ctx context.Context, tx db.Querier, tenantID int64, now time.Time) error {
	if err := tenant.SetSupportAddresses(ctx, tx, tenantID, []string{SupportAddress}, now); err != nil {
		return err
	}
	for i, raw := range demoMails {
		m, err := mailin.Parse([]byte(strings.ReplaceAll(raw, "\n", "\r\n")), mailin.Limits{})
		if err != nil {
			return err
		}
		at := now.Add(time.Duration(i-len(demoMails)) * time.Hour)
		if _, err := inbound.ToInbox(ctx, tx, inbound.Delivery{TenantID: tenantID, Rcpt: SupportAddress,
			Support: SupportAddress, Message: m, ReceivedAt: at}); err != nil {
			return err
		}
	}
	return nil
}
