package demo

// demoKBNames are the demo's knowledge-base categories in the portal's other languages
// (the category's "Translations"), so a contact reading the demo in English sees
// "Getting started" beside English article titles where a German one sees "Erste
// Schritte". German is the main name and has no entry: a stored German name would
// hide a later rename of the main name from German readers.
var demoKBNames = map[string]map[string]string{
	"Erste Schritte": {"en": "Getting started", "fr": "Premiers pas", "da": "Kom godt i gang", "nl": "Aan de slag",
		"he": "צעדים ראשונים", "pt": "Primeiros passos", "es": "Primeros pasos", "th": "เริ่มต้นใช้งาน"},
	"Drucker & Geräte": {"en": "Printers & devices", "fr": "Imprimantes et appareils", "da": "Printere og enheder",
		"nl": "Printers en apparaten", "he": "מדפסות והתקנים", "pt": "Impressoras e dispositivos",
		"es": "Impresoras y dispositivos", "th": "เครื่องพิมพ์และอุปกรณ์"},
	"Netzwerk & VPN": {"en": "Network & VPN", "fr": "Réseau et VPN", "da": "Netværk og VPN", "nl": "Netwerk en VPN",
		"he": "רשת ו-VPN", "pt": "Rede e VPN", "es": "Red y VPN", "th": "เครือข่ายและ VPN"},
	"Konto & Sicherheit": {"en": "Account & security", "fr": "Compte et sécurité", "da": "Konto og sikkerhed",
		"nl": "Account en beveiliging", "he": "חשבון ואבטחה", "pt": "Conta e segurança", "es": "Cuenta y seguridad",
		"th": "บัญชีและความปลอดภัย"},
}

// demoFolderNames are the demo's download folders in the portal's other languages, as
// demoKBNames.
var demoFolderNames = map[string]map[string]string{
	"Handbücher & Anleitungen": {"en": "Manuals & guides", "fr": "Manuels et guides", "da": "Manualer og vejledninger",
		"nl": "Handleidingen en instructies", "he": "מדריכים והוראות", "pt": "Manuais e guias", "es": "Manuales y guías",
		"th": "คู่มือและคำแนะนำ"},
	"Drucker": {"en": "Printers", "fr": "Imprimantes", "da": "Printere", "nl": "Printers", "he": "מדפסות",
		"pt": "Impressoras", "es": "Impresoras", "th": "เครื่องพิมพ์"},
	"Preislisten": {"en": "Price lists", "fr": "Listes de prix", "da": "Prislister", "nl": "Prijslijsten",
		"he": "מחירונים", "pt": "Tabelas de preços", "es": "Listas de precios", "th": "รายการราคา"},
	"Software & Treiber": {"en": "Software & drivers", "fr": "Logiciels et pilotes", "da": "Software og drivere",
		"nl": "Software en stuurprogramma’s", "he": "תוכנה ומנהלי התקנים", "pt": "Software e controladores",
		"es": "Software y controladores", "th": "ซอฟต์แวร์และไดรเวอร์"},
	"Verträge": {"en": "Contracts", "fr": "Contrats", "da": "Kontrakter", "nl": "Contracten", "he": "חוזים",
		"pt": "Contratos", "es": "Contratos", "th": "สัญญา"},
}
