package scale

import (
	"math/rand/v2"
	"strings"
)

// topic is what a ticket is about, with the problems people report in German and
// English. The category names the tenant category the topic files under.
type topic struct {
	category     string
	de, en       string // subject
	deBad, enBad []string
	hardware     bool // has an asset (model and serial number)
}

var topics = []topic{
	{"Drucker", "Drucker", "Printer", []string{"druckt nicht", "meldet Papierstau", "druckt nur leere Seiten", "ist offline", "zeigt Toner leer an", "scannt nicht mehr in den Ordner"},
		[]string{"does not print", "reports a paper jam", "prints blank pages", "is offline", "says toner empty", "no longer scans to folder"}, true},
	{"Netzwerk & VPN", "VPN", "VPN", []string{"bricht ständig ab", "verbindet sich nicht aus dem Homeoffice", "Zertifikat abgelaufen", "sehr langsam"},
		[]string{"keeps disconnecting", "does not connect from home", "certificate expired", "very slow"}, false},
	{"Hardware", "Laptop", "Laptop", []string{"startet nicht mehr", "ist sehr langsam", "Akku lädt nicht", "Display flackert", "Tastatur defekt", "überhitzt"},
		[]string{"does not boot", "is very slow", "battery not charging", "screen flickers", "keyboard broken", "overheats"}, true},
	{"Abrechnung", "Rechnung", "Invoice", []string{"doppelt erhalten", "Betrag stimmt nicht", "Rechnungsadresse ändern", "Gutschrift fehlt", "nicht erhalten"},
		[]string{"received twice", "amount is wrong", "change billing address", "credit note missing", "not received"}, false},
	{"E-Mail", "E-Mail", "E-mail", []string{"kommt nicht an", "Postfach voll", "Outlook fragt ständig nach dem Passwort", "Spamfilter blockiert Kundenmails", "Signatur fehlt"},
		[]string{"does not arrive", "mailbox full", "Outlook keeps asking for the password", "spam filter blocks customer mail", "signature missing"}, false},
	{"Netzwerk & VPN", "WLAN", "Wi-Fi", []string{"im Besprechungsraum weg", "Gäste-WLAN funktioniert nicht", "ständige Abbrüche"},
		[]string{"gone in the meeting room", "guest Wi-Fi not working", "keeps dropping"}, false},
	{"Hardware", "Telefonanlage", "Phone system", []string{"keine Amtsleitung", "Rufumleitung geht nicht", "Headset ohne Ton"},
		[]string{"no outside line", "call forwarding broken", "headset has no sound"}, true},
	{"Hardware", "Server", "Server", []string{"Festplatte meldet Fehler", "nicht erreichbar", "Speicherplatz knapp", "Update fehlgeschlagen"},
		[]string{"disk reports errors", "unreachable", "running out of space", "update failed"}, true},
	{"Software", "Datensicherung", "Backup", []string{"letzte Nacht fehlgeschlagen", "Wiederherstellung einer Datei", "läuft zu lange"},
		[]string{"failed last night", "restore a file", "takes too long"}, false},
	{"Zugang & Konten", "Passwort", "Password", []string{"zurücksetzen", "Konto gesperrt", "läuft ständig ab"},
		[]string{"reset needed", "account locked", "keeps expiring"}, false},
	{"Zugang & Konten", "Zugang", "Access", []string{"für neuen Mitarbeiter einrichten", "für ausgeschiedene Kollegin sperren", "zum Laufwerk fehlt"},
		[]string{"for a new employee", "remove for a former colleague", "to the shared drive missing"}, false},
	{"Software", "Buchhaltungssoftware", "Accounting software", []string{"stürzt beim Start ab", "Lizenz abgelaufen", "Update einspielen", "Export nach DATEV schlägt fehl"},
		[]string{"crashes on start", "licence expired", "please install update", "export fails"}, false},
	{"Hardware", "Monitor", "Monitor", []string{"bleibt schwarz", "zweiter Bildschirm wird nicht erkannt", "Farben falsch"},
		[]string{"stays black", "second screen not detected", "wrong colours"}, true},
	{"Wartung", "Heizung", "Heating", []string{"Wartung fällig", "wird nicht warm", "zeigt Störung F28", "macht laute Geräusche"},
		[]string{"service due", "not heating", "shows fault F28", "makes loud noises"}, true},
	{"Wartung", "Klimaanlage", "Air conditioning", []string{"kühlt nicht", "tropft", "Filterwechsel"},
		[]string{"not cooling", "dripping", "filter change"}, true},
}

