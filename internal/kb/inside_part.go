package kb

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"pforte/internal/words"
)

// minPart is the fewest letters a word must have before a term for the term to count
// as a part of it: a compound's first part is a word of its own ("netz" in
// "Netzwerkdrucker", "einmal" in "Einmalpasswort"), while two letters are mostly a
// syllable, and "two" standing in "an|two|rten" or "ne|two|rk" is no answer to a
// search for "two".
const minPart = 3

// shortPrefixes are the parts of fewer than minPart letters that do start words made
// of a word ("an|meldung", "ab|rechnung", "zu|gang", "um|stellung", "e|mail"). After one
// of them the term counts only when it ends the word, give or take an ending of up to
// maxEnding letters ("ab|rechnung|en"): "an|two|rten" is still no "two".
var shortPrefixes = map[string]bool{"ab": true, "an": true, "um": true, "zu": true, "e": true}

// maxEnding is the longest ending a word may have after a term behind a short prefix
// ("s", "en", "ern").
const maxEnding = 3

// insideAll reports whether every term stands in text (words separated by single
// spaces, as words.Text stores them) as a part of a word (isPart). Terms of some
// scripts count wherever they stand (anywhere): their words are inside long runs of
// letters or behind short prefixes.
func insideAll(text string, ts []string) bool {
	for _, t := range ts {
		if !insidePart(text, t) {
			return false
		}
	}
	return true
}

// insidePart reports whether term t stands in text as insideAll requires.
func insidePart(text, t string) bool {
	if anywhere(t) {
		return strings.Contains(text, t)
	}
	for from := 0; ; {
		i := strings.Index(text[from:], t)
		if i < 0 {
			return false
		}
		i += from
		head, tail := text[:i], text[i+len(t):]
		if end := strings.IndexByte(tail, ' '); end >= 0 {
			tail = tail[:end]
		}
		if isPart(head[strings.LastIndexByte(head, ' ')+1:], tail) {
			return true
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		from = i + n
	}
}

// isPart reports whether a term with the letters before of its word in front of it
// and the letters after behind it is a part of that word: at its beginning, after a
// first part of minPart letters or more, or after a short prefix when it ends the
// word but for an ending.
func isPart(before, after string) bool {
	n := utf8.RuneCountInString(before)
	switch {
	case n == 0 || n >= minPart:
		return true
	case shortPrefixes[before]:
		return utf8.RuneCountInString(after) <= maxEnding
	}
	return false
}

// partAt reports whether term t, found in lower (a text's runes, lower case) at i,
// counts as insidePart has it (isPart), or anywhere for the scripts anywhere names.
func partAt(lower []rune, i int, t string) bool {
	if anywhere(t) {
		return true
	}
	from := i
	for from > 0 && words.IsWordRune(lower[from-1]) {
		from--
	}
	end := i + utf8.RuneCountInString(t)
	to := end
	for to < len(lower) && words.IsWordRune(lower[to]) {
		to++
	}
	return isPart(string(lower[from:i]), string(lower[end:to]))
}

// anywhere reports whether term t is in a script whose words count wherever they stand
// inside others: Thai and its neighbours write words without spaces between them, and
// Hebrew and Arabic join one-letter words to the next ("ל" + "משאבה", for the pump).
func anywhere(t string) bool {
	if insideMin(t) < minInside {
		return true
	}
	for _, r := range t {
		if unicode.In(r, unicode.Hebrew, unicode.Arabic) {
			return true
		}
	}
	return false
}

// partIndex is the position of the first occurrence of sub in lower that counts
// (partAt), -1 when there is none.
func partIndex(lower, sub []rune) int {
	for i := indexRunes(lower, sub, 0); i >= 0; i = indexRunes(lower, sub, i+1) {
		if partAt(lower, i, string(sub)) {
			return i
		}
	}
	return -1
}
