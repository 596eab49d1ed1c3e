package i18n

import (
	"regexp"
	"sort"
	"testing"
)

// frenchSpace finds a plain space where French typography wants a no-break one: before
// : ; ! ? » and % ("93 %"), and after «. Plain, the browser may break the line there
// and leave the sign alone at the start of the next.
var frenchSpace = regexp.MustCompile(` [:;!?»%]|« `)

// straightApostrophe finds a typewriter apostrophe between letters (n'est): French
// texts write the typographic one (n’est), as all the others do.
var straightApostrophe = regexp.MustCompile(`\pL'\pL`)

// TestFrenchNoBreakSpaces: no French text has a plain space before : ; ! ? » % or after
// «, nor a straight apostrophe between letters.
func TestFrenchNoBreakSpaces(t *testing.T) {
	msgs, err := Messages(files, "locales", "fr")
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	for id, v := range msgs {
		texts := plural(v)
		if texts == nil {
			s, _ := v.(string)
			texts = map[string]string{"": s}
		}
		for form, s := range texts {
			if m := frenchSpace.FindString(s); m != "" {
				bad = append(bad, id+" "+form+": "+m)
			}
			if m := straightApostrophe.FindString(s); m != "" {
				bad = append(bad, id+" "+form+": "+m)
			}
		}
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Error(b)
	}
}
