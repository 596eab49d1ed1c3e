package download_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/i18n"
	"pforte/internal/principal"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/validate"
)

// fixture is two tenants: companies A1 and A2 of tenant A with a contact each, B1 of
// tenant B.
type fixture struct {
	ctx        context.Context
	d          *db.DB
	ta, tb     int64
	a1, a2, b1 int64
	pa1, pa2   principal.Contact
	pb1        principal.Contact
	now        time.Time
}

func setup(t *testing.T, d *db.DB) *fixture {
	t.Helper()
	ctx, now := context.Background(), time.Unix(1_800_000_000, 0)
	ta, _ := tenant.Create(ctx, d, "A", "de", nil, now)
	tb, _ := tenant.Create(ctx, d, "B", "de", nil, now)
	mk := func(tenantID int64, name string) int64 {
		c, err := company.Create(ctx, d, company.Company{TenantID: tenantID, Name: name}, now)
		if err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	f := &fixture{ctx: ctx, d: d, ta: ta.ID, tb: tb.ID, now: now}
	f.a1, f.a2, f.b1 = mk(ta.ID, "A1"), mk(ta.ID, "A2"), mk(tb.ID, "B1")
	person := func(tenantID, companyID int64, email string) principal.Contact {
		ct, err := contact.Create(ctx, d, contact.Contact{TenantID: tenantID, LastName: email, Email: email}, i18n.Languages, now)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := contact.AddMembership(ctx, d, tenantID, ct.ID, companyID, "user", now); err != nil {
			t.Fatal(err)
		}
		return principal.Contact{TenantID: tenantID, ContactID: ct.ID, CompanyID: companyID, Role: "user", SessionID: 1}
	}
	f.pa1, f.pa2, f.pb1 = person(ta.ID, f.a1, "a1@x.test"), person(ta.ID, f.a2, "a2@x.test"), person(tb.ID, f.b1, "b1@x.test")
	return f
}

func version(name string) download.Version {
	return download.Version{Key: "0123456789abcdef0123456789abcdef", Name: name, Size: 3, Type: "text/plain", SHA256: "abc",
		UploadedBy: "Anna"}
}

func (f *fixture) file(t *testing.T, tenantID int64, title string, folder int64, companies []int64, at time.Time) download.File {
	t.Helper()
	vis := download.VisibleAll
	if companies != nil {
		vis = download.VisibleCompanies
	}
	var out download.File
	err := f.d.InTx(f.ctx, func(tx *db.Tx) error {
		var err error
		out, err = download.Create(f.ctx, tx, download.File{TenantID: tenantID, Title: title, FolderID: folder,
			Visibility: vis}, companies, version(title+".txt"), at)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func titles(fs []download.File) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Title)
	}
	return out
}

// TestFolders: a tree in position and name order with depths and paths, a folder that
// cannot move below itself, a folder of another tenant that cannot be a parent, and a
// folder that cannot be deleted while it holds anything.
func TestFolders(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		mk := func(tenantID, parent int64, name string, pos int) download.Folder {
			fo, err := download.CreateFolder(f.ctx, d, download.Folder{TenantID: tenantID, ParentID: parent, Name: name, Position: pos}, f.now)
			if err != nil {
				t.Fatal(err)
			}
			return fo
		}
		docs := mk(f.ta, 0, "Docs", 2)
		soft := mk(f.ta, 0, "Software", 1)
		manuals := mk(f.ta, docs.ID, "Manuals", 0)
		printers := mk(f.ta, manuals.ID, "Printers", 0)
		foreign := mk(f.tb, 0, "B folder", 0)

		all, err := download.Folders(f.ctx, d, f.ta)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, fo := range download.Tree(all) {
			got = append(got, fo.Name+":"+string(rune('0'+fo.Depth)))
		}
		if want := []string{"Software:0", "Docs:0", "Manuals:1", "Printers:2"}; !slices.Equal(got, want) {
			t.Errorf("tree %v, want %v", got, want)
		}
		if p := download.Path(all, printers.ID); len(p) != 3 || p[0].ID != docs.ID || p[2].ID != printers.ID {
			t.Errorf("path %v", p)
		}
		if c := download.Children(all, docs.ID); len(c) != 1 || c[0].ID != manuals.ID {
			t.Errorf("children %v", c)
		}
		var ve validate.Errors
		docs.ParentID = printers.ID // below its own grandchild
		if err := download.UpdateFolder(f.ctx, d, docs, f.now); !errors.As(err, &ve) || ve["parent_id"].ID != "downloads_admin.folder_cycle" {
			t.Errorf("cycle: %v", err)
		}
		docs.ParentID = docs.ID
		if err := download.UpdateFolder(f.ctx, d, docs, f.now); !errors.As(err, &ve) {
			t.Errorf("own parent: %v", err)
		}
		if _, err := download.CreateFolder(f.ctx, d, download.Folder{TenantID: f.ta, ParentID: foreign.ID, Name: "x"}, f.now); !errors.As(err, &ve) {
			t.Errorf("foreign parent: %v", err)
		}
		if _, err := download.CreateFolder(f.ctx, d, download.Folder{TenantID: f.ta, Name: "  "}, f.now); !errors.As(err, &ve) || ve["name"].ID != "error.required" {
			t.Errorf("empty name: %v", err)
		}
		soft.ParentID, soft.Name = docs.ID, "Software 2"
		if err := download.UpdateFolder(f.ctx, d, soft, f.now); err != nil {
			t.Fatal(err)
		}
		if _, err := download.GetFolder(f.ctx, d, f.ta, foreign.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("foreign folder: %v", err)
		}
		soft.TenantID = f.tb
		if err := download.UpdateFolder(f.ctx, d, soft, f.now); !errors.Is(err, db.ErrNotFound) && !errors.As(err, &ve) {
			t.Errorf("update through another tenant: %v", err)
		}
		// Not empty: a subfolder, then a file.
		if err := download.DeleteFolder(f.ctx, d, f.ta, manuals.ID); !errors.Is(err, download.ErrFolderNotEmpty) {
			t.Errorf("delete with subfolder: %v", err)
		}
		f.file(t, f.ta, "Driver", printers.ID, nil, f.now)
		if err := download.DeleteFolder(f.ctx, d, f.ta, printers.ID); !errors.Is(err, download.ErrFolderNotEmpty) {
			t.Errorf("delete with file: %v", err)
		}
		if err := download.DeleteFolder(f.ctx, d, f.tb, soft.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("delete through another tenant: %v", err)
		}
		if err := download.DeleteFolder(f.ctx, d, f.ta, soft.ID); err != nil {
			t.Fatal(err)
		}
	})
}

