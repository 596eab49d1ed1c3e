package web

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"pforte/internal/i18n"
)

// frames keeps rendered page frames. A frame is a pure function of its Chrome and the
// language, so a frame rendered once serves every later page with the same ones; no
// version is needed. A person's frame is the same on every visit to the same page,
// which makes the header (navigation, switchers, about forty translated and escaped
// values through templ's fmt.Sprint) cost a map lookup instead of most of a kept
// list page's rendering.
var frames = NewFragments(4 << 20)

// childrenMark stands for the page's content while a frame is rendered; the frame is
// cut there. It cannot come out of escaped text (templ escapes '<' and '>').
const childrenMark = "<pforte-children/>"

// Layout is the HTML document around every page, with the page's content inside.
func Layout(c Chrome) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		children := templ.GetChildren(ctx)
		ctx = templ.ClearChildren(ctx)
		key := frameKey(c, i18n.From(ctx).Lang)
		f, ok := frames.Get(key, 0)
		if !ok {
			var b bytes.Buffer
			mark := templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
				_, err := io.WriteString(w, childrenMark)
				return err
			})
			if err := layout(c).Render(templ.WithChildren(ctx, mark), &b); err != nil {
				return err
			}
			f = b.Bytes()
			if c.Flash == "" { // a flash is shown once: not worth keeping
				frames.Put(key, 0, f)
			}
		}
		pre, post, ok := bytes.Cut(f, []byte(childrenMark))
		if !ok {
			return errors.New("web: the page frame lost its content's place")
		}
		if _, err := w.Write(pre); err != nil {
			return err
		}
		if err := children.Render(ctx, w); err != nil {
			return err
		}
		_, err := w.Write(post)
		return err
	})
}

// frameKey names a frame by everything layout shows. Every value is written with its
// length, so two different frames can never share a key (a name cannot pose as a
// name and the next field): a shared key would show one person another's header.
func frameKey(c Chrome, lang string) string {
	var b strings.Builder
	b.Grow(512)
	field := func(s string) {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	flag := func(v bool) {
		if v {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	}
	for _, s := range []string{lang, c.Title, c.BrandName, c.BrandHref, c.LogoURL, c.User, c.UserHref, c.LogoutAction,
		c.SwitchAction, c.LangAction, c.Flash, c.Banner, c.BannerAction, c.BannerButton} {
		field(s)
	}
	flag(c.Admin)
	flag(c.FlashError)
	flag(c.FlashNotice)
	b.WriteString(strconv.Itoa(len(c.Nav)))
	for _, n := range c.Nav {
		field(n.Label)
		field(n.Href)
		flag(n.Current)
	}
	b.WriteString(strconv.Itoa(len(c.Companies)))
	for _, o := range c.Companies {
		field(o.Value)
		field(o.Label)
		flag(o.Selected)
	}
	return b.String()
}
