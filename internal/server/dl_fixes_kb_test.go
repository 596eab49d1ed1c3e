package server_test

import (
	"context"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// adminImage finds an image's delete form on the article page.
var adminImage = regexp.MustCompile(`/admin/kb/images/([0-9]+)/delete`)

// kbStaff starts a tenant with an agent logged in to the back office.
func kbStaff(t *testing.T, e db.Engine) (*apptest.Env, tenant.Tenant, *apptest.Client) {
	env := apptest.Start(t, e)
	ten := env.Tenant("Service GmbH", "a.test")
	env.Staff(ten, "agent", "agent@service.test", "agent-password")
	agent := env.Client("a.test")
	agent.AdminLogin("agent@service.test", "agent-password")
	return env, ten, agent
}

// kbCreate stores an article through the form and returns its page's path.
func kbCreate(t *testing.T, agent *apptest.Client, title, body, status, vis string) string {
	t.Helper()
	r := agent.Post("/admin/kb", url.Values{"language": {"de"}, "title": {title}, "body": {body}, "status": {status}, "visibility": {vis}})
	m := articlePath.FindStringSubmatch(r.Location)
	if r.Status != 303 || m == nil {
		t.Fatalf("create %q: %d %.300s", title, r.Status, r.Body)
	}
	return r.Location
}

// TestKBLongBody: a body of 50,000 four-byte characters, which browsers send as 600 KB
// percent-encoded, is saved, as a new article and as a translation; one character more
// is refused beside the field with the text kept; a body far beyond any limit gets a
// message saying so instead of "reload the page".
func TestKBLongBody(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, ten, agent := kbStaff(t, e)
		longest := strings.Repeat("😀", kb.MaxBody)
		art := kbCreate(t, agent, "Emojis", longest, kb.StatusDraft, kb.VisibilityCustomers)
		if r := agent.Post(art+"/translations/en", url.Values{"title": {"Emojis"}, "body": {longest}}); r.Status != 303 {
			t.Errorf("translation of %d emojis: %d", kb.MaxBody, r.Status)
		}
		aid, _ := strconv.ParseInt(strings.TrimPrefix(art, "/admin/kb/articles/"), 10, 64)
		a, err := kb.Get(context.Background(), env.DB, ten.ID, aid)
		if err != nil || len(a.Translations) != 2 {
			t.Fatalf("stored article: %v %d texts", err, len(a.Translations))
		}
		for _, tr := range a.Translations {
			if tr.Body != longest {
				t.Errorf("%s: stored %d characters, want %d", tr.Language, utf8.RuneCountInString(tr.Body), kb.MaxBody)
			}
		}

		over := longest + "😀"
		for path, form := range map[string]url.Values{
			"/admin/kb":              {"language": {"de"}, "title": {"Zu lang"}, "body": {over}, "status": {kb.StatusDraft}, "visibility": {kb.VisibilityCustomers}},
			art + "/translations/fr": {"title": {"Zu lang"}, "body": {over}},
		} {
			r := agent.Post(path, form)
			if r.Status != 422 || !strings.Contains(r.Body, "Bitte höchstens 50.000 Zeichen eingeben.") {
				t.Errorf("%s, one character too many: %d", path, r.Status)
			}
			if strings.Count(r.Body, "😀") < kb.MaxBody+1 || !strings.Contains(r.Body, "Zu lang") {
				t.Errorf("%s: the typed text was not kept", path)
			}
		}

		far := strings.Repeat("😀", 2*kb.MaxBody+kb.MaxBody/5)
		r := agent.Post("/admin/kb", url.Values{"language": {"de"}, "title": {"Viel zu lang"}, "body": {far}})
		if r.Status != 422 || !strings.Contains(r.Body, "Der Text ist viel zu lang zum Senden: Ein Artikel darf höchstens 50.000 Zeichen haben.") ||
			strings.Contains(r.Body, "Bitte laden Sie die Seite neu") {
			t.Errorf("far too long: %d", r.Status)
		}
	})
}