// TestFilesAndVersions: a new version becomes the current one, the old ones stay with
// their numbers, names and sizes; edits keep the versions; deleting returns every
// stored key.
func TestFilesAndVersions(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		fi := f.file(t, f.ta, "Price list", 0, nil, f.now)
		if fi.Current.Number != 1 || fi.Current.Name != "Price list.txt" {
			t.Fatalf("first version %+v", fi.Current)
		}
		v2 := version("../../etc/prices\x00 2026.csv")
		v2.Key, v2.Size = "fedcba9876543210fedcba9876543210", 10
		got, err := download.AddVersion(f.ctx, d, f.ta, fi.ID, v2, f.now.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if got.Number != 2 || got.Name != "prices 2026.csv" {
			t.Errorf("second version %+v", got)
		}
		if _, err := download.AddVersion(f.ctx, d, f.tb, fi.ID, v2, f.now); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("version through another tenant: %v", err)
		}
		cur, err := download.Get(f.ctx, d, f.ta, fi.ID)
		if err != nil {
			t.Fatal(err)
		}
		if cur.Current.ID != got.ID || cur.Current.Size != 10 || !cur.UpdatedAt.Equal(f.now.Add(time.Hour)) {
			t.Errorf("current %+v", cur)
		}
		vs, err := download.Versions(f.ctx, d, f.ta, fi.ID)
		if err != nil || len(vs) != 2 || vs[0].Number != 2 || vs[1].Number != 1 || vs[1].Name != "Price list.txt" {
			t.Fatalf("versions %+v %v", vs, err)
		}
		// Edit: title required, visibility for companies needs a company of the tenant.
		var ve validate.Errors
		cur.Title = " "
		if err := download.Update(f.ctx, d, cur, nil, f.now); !errors.As(err, &ve) || ve["title"].ID != "error.required" {
			t.Errorf("empty title: %v", err)
		}
		cur.Title, cur.Visibility = "Prices", download.VisibleCompanies
		if err := download.Update(f.ctx, d, cur, nil, f.now); !errors.As(err, &ve) || ve["company_id"].ID == "" {
			t.Errorf("no company: %v", err)
		}
		err = d.InTx(f.ctx, func(tx *db.Tx) error { return download.Update(f.ctx, tx, cur, []int64{f.b1}, f.now) })
		if !errors.As(err, &ve) {
			t.Errorf("only a foreign company: %v", err)
		}
		if err := download.Update(f.ctx, d, cur, []int64{f.a2, f.b1, f.a2}, f.now); err != nil {
			t.Fatal(err)
		}
		cs, _ := download.Companies(f.ctx, d, f.ta, fi.ID)
		if len(cs) != 1 || cs[0].ID != f.a2 {
			t.Errorf("companies %+v", cs)
		}
		cur.Visibility = "secret"
		if err := download.Update(f.ctx, d, cur, nil, f.now); !errors.As(err, &ve) || ve["visibility"].ID == "" {
			t.Errorf("bad visibility: %v", err)
		}
		if _, err := download.Delete(f.ctx, d, f.tb, fi.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("delete through another tenant: %v", err)
		}
		keys, err := download.Delete(f.ctx, d, f.ta, fi.ID)
		if err != nil || len(keys) != 2 {
			t.Fatalf("delete: %v %v", keys, err)
		}
		if _, err := download.Get(f.ctx, d, f.ta, fi.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("deleted file still there: %v", err)
		}
	})
}

