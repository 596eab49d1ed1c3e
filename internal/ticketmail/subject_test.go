package ticketmail

import "testing"

func TestTitleDropsReplyPrefixesAndTicketTags(t *testing.T) {
	for in, want := range map[string]string{
		"Re: [#6] Pumpe":                    "Pumpe",
		"RE: Pumpe":                         "Pumpe",
		"AW: WG: Re: Pumpe defekt":          "Pumpe defekt",
		"Aw: [#6] Neue Antwort: Pumpe":      "Neue Antwort: Pumpe",
		"Fwd: FW: SV: Antw: TR: RV: Enc: x": "x",
		"Re[2]: AW(3): Drucker":             "Drucker",
		"re : Drucker":                      "Drucker",
		"[#12] Re: [#6] Heizung":            "Heizung",
		"Re: [#6]":                          "–",
		"Reparatur: Pumpe":                  "Reparatur: Pumpe",
		"Antwort auf Frage":                 "Antwort auf Frage",
		"Treppe: Geländer":                  "Treppe: Geländer",
		"  Drucker [#3] kaputt ":            "Drucker [#3] kaputt",
		"Bestellung [#4711]":                "Bestellung [#4711]",
		"AW: Bestellung [#4711]":            "Bestellung [#4711]",
		"VS: SV: Pumpe":                     "Pumpe",
		"Doorst: Antw: Pompe":               "Pompe",
		"RES: ENC: Bomba":                   "Bomba",
		"Resultat: Pumpe":                   "Resultat: Pumpe",
		"":                                  "–",
	} {
		if got := title(in); got != want {
			t.Errorf("title(%q) = %q, want %q", in, got, want)
		}
	}
}
