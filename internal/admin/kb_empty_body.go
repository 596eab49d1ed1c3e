package admin

import (
	"strings"

	"pforte/internal/i18n"
	"pforte/internal/kb"
	"pforte/internal/validate"
)

// An article whose text is empty shows readers a title over nothing, so it cannot be
// published: a new article only as a draft, an existing one not set to published
// while one of its languages has no text, and the text of a published article not
// emptied. Drafts may be empty, to be written later.

// kbEmptyBody reports whether an article's Markdown text has nothing to read.
func kbEmptyBody(body string) bool { return strings.TrimSpace(body) == "" }

// kbEmptyLanguages names the languages of art whose text is empty, in their order.
func kbEmptyLanguages(art kb.Article) string {
	var names []string
	for _, t := range art.Translations {
		if kbEmptyBody(t.Body) {
			names = append(names, i18n.Names[t.Language])
		}
	}
	return strings.Join(names, ", ")
}

// kbCheckPublishEmpty adds the field error for publishing art (settings m, status as
// sent) while a language of it has no text; publishing it again unchanged is not
// refused, so its other settings stay editable.
func kbCheckPublishEmpty(e validate.Errors, m kb.Meta, art kb.Article) {
	if m.Status != kb.StatusPublished || art.Status == kb.StatusPublished {
		return
	}
	if langs := kbEmptyLanguages(art); langs != "" {
		e.Add("status", "qa2_misc.kb_publish_empty", map[string]any{"Languages": langs})
	}
}
