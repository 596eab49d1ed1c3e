package web

import (
	"context"
	"strings"
	"testing"
)

// TestFieldDirection: a text field guesses its direction (dir="auto") unless it is
// in a language of its own, then it runs in that language's direction, or its
// direction is fixed (Dir); nothing else slips into the input's attributes.
func TestFieldDirection(t *testing.T) {
	for _, c := range []struct {
		in   Input
		want string
	}{
		{Input{Name: "subject", Label: "x"}, `<input id="f-subject" name="subject" type="text" value="" dir="auto">`},
		{Input{Name: "subject", Label: "x", Lang: "he"}, `<input id="f-subject" name="subject" type="text" value="" lang="he" dir="rtl">`},
		{Input{Name: "email", Label: "x", Type: "email"}, `<input id="f-email" name="email" type="email" value="">`},
		// a phone number reads left to right on a Hebrew page too
		{Input{Name: "phone", Label: "x", Type: "tel", InputMode: "tel", Dir: "ltr"}, `<input id="f-phone" name="phone" type="tel" value="" inputmode="tel" dir="ltr">`},
	} {
		var b strings.Builder
		if err := Field(NewForm(), c.in).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), c.want) {
			t.Errorf("%+v renders\n%s\nwant %s", c.in, b.String(), c.want)
		}
	}
}
