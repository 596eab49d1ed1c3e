package kb

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"pforte/internal/words"
)

// minPart is the fewest letters a word must have before a term for the term to count
// as a part of it: a compound's first part is a word of its own ("netz" in
// "Netzwerkdrucker", "einmal" in "Einmalpasswort"), while two letters are only a
// syllable, and "two" standing in "an|two|rten" or "ne|two|rk" is no answer to a
// search for "two".
const minPart = 3

// insideAll reports whether every term stands in text (words separated by single
// spaces, as words.Text stores them) at the beginning of a word or after a first part
// of at least minPart letters. Terms of some scripts count wherever they stand
// (anywhere): their words are inside long runs of letters or behind short prefixes.
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
		if partBefore(text[:i]) {
			return true
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		from = i + n
	}
}

// partBefore reports whether the word that head ends in (the letters of a word before
// a term) is empty or long enough to be a part of a compound.
func partBefore(head string) bool {
	word := head[strings.LastIndexByte(head, ' ')+1:]
	return word == "" || utf8.RuneCountInString(word) >= minPart
}

// partAt reports whether term t, found in lower (a text's runes, lower case) at i,
// counts as insidePart has it: at a word's beginning, after minPart letters of it, or
// anywhere for the scripts anywhere names.
func partAt(lower []rune, i int, t string) bool {
	if anywhere(t) {
		return true
	}
	n := 0
	for j := i - 1; j >= 0 && words.IsWordRune(lower[j]); j-- {
		n++
	}
	return n == 0 || n >= minPart
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
