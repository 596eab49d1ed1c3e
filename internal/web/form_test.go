package web

import (
	"context"
	"strings"
	"testing"
)

// TestFieldDirection: a text field guesses its direction (dir="auto") unless it is
// in a language of its own, then it runs in that language's direction; nothing else
// slips into the input's attributes.
func TestFieldDirection(t *testing.T) {
	for _, c := range []struct {
		in   Input
		want string
	}{
		{Input{Name: "subject", Label: "x"}, `<input id="f-subject" name="subject" type="text" value="" dir="auto">`},
		{Input{Name: "subject", Label: "x", Lang: "he"}, `<input id="f-subject" name="subject" type="text" value="" lang="he" dir="rtl">`},
		{Input{Name: "email", Label: "x", Type: "email"}, `<input id="f-email" name="email" type="email" value="">`},
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
