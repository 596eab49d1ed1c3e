package demo

// demoCategoryNames are the demo categories' names in the portal's other languages
// (Settings → Helpdesk → Translations), so a contact reading the demo in English sees
// "Network" where a German one sees "Netzwerk". A language left out shows the main name.
var demoCategoryNames = map[string]map[string]string{
	"Hardware": {"fr": "Matériel", "th": "ฮาร์ดแวร์", "he": "חומרה"},
	"Software": {"fr": "Logiciel", "th": "ซอฟต์แวร์", "he": "תוכנה"},
	"Netzwerk": {"en": "Network", "fr": "Réseau", "da": "Netværk", "nl": "Netwerk", "he": "רשת", "pt": "Rede",
		"es": "Red", "th": "เครือข่าย"},
	"Rechnung": {"en": "Billing", "fr": "Facturation", "da": "Fakturering", "nl": "Facturatie", "he": "חיובים",
		"pt": "Faturação", "es": "Facturación", "th": "การเรียกเก็บเงิน"},
}
