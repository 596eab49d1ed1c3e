package web

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/a-h/templ"
)

func TestRenderSendsTheWholePageWithItsLength(t *testing.T) {
	page := templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		h := NewHTML(w)
		h.Raw("<p>")
		h.Text(`Müller & <Söhne> "GmbH"`)
		h.Raw("</p>")
		return h.Err()
	})
	rec := httptest.NewRecorder()
	Render(rec, httptest.NewRequest("GET", "/", nil), http.StatusTeapot, page)
	want := "<p>Müller &amp; &lt;Söhne&gt; &#34;GmbH&#34;</p>"
	if rec.Code != http.StatusTeapot || rec.Body.String() != want {
		t.Fatalf("got %d %q, want %q", rec.Code, rec.Body.String(), want)
	}
	if got := rec.Header().Get("Content-Length"); got != strconv.Itoa(len(want)) {
		t.Fatalf("Content-Length %q, body is %d bytes", got, len(want))
	}
}

func TestRenderFailureIsAnErrorPageNotHalfAPage(t *testing.T) {
	page := templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		io.WriteString(w, "<h1>Tickets</h1><table>")
		return errors.New("the database went away")
	})
	rec := httptest.NewRecorder()
	Render(rec, httptest.NewRequest("GET", "/", nil), http.StatusOK, page)
	if rec.Code != http.StatusInternalServerError || strings.Contains(rec.Body.String(), "Tickets") {
		t.Fatalf("got %d %q", rec.Code, rec.Body.String())
	}
}