// Categories is the set the generator gives a tenant that has none yet.
var Categories = []string{"Hardware", "Software", "Netzwerk & VPN", "Drucker", "E-Mail", "Abrechnung", "Zugang & Konten", "Wartung"}

var (
	placesDE = []string{"im Empfang", "im 2. OG", "in der Buchhaltung", "im Lager", "in der Filiale", "im Homeoffice", "im Besprechungsraum", "in der Werkstatt"}
	placesEN = []string{"at reception", "on the 2nd floor", "in accounting", "in the warehouse", "at the branch", "at home office", "in the meeting room", "in the workshop"}
	models   = []string{"HP LaserJet Pro M404dn", "Brother MFC-L8900", "Kyocera ECOSYS M2540", "Lenovo ThinkPad T14", "Dell Latitude 5440",
		"HP EliteBook 840", "Fujitsu Primergy RX2540", "Dell PowerEdge R650", "Viessmann Vitodens 200", "Buderus GB192", "Auerswald COMpact 5500",
		"Samsung ViewFinity S6", "Daikin FTXM35"}
	sitesDE = []string{"Hauptsitz", "Filiale Nord", "Filiale Süd", "Lager", "Werk 2", "Büro Innenstadt"}
	sitesEN = []string{"Head office", "North branch", "South branch", "Warehouse", "Plant 2", "City office"}
)

// de and en hold the sentences of the conversation.
var de = lang{
	hello: []string{"Hallo zusammen,", "Guten Tag,", "Hallo Support-Team,", "Sehr geehrte Damen und Herren,", "Moin,"},
	since: []string{"seit heute Morgen", "seit gestern", "seit dem letzten Update", "seit Montag", "seit ein paar Tagen", "immer wieder"},
	details: []string{"Ein Neustart hat nicht geholfen.", "Betroffen sind mehrere Arbeitsplätze.", "Die Kollegen können so nicht arbeiten.",
		"Die Fehlermeldung lautet: \"Zugriff verweigert\".", "Ich habe schon die Kabel geprüft.", "Das Problem tritt nur morgens auf.",
		"Bitte um schnelle Rückmeldung, wir haben Monatsabschluss.", "Ein Foto der Anzeige kann ich nachreichen.", "Es ist nur ein Gerät betroffen."},
	bye: []string{"Viele Grüße", "Danke und viele Grüße", "Beste Grüße", "Vielen Dank!"},
	staff: []string{"Vielen Dank für Ihre Meldung. Wir kümmern uns darum und melden uns heute noch.",
		"Wir haben die Einstellungen angepasst. Können Sie bitte prüfen, ob es jetzt funktioniert?",
		"Ein Techniker ist für morgen Vormittag eingeplant.", "Wir haben das Gerät per Fernwartung neu eingerichtet.",
		"Das Ersatzteil ist bestellt und kommt voraussichtlich Ende der Woche.",
		"Können Sie uns bitte die genaue Fehlermeldung und die Seriennummer schicken?",
		"Das Problem ist behoben. Bitte melden Sie sich, falls es wieder auftritt."},
	contact: []string{"Danke, funktioniert wieder!", "Leider besteht das Problem weiterhin.", "Anbei die gewünschten Informationen.",
		"Der Termin passt uns gut.", "Können Sie bitte auch den zweiten Arbeitsplatz prüfen?", "Alles klar, danke für die schnelle Hilfe."},
	notes: []string{"Ersatzteil bestellt, Lieferung voraussichtlich Freitag.", "Kunde hat Wartungsvertrag – nicht abrechnen.",
		"Rückruf vereinbart.", "Bekanntes Problem nach dem letzten Update, siehe Herstellerhinweis.", "Bitte bei der nächsten Vor-Ort-Wartung mitprüfen."},
	decline: []string{"Das fällt nicht unter den Wartungsvertrag.", "Doppelte Meldung, wir bearbeiten das im anderen Ticket.", "Bitte wenden Sie sich an den Hersteller."},
}