// TestVisibility: a company sees files for all and those chosen for it, in folders
// that hold such files (with counts including subfolders), newest first and by search;
// another company or tenant sees none of them.
func TestVisibility(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		top, _ := download.CreateFolder(f.ctx, d, download.Folder{TenantID: f.ta, Name: "Top"}, f.now)
		sub, _ := download.CreateFolder(f.ctx, d, download.Folder{TenantID: f.ta, ParentID: top.ID, Name: "Sub"}, f.now)
		secret, _ := download.CreateFolder(f.ctx, d, download.Folder{TenantID: f.ta, Name: "For A2"}, f.now)
		download.CreateFolder(f.ctx, d, download.Folder{TenantID: f.ta, Name: "Empty"}, f.now)
		all := f.file(t, f.ta, "General terms", 0, nil, f.now)
		mine := f.file(t, f.ta, "A1 contract", 0, []int64{f.a1}, f.now.Add(time.Minute))
		deep := f.file(t, f.ta, "A1 drawing", sub.ID, []int64{f.a1}, f.now)
		other := f.file(t, f.ta, "A2 contract", secret.ID, []int64{f.a2}, f.now)
		foreign := f.file(t, f.tb, "B terms", 0, nil, f.now)

		list, more, err := download.ListForContact(f.ctx, d, f.pa1, download.ListParams{Limit: 10})
		if err != nil || more {
			t.Fatal(err, more)
		}
		if got := titles(list); !slices.Equal(got, []string{"A1 contract", "General terms"}) {
			t.Errorf("A1 top level %v", got)
		}
		list, _, _ = download.ListForContact(f.ctx, d, f.pa1, download.ListParams{Search: "CONTRACT", Limit: 10})
		if got := titles(list); !slices.Equal(got, []string{"A1 contract"}) {
			t.Errorf("A1 search %v", got)
		}
		list, _, _ = download.ListForContact(f.ctx, d, f.pa1, download.ListParams{Search: "drawing", Limit: 10})
		if got := titles(list); !slices.Equal(got, []string{"A1 drawing"}) {
			t.Errorf("A1 search in folders %v", got)
		}
		list, _, _ = download.ListForContact(f.ctx, d, f.pa1, download.ListParams{Search: "%", Limit: 10})
		if len(list) != 0 {
			t.Errorf("wildcard search found %v", titles(list))
		}
		folders, err := download.FoldersForContact(f.ctx, d, f.pa1)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, fo := range folders {
			names = append(names, fo.Name)
			if fo.Files != 1 {
				t.Errorf("folder %s counts %d files", fo.Name, fo.Files)
			}
		}
		slices.Sort(names)
		if !slices.Equal(names, []string{"Sub", "Top"}) {
			t.Errorf("A1 folders %v", names)
		}
		for _, id := range []int64{all.ID, mine.ID, deep.ID} {
			if _, err := download.ForContact(f.ctx, d, f.pa1, id); err != nil {
				t.Errorf("A1 cannot open %d: %v", id, err)
			}
		}
		for _, id := range []int64{other.ID, foreign.ID, 999999} {
			if _, err := download.ForContact(f.ctx, d, f.pa1, id); !errors.Is(err, db.ErrNotFound) {
				t.Errorf("A1 opens %d: %v", id, err)
			}
			if _, err := download.VersionsForContact(f.ctx, d, f.pa1, id); !errors.Is(err, db.ErrNotFound) {
				t.Errorf("A1 lists versions of %d: %v", id, err)
			}
		}
		if _, _, err := download.VersionForContact(f.ctx, d, f.pa1, other.Current.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("A1 opens A2's version: %v", err)
		}
		if _, _, err := download.VersionForContact(f.ctx, d, f.pa1, foreign.Current.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("A1 opens tenant B's version: %v", err)
		}
		list, _, _ = download.ListForContact(f.ctx, d, f.pa2, download.ListParams{Limit: 10})
		if got := titles(list); !slices.Equal(got, []string{"General terms"}) {
			t.Errorf("A2 top level %v", got)
		}
		list, _, _ = download.ListForContact(f.ctx, d, f.pb1, download.ListParams{Limit: 10})
		if got := titles(list); !slices.Equal(got, []string{"B terms"}) {
			t.Errorf("B1 top level %v", got)
		}
		if _, _, err := download.ListForContact(f.ctx, d, principal.Contact{}, download.ListParams{}); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("empty principal: %v", err)
		}
		// Paging: one more row tells that another page follows.
		list, more, _ = download.ListForContact(f.ctx, d, f.pa1, download.ListParams{Limit: 1})
		if len(list) != 1 || !more {
			t.Errorf("paging %v %v", titles(list), more)
		}
	})
}

