// Package i18n translates the portal's pages and mails and formats dates, numbers and
// money per language. Messages live in embedded TOML files, one per area and language
// (locales/<area>.<lang>.toml), and every language has every key (a test enforces it).
// TRANSLATING.md describes the files for translators.
package i18n

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"sync"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed locales/*.toml
var files embed.FS

// Languages are the supported languages, the first being the fallback. Only these are
// loaded, offered in the pickers, negotiated from Accept-Language and checked for
// completeness by the tests.
var Languages = []string{"de", "en", "fr", "da", "nl", "he", "pt", "es", "th"}

// Pending are the languages whose translations are still being written. To switch one
// on, add its locales/<area>.<lang>.toml files and move it from Pending to Languages;
// the tests then demand that it has every key of German, in the plural forms its
// language needs.
var Pending []string

// Names are the languages' own names, in their own script, for the language pickers.
var Names = map[string]string{
	"de": "Deutsch", "en": "English", "fr": "Français", "da": "Dansk", "nl": "Nederlands",
	"he": "עברית", "pt": "Português", "es": "Español", "th": "ไทย",
}

// rtl are the languages written right to left (of those Pforte has or may get).
var rtl = map[string]bool{"he": true, "ar": true, "fa": true, "ur": true, "yi": true}

// Dir is the writing direction of lang for the dir attribute: "rtl" or "ltr".
func Dir(lang string) string {
	if rtl[lang] {
		return "rtl"
	}
	return "ltr"
}

var bundle = load()

func load() *goi18n.Bundle {
	b := goi18n.NewBundle(language.German)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, l := range Languages {
		for _, name := range fileNames(l) {
			if _, err := b.LoadMessageFileFS(files, name); err != nil {
				panic(fmt.Sprintf("i18n: %s: %v", name, err))
			}
		}
	}
	return b
}

// Localizer translates into one language.
type Localizer struct {
	Lang  string
	l     *goi18n.Localizer
	plain sync.Map // id → text of messages without data: a list page asks for the same labels on every row
}

var localizers = func() map[string]*Localizer {
	m := map[string]*Localizer{}
	for _, l := range Languages {
		m[l] = &Localizer{Lang: l, l: goi18n.NewLocalizer(bundle, l)}
	}
	return m
}()

// For returns the localizer for lang, or for the fallback language when lang is not
// supported.
func For(lang string) *Localizer {
	if l, ok := localizers[lang]; ok {
		return l
	}
	return localizers[Languages[0]]
}

// T translates id with optional template data. A missing key shows the key itself,
// which the completeness test keeps from ever reaching a user.
func (l *Localizer) T(id string, data ...map[string]any) string {
	if len(data) == 0 || data[0] == nil {
		if s, ok := l.plain.Load(id); ok {
			return s.(string)
		}
	}
	cfg := &goi18n.LocalizeConfig{MessageID: id}
	if len(data) > 0 && data[0] != nil {
		cfg.TemplateData = l.withNumbers(data[0])
	}
	s, err := l.l.Localize(cfg)
	if err != nil {
		return id
	}
	if cfg.TemplateData == nil {
		l.plain.Store(id, s)
	}
	return s
}

// N translates id with a plural count; Count is also available to the template.
func (l *Localizer) N(id string, count int, data map[string]any) string {
	if data == nil {
		data = map[string]any{}
	}
	data["Count"] = count
	s, err := l.l.Localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: l.withNumbers(data), PluralCount: count})
	if err != nil {
		return id
	}
	return s
}

// Supported reports whether lang is one of Languages.
func Supported(lang string) bool { _, ok := localizers[lang]; return ok }

// Negotiate picks the best supported language from an Accept-Language header, or "".
// The header's order (by q) decides; a regional variant counts for its language
// (pt-BR is pt, he-IL is he) and old codes count for the new ones (iw is he).
func Negotiate(accept string) string {
	tags, _, err := language.ParseAcceptLanguage(accept)
	if err != nil {
		return ""
	}
	for _, t := range tags {
		base, conf := t.Base()
		if conf == language.No { // "*" and the like
			continue
		}
		if Supported(base.String()) {
			return base.String()
		}
	}
	return ""
}

// fileNames lists a language's message files: one per area, named <area>.<lang>.toml.
func fileNames(lang string) []string {
	names, _ := fs.Glob(files, "locales/*."+lang+".toml")
	return names
}

// Keys lists the message ids of one language, sorted (for the completeness test).
func Keys(lang string) ([]string, error) {
	m, err := Messages(files, "locales", lang)
	if err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, nil
}

// Messages reads all <area>.<lang>.toml files in dir of fsys into one map: a message id
// maps to its text (a string) or, for a plural message, to its forms (a map from
// "one", "other" … to text). Tests use it on the embedded files and on translators'
// folders.
func Messages(fsys fs.FS, dir, lang string) (map[string]any, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*."+lang+".toml"))
	if err != nil {
		return nil, err
	}
	m := map[string]any{}
	for _, name := range names {
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		file := map[string]any{}
		if err := toml.Unmarshal(raw, &file); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for k, v := range file {
			if _, dup := m[k]; dup {
				return nil, fmt.Errorf("%s: %q is also in another file", name, k)
			}
			m[k] = v
		}
	}
	return m, nil
}

type ctxKey struct{}

// With stores the request's localizer in ctx, where templates find it.
func With(ctx context.Context, l *Localizer) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// From returns the request's localizer, or the fallback one.
func From(ctx context.Context) *Localizer {
	if l, ok := ctx.Value(ctxKey{}).(*Localizer); ok {
		return l
	}
	return For("")
}

// T translates id in the language of the request in ctx.
func T(ctx context.Context, id string, data ...map[string]any) string {
	return From(ctx).T(id, data...)
}
