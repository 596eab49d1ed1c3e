package portal

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// langNameIn is the name of language code in the reader's language, as a sentence
// needs it ("en anglais", "in het Engels", "באנגלית"): the endonyms of the language
// switch ("English") read wrongly inside a French or Hebrew sentence, and the Hebrew
// prefix ב glued to a Latin word. Each message adds what its grammar needs around the
// name (Thai "ภาษา…"). An unknown code keeps the code itself.
func langNameIn(reader, code string) string {
	tag, err := language.Parse(code)
	if err != nil {
		return code
	}
	base, err := language.Parse(reader)
	if err != nil {
		base = language.English
	}
	if name := display.Tags(base).Name(tag); name != "" {
		return name
	}
	return code
}
