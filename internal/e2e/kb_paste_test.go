package e2e

import (
	"bytes"
	"context"
	"encoding/base64"
	"image"
	"image/png"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	kbase "pforte/internal/kb"
	"pforte/internal/testutil"
)

// TestKBPasteImage: on an article's text, an image pasted into the Markdown textarea
// (a screenshot on the clipboard: a File in a DataTransfer, sent as a paste event) is
// uploaded; its Markdown appears where the cursor was, between the words typed before,
// the status says so, and the article's page lists the image. A file that is no image
// is refused with the server's message beside the textarea, and the text stays as it
// was.
func TestKBPasteImage(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Demo Service GmbH")
		agentID := env.Staff(ten, "agent", "agent@demo-service.test", "agent-password-2026").ID
		art, err := kbase.Create(context.Background(), env.DB, ten.ID, agentID, kbase.Meta{Slug: "drucker", Status: kbase.StatusDraft,
			Visibility: kbase.VisibilityCustomers}, kbase.Translation{Language: "de", Title: "Drucker", Body: "Text"}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		page := "/admin/kb/articles/" + strconv.FormatInt(art, 10)

		agent := newSession(t, browser, env.Srv.URL, "agent")
		agent.open("/admin/login", "#f-email")
		agent.fill("email", "agent@demo-service.test")
		agent.fill("password", "agent-password-2026")
		agent.clickTo(`form[action="/admin/login"] button[type="submit"]`, "main h1")
		agent.open(page+"/translations/de", "#f-body")
		waitValue(agent, func(string) bool { return agent.eval(`document.getElementById("s-body-paste") ? "y" : ""`) == "y" })
		agent.fill("body", "Vorher Nachher")
		agent.eval(`(() => { document.getElementById("f-body").setSelectionRange(7, 7); return ""; })()`)

		agent.eval(pasteFile(pngBase64(t), "image/png", "bildschirmfoto.png"))
		value := waitValue(agent, func(v string) bool { return strings.Contains(v, "](/kb/images/") })
		ims, err := kbase.Images(context.Background(), env.DB, ten.ID, art)
		if err != nil || len(ims) != 1 {
			agent.fatalf("images after the paste: %+v %v", ims, err)
		}
		md := ims[0].Markdown()
		if want := "Vorher " + md + "Nachher"; value != want {
			agent.fatalf("text after the paste: %q, want %q", value, want)
		}
		if got := agent.text("#s-body-paste"); !strings.Contains(got, "hochgeladen") {
			agent.fatalf("status after the paste: %q", got)
		}

		// Not an image: the server's message in German, the text unchanged.
		agent.eval(pasteFile(base64.StdEncoding.EncodeToString([]byte("nur Text\n")), "image/png", "text.png"))
		waitValue(agent, func(string) bool {
			return agent.eval(`document.querySelector("#s-body-paste.error-msg") ? "y" : ""`) == "y"
		})
		if got := agent.text("#s-body-paste"); !strings.Contains(got, "kein PNG-, JPEG-, GIF- oder WebP-Bild") {
			agent.fatalf("refusal: %q", got)
		}
		if got := agent.eval(`document.getElementById("f-body").value`); got != value {
			agent.fatalf("text after the refusal: %q, want %q", got, value)
		}

		agent.open(page, "#images")
		if got := agent.text("#images .kb-images li code"); got != md {
			agent.fatalf("images list shows %q, want %q", got, md)
		}
	})
}

// pasteFile is a script that sends a paste event with one file (its content in
// base64) to the article's textarea, as the browser does for a screenshot on the
// clipboard.
func pasteFile(b64, typ, name string) string {
	return `(() => {
		const bytes = Uint8Array.from(atob("` + b64 + `"), (c) => c.charCodeAt(0));
		const dt = new DataTransfer();
		dt.items.add(new File([bytes], "` + name + `", { type: "` + typ + `" }));
		const ev = new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true });
		document.getElementById("f-body").dispatchEvent(ev);
		return "";
	})()`
}

// waitValue waits until ok holds for the textarea's value (or for what ok looks at on
// the page) and returns the value.
func waitValue(s *session, ok func(string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(stepTimeout)
	for {
		v := s.eval(`document.getElementById("f-body").value`)
		if ok(v) {
			return v
		}
		if time.Now().After(deadline) {
			s.fatalf("textarea still %q", v)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// pngBase64 is a small PNG that decodes, in base64.
func pngBase64(t *testing.T) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 4, 2))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(b.Bytes())
}
