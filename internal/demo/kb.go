package demo

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/kb"
)

// demoArticle is a knowledge base article of the demo tenant with its texts.
type demoArticle struct {
	category   int
	slug       string
	status     string
	visibility string
	companies  []int // indexes into companies, for VisibilityCompanies
	de, en     [2]string
}

var kbCategories = []string{"Erste Schritte", "Drucker & Geräte", "Netzwerk & VPN", "Konto & Sicherheit"}

var kbArticles = []demoArticle{
	{0, "portal-erste-schritte", kb.StatusPublished, kb.VisibilityPublic, nil,
		[2]string{"Erste Schritte im Kundenportal", "Willkommen im Kundenportal der **Demo Service GmbH**.\n\n## Was Sie hier tun können\n\n- Tickets eröffnen und verfolgen\n- Antworten in der Wissensdatenbank finden\n- Dokumente und Rechnungen herunterladen\n\nIhre Zugangsdaten erhalten Sie per E-Mail, sobald wir Ihnen den Portalzugang freigeschaltet haben."},
		[2]string{"Getting started with the customer portal", "Welcome to the customer portal of **Demo Service GmbH**.\n\n## What you can do here\n\n- open and follow tickets\n- find answers in the knowledge base\n- download documents and invoices\n\nYou receive your login by email once we have granted you portal access."}},
	{3, "passwort-vergessen", kb.StatusPublished, kb.VisibilityPublic, nil,
		[2]string{"Passwort vergessen – so setzen Sie es zurück", "1. Klicken Sie auf der Anmeldeseite auf **Passwort vergessen?**\n2. Geben Sie Ihre E-Mail-Adresse ein.\n3. Öffnen Sie den Link aus der E-Mail (er ist eine Stunde gültig) und vergeben Sie ein neues Passwort.\n\n> Kommt keine E-Mail an, prüfen Sie bitte Ihren Spam-Ordner."},
		[2]string{"Forgot your password? How to reset it", "1. On the login page, click **Forgot password?**\n2. Enter your email address.\n3. Open the link from the email (valid for one hour) and choose a new password.\n\n> No email? Please check your spam folder."}},
	{3, "zwei-faktor-anmeldung", kb.StatusPublished, kb.VisibilityCustomers, nil,
		[2]string{"Zwei-Faktor-Anmeldung einrichten", "Schützen Sie Ihr Konto mit einem zweiten Faktor:\n\n1. Öffnen Sie **Konto** → **Zwei-Faktor-Anmeldung**.\n2. Scannen Sie den QR-Code mit einer Authenticator-App (z. B. Aegis, FreeOTP oder Google Authenticator).\n3. Geben Sie den sechsstelligen Code ein und bewahren Sie die **Wiederherstellungscodes** sicher auf."},
		[2]string{"Set up two-factor sign-in", "Protect your account with a second factor:\n\n1. Open **Account** → **Two-factor sign-in**.\n2. Scan the QR code with an authenticator app (e.g. Aegis, FreeOTP or Google Authenticator).\n3. Enter the six-digit code and keep the **recovery codes** in a safe place."}},
	{1, "drucker-toner-wechseln", kb.StatusPublished, kb.VisibilityPublic, nil,
		[2]string{"Toner am Multifunktionsdrucker wechseln", "Wenn das Display **Toner niedrig** meldet:\n\n1. Frontklappe öffnen.\n2. Tonerkartusche (z. B. TN-2420) mit der Trommeleinheit herausziehen.\n3. Grünen Hebel drücken, alte Kartusche entnehmen, neue einsetzen, bis sie einrastet.\n4. Einheit wieder einschieben und Klappe schließen.\n\nVerbrauchte Kartuschen nehmen wir beim nächsten Servicetermin kostenlos mit."},
		[2]string{"Replace the toner of the multifunction printer", "When the display shows **Toner low**:\n\n1. Open the front cover.\n2. Pull out the toner cartridge (e.g. TN-2420) together with the drum unit.\n3. Push the green lever, take out the old cartridge, insert the new one until it clicks.\n4. Slide the unit back in and close the cover.\n\nWe take used cartridges back free of charge at the next service visit."}},
	{1, "scannen-an-e-mail", kb.StatusPublished, kb.VisibilityCustomers, nil,
		[2]string{"Scannen an E-Mail funktioniert nicht", "Prüfen Sie zuerst, ob der Drucker eine **IP-Adresse** hat (Menü → Netzwerk → TCP/IP).\n\nHäufige Ursachen:\n\n| Meldung | Ursache | Lösung |\n|---|---|---|\n| Authentifizierung fehlgeschlagen | SMTP-Passwort geändert | Passwort im Webinterface neu eintragen |\n| Server nicht erreichbar | Port 587 gesperrt | Firewall-Regel prüfen |\n\nHilft das nicht, eröffnen Sie bitte ein Ticket mit einem Foto der Fehlermeldung."},
		[2]string{"Scan to email does not work", "First check that the printer has an **IP address** (Menu → Network → TCP/IP).\n\nCommon causes:\n\n| Message | Cause | Fix |\n|---|---|---|\n| Authentication failed | SMTP password changed | enter the password again in the web interface |\n| Server unreachable | port 587 blocked | check the firewall rule |\n\nIf that does not help, please open a ticket with a photo of the error message."}},
	{2, "vpn-einrichten", kb.StatusPublished, kb.VisibilityCustomers, nil,
		[2]string{"VPN-Zugang mit WireGuard einrichten", "Für den Zugriff aus dem Homeoffice nutzen wir **WireGuard**.\n\n1. Installieren Sie den WireGuard-Client von wireguard.com.\n2. Importieren Sie die Konfigurationsdatei, die Sie von uns erhalten haben (`pforte-vpn.conf`).\n3. Aktivieren Sie den Tunnel. Interne Adressen wie `fileserver.intern` sind nun erreichbar.\n\nDie Konfigurationsdatei ist persönlich – bitte nicht weitergeben."},
		[2]string{"Set up VPN access with WireGuard", "For access from home we use **WireGuard**.\n\n1. Install the WireGuard client from wireguard.com.\n2. Import the configuration file you received from us (`pforte-vpn.conf`).\n3. Activate the tunnel. Internal addresses such as `fileserver.intern` are now reachable.\n\nThe configuration file is personal – please do not pass it on."}},
	{2, "wlan-gaeste", kb.StatusPublished, kb.VisibilityCompanies, []int{0},
		[2]string{"Gäste-WLAN bei Müller Haustechnik", "Das Gäste-WLAN **MH-Gast** ist vom Firmennetz getrennt.\n\n- Der Zugangscode wechselt jeden Montag und hängt am Empfang aus.\n- Bandbreite: 50 Mbit/s je Gerät.\n- Geräte im Gäste-WLAN erreichen keine Drucker im Firmennetz."},
		[2]string{"Guest Wi-Fi at Müller Haustechnik", "The guest Wi-Fi **MH-Gast** is separated from the company network.\n\n- The access code changes every Monday and is posted at the reception.\n- Bandwidth: 50 Mbit/s per device.\n- Devices on the guest Wi-Fi cannot reach printers in the company network."}},
	{0, "wartungsfenster", kb.StatusDraft, kb.VisibilityCustomers, nil,
		[2]string{"Wartungsfenster im nächsten Quartal", "Entwurf: Termine werden noch abgestimmt."},
		[2]string{}},
}