// TestKBNoReaders: publishing for chosen companies with none ticked is refused beside
// the visibility, when creating and when saving the settings (unticking the last one
// too); with a company ticked it is published, and losing the last company another
// way (it is deleted) shows a warning on the article.
func TestKBNoReaders(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, ten, agent := kbStaff(t, e)
		co := env.Company(ten, "Kunde A")
		const msg = "Es ist noch keine Firma angehakt, daher könnte niemand diesen Artikel lesen."
		r := agent.Post("/admin/kb", url.Values{"language": {"de"}, "title": {"Nur für Kunde A"}, "body": {"Text"},
			"status": {kb.StatusPublished}, "visibility": {kb.VisibilityCompanies}})
		// The new article's form picks the companies itself and says so.
		if r.Status != 422 || !strings.Contains(r.Body, "Es ist noch keine Firma angehakt") || !strings.Contains(r.Body, "Nur für Kunde A") {
			t.Errorf("create published for no company: %d", r.Status)
		}
		art := kbCreate(t, agent, "Nur für Kunde A", "Text", kb.StatusDraft, kb.VisibilityCompanies)
		publish := url.Values{"slug": {"nur-a"}, "status": {kb.StatusPublished}, "visibility": {kb.VisibilityCompanies}}
		if r := agent.Post(art, publish); r.Status != 422 || !strings.Contains(r.Body, msg) {
			t.Errorf("publish for no company: %d", r.Status)
		}
		publish.Set("company_id", id(co.ID))
		if r := agent.Post(art, publish); r.Status != 303 {
			t.Fatalf("publish for a chosen company: %d %.300s", r.Status, r.Body)
		}
		const warning = "Niemand kann ihn lesen."
		if r := agent.Get(art); strings.Contains(r.Body, warning) {
			t.Errorf("warning while a company is chosen")
		}
		publish.Del("company_id")
		if r := agent.Post(art, publish); r.Status != 422 || !strings.Contains(r.Body, msg) {
			t.Errorf("last company unticked: %d", r.Status)
		}
		if _, err := env.DB.Exec(context.Background(), `DELETE FROM companies WHERE id = ?`, co.ID); err != nil {
			t.Fatal(err)
		}
		if r := agent.Get(art); !strings.Contains(r.Body, warning) {
			t.Errorf("no warning on a published article nobody can read")
		}
	})
}

// TestKBHiddenImages: the editor lists the images of an article's texts its readers
// will not see: one of another article they may not read, one that does not exist;
// the article's own images and those of an article they may read are not listed.
func TestKBHiddenImages(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		_, _, agent := kbStaff(t, e)
		internal := kbCreate(t, agent, "Intern", "Nur für uns", kb.StatusDraft, kb.VisibilityCustomers)
		public := kbCreate(t, agent, "Öffentlich", "Text", kb.StatusPublished, kb.VisibilityPublic)
		upload := func(art string) string {
			if r := agent.PostMultipart(art+"/images", nil, apptest.File{Field: "image", Name: "bild.png", Data: pngImage(t)}); r.Status != 303 {
				t.Fatalf("image upload: %d", r.Status)
			}
			m := adminImage.FindAllStringSubmatch(agent.Get(art).Body, -1)
			if len(m) == 0 {
				t.Fatalf("no image listed on %s", art)
			}
			return m[len(m)-1][1]
		}
		foreign, own := upload(internal), upload(public)
		body := "![a](/kb/images/" + foreign + ")\n\n![b](/kb/images/999999)\n\n![c](/kb/images/" + own + ")\n\n`/kb/images/888888`"
		if r := agent.Post(public+"/translations/de", url.Values{"title": {"Öffentlich"}, "body": {body}}); r.Status != 303 {
			t.Fatalf("save text: %d", r.Status)
		}
		page := agent.Get(public).Body
		for _, want := range []string{"Leser dieses Artikels sehen diese Bilder nicht:", "<code>/kb/images/" + foreign + "</code>",
			"gehört zu einem Artikel, den sie nicht lesen dürfen", `href="` + internal + `">Intern</a>`,
			"<code>/kb/images/999999</code>", "dieses Bild gibt es nicht"} {
			if !strings.Contains(page, want) {
				t.Errorf("editor lacks %q", want)
			}
		}
		for _, not := range []string{"<code>/kb/images/" + own + "</code>", "888888</code>"} {
			if strings.Contains(page, not) {
				t.Errorf("editor lists %q", not)
			}
		}
		// Published for everyone, the other article's image is visible to the readers.
		if r := agent.Post(internal, url.Values{"slug": {"intern"}, "status": {kb.StatusPublished}, "visibility": {kb.VisibilityPublic}}); r.Status != 303 {
			t.Fatalf("publish the other article: %d", r.Status)
		}
		if page := agent.Get(public).Body; strings.Contains(page, "<code>/kb/images/"+foreign+"</code>") || !strings.Contains(page, "999999") {
			t.Errorf("after publishing the other article: warnings wrong")
		}
	})
}
