package admin

import (
	"context"
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/filestore"
	"pforte/internal/web"
)

// downloadCreate publishes one file or several at once: each file becomes a download
// with its first version, all with the same description, folder and visibility. One
// file is titled by the title field (or its name); several are first listed, kept, each
// with its own title field prefilled from its name, and published once staff send the
// form with their titles. A refused form keeps its files the same way
// (download_kept.go).
func (a *Admin) downloadCreate(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := r.Context()
	limit, err := download.MaxUpload(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	u, err := a.parseUpload(w, r, limit, maxUploadFiles)
	if err != nil {
		a.discard(u.Files)
		a.env.Fail(w, r, err)
		return
	}
	o := keptOwner(v)
	kept, listed, err := a.keptFiles(ctx, o, &u.Form)
	if err != nil {
		a.discard(u.Files)
		a.env.Fail(w, r, err)
		return
	}
	checkKept(ctx, &u, kept, listed, limit)
	titles := keptTitles(&u.Form, kept)
	if u.Err == "" { // also when the files are titled first: the step shows every problem at once
		in := fileFromForm(u.Form)
		in.Normalize()
		for k, m := range in.Validate(len(formIDs(u.Values["company_id"]))) {
			if k != "title" { // each file's, checked when it is published
				u.Errors[k] = m
			}
		}
	}
	// New files among several are titled on the form before they are published.
	naming := len(u.Files) > 0 && len(kept)+len(u.Files) > 1
	var created []download.File
	if !u.Invalid() && !naming {
		created, err = a.publishUploads(r, v, u, kept, titles)
		if err != nil && !u.Take(err) {
			a.discard(u.Files)
			a.env.Fail(w, r, err)
			return
		}
		if err == nil && len(created) == 0 { // published meanwhile from another tab
			u.Errors.Add("file", "dl_kept.gone", nil)
		}
	}
	if u.Invalid() || naming {
		if m := u.Errors["file"].ID; m == "downloads_admin.too_many_files" || u.Err != "" {
			a.discard(u.Files) // the message says to choose again
		} else if err := a.keepRefused(ctx, o, &u.Form, kept, u.Files, u.Get("title")); err != nil {
			a.env.Fail(w, r, err)
			return
		}
		status := http.StatusUnprocessableEntity
		if !u.Invalid() {
			status = http.StatusOK // not refused: a step of the form
		}
		a.renderUpload(w, r, v, u.Form, status)
		return
	}
	if len(created) == 1 {
		a.env.Flash(w, r, "downloads_admin.uploaded", "/admin/downloads/files/"+itoa(created[0].ID))
		return
	}
	a.env.Flash(w, r, "downloads_admin.uploaded_many", folderHref(created[0].FolderID))
}

// checkKept adds the file field's errors that only the kept and new files together
// show: none at all (or only kept ones that are gone), too many, or a kept file over a
// limit lowered since it was kept.
func checkKept(ctx context.Context, u *uploadForm, kept []download.Kept, listed bool, limit int64) {
	if u.Err != "" || u.Errors["file"].ID != "" {
		return
	}
	switch n := len(kept) + len(u.Files); {
	case n == 0 && listed:
		u.Errors.Add("file", "dl_kept.gone", nil)
	case n == 0:
		u.Errors.Add("file", "downloads_admin.file_required", nil)
	case n > maxUploadFiles:
		u.Errors.Add("file", "downloads_admin.too_many_files", map[string]any{"Max": maxUploadFiles})
	}
	for _, k := range kept {
		if k.Size > limit && u.Errors["file"].ID == "" {
			u.Errors.Add("file", "downloads_admin.file_too_large", map[string]any{"Name": k.Name, "Max": web.FileSize(ctx, limit)})
		}
	}
}

// publishUploads creates a download for each kept file (titled by titles) and for the
// one new file (titled by the title field or its name), with their audit entries and
// notices, in one transaction. A kept file taken meanwhile by another tab is left out.
func (a *Admin) publishUploads(r *http.Request, v *visit, u uploadForm, kept []download.Kept, titles map[int64]string) ([]download.File, error) {
	ctx := r.Context()
	companies := formIDs(u.Values["company_id"])
	var created []download.File
	err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		created = created[:0]
		taken, err := download.TakeKept(ctx, tx, keptOwner(v), download.KeptIDs(kept))
		if err != nil {
			return err
		}
		type item struct {
			title, name string
			st          filestore.Stored
		}
		var items []item
		for _, k := range taken {
			items = append(items, item{titles[k.ID], k.Name, k.Stored})
		}
		for _, up := range u.Files { // one at most: several are titled first
			t := u.Get("title")
			if t == "" {
				t = download.TitleOf(up.Name)
			}
			items = append(items, item{t, up.Name, up.Stored})
		}
		for _, it := range items {
			in := fileFromForm(u.Form)
			in.TenantID, in.Title = v.P.TenantID, it.title
			ver := download.Version{Key: it.st.Key, Name: it.name, Size: it.st.Size, Type: it.st.Type, SHA256: it.st.SHA256,
				UploadedBy: v.Member.Name}
			f, err := download.Create(ctx, tx, in, companies, ver, a.env.Now())
			if err != nil {
				return err
			}
			created = append(created, f)
			if u.Get("notify") == "1" { // unticked: published silently
				if _, err := download.QueueNotices(ctx, tx, v.P.TenantID, f.ID, f.Current.ID, a.env.Now()); err != nil {
					return err
				}
			}
			by := v.actor(r, a.env)
			if err := audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.DownloadUploaded, fileTarget(f), by.IP, a.env.Now()); err != nil {
				return err
			}
			if err := a.auditFileCompanies(ctx, tx, r, v, f, nil); err != nil { // the companies chosen for it
				return err
			}
		}
		return nil
	})
	return created, err
}