// TestRecordAndLog: counts per file and version, the log newest first with contact and
// company, keyset paging, and no recording for another tenant's version.
func TestRecordAndLog(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		fi := f.file(t, f.ta, "Manual", 0, nil, f.now)
		v1 := fi.Current
		v2, err := download.AddVersion(f.ctx, d, f.ta, fi.ID, version("manual-2.pdf"), f.now)
		if err != nil {
			t.Fatal(err)
		}
		rec := func(p principal.Contact, v download.Version, at time.Time) error {
			return d.InTx(f.ctx, func(tx *db.Tx) error { return download.Record(f.ctx, tx, p, v, at) })
		}
		for i, x := range []struct {
			p principal.Contact
			v download.Version
		}{{f.pa1, v2}, {f.pa2, v2}, {f.pa1, v1}} {
			if err := rec(x.p, x.v, f.now.Add(time.Duration(i)*time.Minute)); err != nil {
				t.Fatal(err)
			}
		}
		if err := rec(f.pb1, v2, f.now); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("tenant B recorded a tenant A download: %v", err)
		}
		cur, _ := download.Get(f.ctx, d, f.ta, fi.ID)
		vs, _ := download.Versions(f.ctx, d, f.ta, fi.ID)
		if cur.Downloads != 3 || vs[0].Downloads != 2 || vs[1].Downloads != 1 {
			t.Errorf("counts file %d, v2 %d, v1 %d", cur.Downloads, vs[0].Downloads, vs[1].Downloads)
		}
		log, err := download.Log(f.ctx, d, f.ta, fi.ID, 0, 2)
		if err != nil || len(log) != 2 {
			t.Fatalf("log %v %v", log, err)
		}
		if log[0].VersionNumber != 1 || log[0].CompanyName != "A1" || log[0].ContactEmail != "a1@x.test" || log[1].CompanyName != "A2" {
			t.Errorf("log %+v", log)
		}
		older, _ := download.Log(f.ctx, d, f.ta, fi.ID, log[1].ID, 2)
		if len(older) != 1 || older[0].VersionNumber != 2 || older[0].ContactID != f.pa1.ContactID {
			t.Errorf("older page %+v", older)
		}
		if other, _ := download.Log(f.ctx, d, f.tb, fi.ID, 0, 10); len(other) != 0 {
			t.Errorf("tenant B reads tenant A's log: %+v", other)
		}
	})
}

// TestSettings: the default limit until a tenant sets its own, bounded, per tenant.
func TestSettings(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		if n, err := download.MaxUpload(f.ctx, d, f.ta); err != nil || n != download.DefaultMaxUpload {
			t.Fatalf("default %d %v", n, err)
		}
		for _, set := range []int64{5 << 20, 7 << 20, 1 << 62} {
			if err := download.SetMaxUpload(f.ctx, d, f.ta, set); err != nil {
				t.Fatal(err)
			}
		}
		if n, _ := download.MaxUpload(f.ctx, d, f.ta); n != download.MaxUploadCeiling {
			t.Errorf("limit %d", n)
		}
		if n, _ := download.MaxUpload(f.ctx, d, f.tb); n != download.DefaultMaxUpload {
			t.Errorf("other tenant %d", n)
		}
	})
}
