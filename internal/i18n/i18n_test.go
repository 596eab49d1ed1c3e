package i18n

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestComplete fails when a language of Languages lacks a message of German, has one
// German does not have, has plain text where German has plural forms (or the other way
// round), lacks a plural form its language needs, or changes a placeholder. Languages
// of Pending are checked the same way as soon as their files are in locales/, so they
// can be fixed before they are switched on.
func TestComplete(t *testing.T) {
	ref, err := Messages(files, "locales", Languages[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(ref) < 50 {
		t.Fatalf("only %d messages in %s", len(ref), Languages[0])
	}
	if probs := checkMessages(Languages[0], ref, ref); len(probs) > 0 {
		t.Errorf("German itself: %s", strings.Join(probs, "\n"))
	}
	check := Languages[1:]
	for _, l := range Pending {
		if len(fileNames(l)) > 0 {
			check = append(check, l)
		}
	}
	for _, l := range check {
		got, err := Messages(files, "locales", l)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range checkMessages(l, ref, got) {
			t.Error(p)
		}
	}
}

// TestTranslationFolder checks translators' files before they are copied in:
// PFORTE_TRANSLATIONS names a folder with one subfolder per language
// (<dir>/fr/common.fr.toml …). Without it the embedded files are checked as a folder,
// which must pass too.
func TestTranslationFolder(t *testing.T) {
	dir := os.Getenv("PFORTE_TRANSLATIONS")
	if dir == "" {
		dir = "locales"
	}
	ref, err := Messages(files, "locales", Languages[0])
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, l := range append(slices.Clone(Languages[1:]), Pending...) {
		root := filepath.Join(dir, l)
		if _, err := os.Stat(root); err != nil {
			root = dir // the flat layout of locales/
		}
		got, err := Messages(os.DirFS(root), ".", l)
		if err != nil {
			t.Errorf("%s: %v", l, err)
			continue
		}
		if len(got) == 0 {
			continue
		}
		checked++
		for _, p := range checkMessages(l, ref, got) {
			t.Error(p)
		}
	}
	t.Logf("%s: %d languages checked", dir, checked)
}

// TestChecker shows that the check catches what translators get wrong with plural
// messages and placeholders (Pforte has no plural message yet, so the real files
// cannot show it).
func TestChecker(t *testing.T) {
	ref := map[string]any{
		"files":  map[string]any{"one": "{{.Count}} Datei von {{.Name}}", "other": "{{.Count}} Dateien von {{.Name}}"},
		"hello":  "Hallo {{.Name}}",
		"simple": "Einfach",
	}
	for _, c := range []struct {
		lang string
		got  map[string]any
		want []string // parts of the expected problems; none means it must pass
	}{
		{"fr", map[string]any{
			"files":  map[string]any{"one": "un fichier de {{.Name}}", "many": "{{.Count}} de fichiers de {{.Name}}", "other": "{{.Count}} fichiers de {{.Name}}"},
			"hello":  "Bonjour {{.Name}}",
			"simple": "Simple",
		}, nil},
		{"fr", map[string]any{
			"files":  map[string]any{"one": "{{.Count}} fichier de {{.Name}}", "other": "{{.Count}} fichiers de {{.Name}}"},
			"hello":  "Bonjour {{.Nom}}",
			"simple": map[string]any{"other": "Simple"},
			"extra":  "x",
		}, []string{`"files" has the plural forms [one other], want [one many other]`, `"hello" has placeholders [Nom], want [Name]`,
			`"simple" must be plain text`, `"extra" is not a message`}},
		{"he", map[string]any{
			"files":  map[string]any{"one": "קובץ אחד של {{.Name}}", "two": "שני קבצים של {{.Name}}", "other": "{{.Count}} קבצים"},
			"hello":  "",
			"simple": "פשוט",
		}, []string{`"files" form "other" lacks the placeholder Name`, `"hello" is empty`}},
		{"th", map[string]any{
			"files": map[string]any{"one": "x", "other": "{{.Count}} ไฟล์ของ {{.Name}} {{.Size}}"},
			"hello": "สวัสดี {{.Name}}",
		}, []string{`"files" has the plural forms [one other], want [other]`, `unknown placeholder Size`, `missing "simple"`}},
	} {
		probs := strings.Join(checkMessages(c.lang, ref, c.got), "\n")
		if len(c.want) == 0 && probs != "" {
			t.Errorf("%s: unexpected problems:\n%s", c.lang, probs)
		}
		for _, w := range c.want {
			if !strings.Contains(probs, w) {
				t.Errorf("%s: problems lack %q:\n%s", c.lang, w, probs)
			}
		}
	}
}

// TestPluralForms pins the forms each language needs; TRANSLATING.md lists the same.
func TestPluralForms(t *testing.T) {
	want := map[string]string{
		"de": "one other", "en": "one other", "da": "one other", "nl": "one other",
		"fr": "one many other", "es": "one many other", "pt": "one many other",
		"he": "one two other", "th": "other",
	}
	for _, l := range append(slices.Clone(Languages), Pending...) {
		if got := strings.Join(PluralForms(l), " "); got != want[l] {
			t.Errorf("PluralForms(%s) = %q, want %q", l, got, want[l])
		}
	}
}

// TestLanguageList: every language has its own name and date conventions, none is both
// supported and pending, and German (the fallback) comes first.
func TestLanguageList(t *testing.T) {
	all := append(slices.Clone(Languages), Pending...)
	if len(all) != 9 || Languages[0] != "de" {
		t.Errorf("languages %v, want nine with de first", all)
	}
	for i, l := range all {
		if slices.Contains(all[i+1:], l) {
			t.Errorf("%s is listed twice", l)
		}
		if Names[l] == "" {
			t.Errorf("%s has no name", l)
		}
		if _, ok := conventions[l]; !ok {
			t.Errorf("%s has no date and money conventions", l)
		}
	}
	if Dir("he") != "rtl" || Dir("de") != "ltr" || Dir("th") != "ltr" {
		t.Error("Dir: Hebrew must be rtl, German and Thai ltr")
	}
}

func TestNegotiate(t *testing.T) {
	or := func(lang, fallback string) string { // the answer once lang is switched on
		if Supported(lang) {
			return lang
		}
		return fallback
	}
	for in, want := range map[string]string{
		"en-GB,en;q=0.9":      "en",
		"fr-FR, de;q=0.5":     or("fr", "de"),
		"de;q=0.5, fr-FR":     or("fr", "de"),
		"pt-BR,pt;q=0.9":      or("pt", ""),
		"iw":                  or("he", ""), // the old code of Hebrew
		"he-IL, en;q=0.1":     or("he", "en"),
		"th-TH-u-ca-buddhist": or("th", ""),
		"*":                   "",
		"xx":                  "",
		"":                    "",
	} {
		if got := Negotiate(in); got != want {
			t.Errorf("Negotiate(%q) = %q, want %q", in, got, want)
		}
	}
}