// loadKB fills the demo tenant's knowledge base: categories and articles in German
// and English, public, for customers and for one chosen company, and a draft.
func loadKB(ctx context.Context, tx *db.Tx, tenantID int64, companyIDs []int64, now time.Time) error {
	var author int64
	if err := tx.QueryRow(ctx, `SELECT id FROM staff WHERE tenant_id = ? AND role = 'agent' ORDER BY id LIMIT 1`,
		tenantID).Scan(&author); err != nil {
		return fmt.Errorf("demo: knowledge base author: %w", err)
	}
	cats := make([]int64, len(kbCategories))
	for i, name := range kbCategories {
		c, err := kb.CreateCategory(ctx, tx, kb.Category{TenantID: tenantID, Name: name, Position: i + 1}, now)
		if err != nil {
			return fmt.Errorf("demo: category %s: %w", name, err)
		}
		cats[i] = c.ID
		if _, err := kb.SaveCategoryNames(ctx, tx, tenantID, c.ID, demoKBNames[name]); err != nil {
			return fmt.Errorf("demo: category %s: %w", name, err)
		}
	}
	for i, a := range kbArticles {
		// Spread the articles over the last weeks so "latest" has an order.
		at := now.Add(-time.Duration(len(kbArticles)-i) * 36 * time.Hour)
		id, err := kb.Create(ctx, tx, tenantID, author, kb.Meta{CategoryID: cats[a.category], Slug: a.slug,
			Status: a.status, Visibility: a.visibility}, kb.Translation{Language: "de", Title: a.de[0], Body: a.de[1]}, at)
		if err != nil {
			return fmt.Errorf("demo: article %s: %w", a.slug, err)
		}
		if a.en[0] != "" {
			if err := kb.SaveTranslation(ctx, tx, tenantID, id, kb.Translation{Language: "en", Title: a.en[0], Body: a.en[1]}, at); err != nil {
				return fmt.Errorf("demo: article %s: %w", a.slug, err)
			}
		}
		for _, ci := range a.companies {
			if err := kb.AddCompany(ctx, tx, tenantID, id, companyIDs[ci]); err != nil {
				return fmt.Errorf("demo: article %s: %w", a.slug, err)
			}
		}
		// A few reads, so "most read" is not just the newest.
		if _, err := tx.Exec(ctx, `UPDATE kb_articles SET views = ? WHERE id = ?`, (i*37)%11*3, id); err != nil {
			return fmt.Errorf("demo: article %s: %w", a.slug, err)
		}
	}
	return nil
}
