package web

import (
	"bytes"
	"context"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/a-h/templ"

	"pforte/internal/i18n"
)

// TestFrameKeyCoversChrome fails when a field is added to Chrome (or to its nav items
// and choices) without joining frameKey: a kept frame would then ignore it and show one
// person's header to another.
func TestFrameKeyCoversChrome(t *testing.T) {
	base := Chrome{Nav: []NavItem{{}}, Companies: []Choice{{}}}
	seen := map[string]string{frameKey(base, "de"): "nothing"}
	check := func(name string, c Chrome) {
		k := frameKey(c, "de")
		if other, dup := seen[k]; dup {
			t.Errorf("changing %s gives the same frame key as %q", name, other)
		}
		seen[k] = name
	}
	vary := func(prefix string, v reflect.Value, apply func()) {
		for i := range v.NumField() {
			f := v.Field(i)
			old := reflect.ValueOf(f.Interface())
			switch f.Kind() {
			case reflect.String:
				f.SetString("x")
			case reflect.Bool:
				f.SetBool(true)
			case reflect.Slice:
				f.Set(reflect.Zero(f.Type()))
			default:
				t.Fatalf("%s%s: a field of kind %s needs a case here and in frameKey", prefix, v.Type().Field(i).Name, f.Kind())
			}
			apply()
			check(prefix+v.Type().Field(i).Name, base)
			f.Set(old)
		}
	}
	vary("Chrome.", reflect.ValueOf(&base).Elem(), func() {})
	vary("NavItem.", reflect.ValueOf(&base.Nav[0]).Elem(), func() {})
	vary("Choice.", reflect.ValueOf(&base.Companies[0]).Elem(), func() {})
	if frameKey(base, "de") == frameKey(base, "en") {
		t.Error("the language is not part of the frame key")
	}
	// Lengths keep fields apart: a value cannot pose as two.
	if frameKey(Chrome{Title: "a", BrandName: "bc"}, "de") == frameKey(Chrome{Title: "ab", BrandName: "c"}, "de") {
		t.Error("frame key is ambiguous")
	}
}

// TestLayoutKept proves a kept frame writes exactly what rendering it anew writes.
func TestLayoutKept(t *testing.T) {
	ctx := i18n.With(context.Background(), i18n.For("he"))
	content := templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, "<p>Inhalt &amp; mehr</p>")
		return err
	})
	for _, c := range []Chrome{
		{Title: "Tickets", BrandName: "Demo <GmbH>", User: "Anna Müller", LangAction: "/settings/language",
			Nav:       []NavItem{{Label: "Start", Href: "/"}, {Label: "Tickets", Href: "/tickets", Current: true}},
			Companies: []Choice{{Value: "1", Label: "A"}, {Value: "2", Label: "B", Selected: true}}, SwitchAction: "/company"},
		{Title: "Tickets", BrandName: "Demo <GmbH>", Flash: "Gespeichert"},
		{Title: "Queue", Admin: true, Banner: "Vorschau", BannerAction: "/preview/end", BannerButton: "Beenden"},
	} {
		var direct bytes.Buffer
		if err := layout(c).Render(templ.WithChildren(ctx, content), &direct); err != nil {
			t.Fatal(err)
		}
		for range 2 { // the first renders and keeps, the second is served kept
			var got bytes.Buffer
			if err := Layout(c).Render(templ.WithChildren(ctx, content), &got); err != nil {
				t.Fatal(err)
			}
			if got.String() != direct.String() {
				t.Fatalf("kept frame differs:\n%s\n--- want\n%s", got.String(), direct.String())
			}
		}
		if !strings.Contains(direct.String(), "Inhalt &amp; mehr") || strings.Contains(direct.String(), childrenMark) {
			t.Fatalf("content missing or mark left: %s", direct.String())
		}
	}
}