var en = lang{
	hello: []string{"Hi,", "Hello support team,", "Good morning,", "Dear support,"},
	since: []string{"since this morning", "since yesterday", "since the last update", "since Monday", "for a few days", "every now and then"},
	details: []string{"A restart did not help.", "Several workstations are affected.", "The team cannot work like this.",
		"The error message says \"Access denied\".", "I already checked the cables.", "It only happens in the morning.",
		"Please get back to us quickly, we are closing the month.", "I can send a photo of the display.", "Only one device is affected."},
	bye: []string{"Best regards", "Thanks and regards", "Kind regards", "Many thanks!"},
	staff: []string{"Thank you for reporting this. We are looking into it and will get back to you today.",
		"We have changed the settings. Could you please check whether it works now?", "A technician is scheduled for tomorrow morning.",
		"We have set the device up again remotely.", "The spare part is ordered and should arrive at the end of the week.",
		"Could you please send us the exact error message and the serial number?", "The problem is fixed. Please let us know if it comes back."},
	contact: []string{"Thanks, it works again!", "Unfortunately the problem is still there.", "Attached is the information you asked for.",
		"The appointment suits us.", "Could you also check the second workstation?", "Great, thanks for the quick help."},
	notes: []string{"Spare part ordered, expected Friday.", "Customer has a service contract – do not bill.", "Call back arranged.",
		"Known issue after the last update, see vendor note.", "Check again at the next on-site visit."},
	decline: []string{"This is not covered by the service contract.", "Duplicate, handled in the other ticket.", "Please contact the manufacturer."},
}

type lang struct {
	hello, since, details, bye, staff, contact, notes, decline []string
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// title writes a ticket title such as "Drucker im 2. OG druckt nicht".
func title(r *rand.Rand, tp topic, english bool) string {
	subject, bad, places := tp.de, pick(r, tp.deBad), placesDE
	if english {
		subject, bad, places = tp.en, pick(r, tp.enBad), placesEN
	}
	switch r.IntN(6) {
	case 0, 1:
		return subject + " " + pick(r, places) + " " + bad
	case 2:
		if english {
			return "Urgent: " + strings.ToLower(subject) + " " + bad
		}
		return subject + " " + bad + " – dringend"
	}
	return subject + " " + bad
}

// description writes the first message: greeting, what happens since when, a few
// details and a signature.
func description(r *rand.Rand, tp topic, english bool, first string) string {
	l, subject, bad := de, tp.de, pick(r, tp.deBad)
	if english {
		l, subject, bad = en, tp.en, pick(r, tp.enBad)
	}
	var b strings.Builder
	b.WriteString(pick(r, l.hello))
	b.WriteString("\n\n")
	if english {
		b.WriteString("our " + strings.ToLower(subject) + " " + bad + " " + pick(r, l.since) + ".")
	} else {
		b.WriteString("unser " + subject + " " + bad + ", und zwar " + pick(r, l.since) + ".")
	}
	for range 1 + r.IntN(3) {
		b.WriteString(" ")
		b.WriteString(pick(r, l.details))
	}
	b.WriteString("\n\n")
	b.WriteString(pick(r, l.bye))
	b.WriteString("\n")
	b.WriteString(first)
	return b.String()
}

func langOf(english bool) lang {
	if english {
		return en
	}
	return de
}
