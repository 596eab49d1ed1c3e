package admin

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"pforte/internal/download"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// folderFromForm reads name, parent and position; a position that is not a number is
// reported next to its field.
func folderFromForm(f *web.Form) download.Folder {
	fo := download.Folder{Name: f.Get("name")}
	fo.ParentID, _ = strconv.ParseInt(f.Get("parent_id"), 10, 64)
	fo.Position = f.Errors.Position("position", f.Get("position"), 0)
	return fo
}

// folderChecked adds the folder's own errors (name, parent) to those folderFromForm
// found, so an empty name and a bad position are both reported, not only the first.
// It answers and returns false on a server error.
func (a *Admin) folderChecked(w http.ResponseWriter, r *http.Request, f *web.Form, in download.Folder) bool {
	err := download.ValidateFolder(r.Context(), a.env.DB, in)
	var ve validate.Errors
	if errors.As(err, &ve) {
		for k, m := range ve {
			f.Errors.Add(k, m.ID, m.Data)
		}
		return true
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return false
	}
	// Two folders of one name side by side look alike to customers, who cannot tell
	// which holds what; the name is refused beside the field, as for categories.
	if _, bad := f.Errors["name"]; !bad {
		all, err := download.Folders(r.Context(), a.env.DB, in.TenantID)
		if err != nil {
			a.env.Fail(w, r, err)
			return false
		}
		name := validate.Line(validate.Clean(in.Name))
		for _, o := range download.Children(all, in.ParentID) {
			if o.ID != in.ID && strings.EqualFold(o.Name, name) {
				f.Errors.Add("name", "admin_day.error.folder_taken", nil)
				break
			}
		}
	}
	return true
}

// folderCreate adds a folder below the one shown (parent_id).
func (a *Admin) folderCreate(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	if f.Err == "" {
		in := folderFromForm(&f)
		in.TenantID = v.P.TenantID
		if !a.folderChecked(w, r, &f, in) {
			return
		}
		if !f.Invalid() {
			if _, err := download.CreateFolder(r.Context(), a.env.DB, in, a.env.Now()); err != nil && !f.Take(err) {
				a.env.Fail(w, r, err)
				return
			}
		}
	}
	if f.Invalid() {
		a.renderDownloadList(w, r, v, f, http.StatusUnprocessableEntity)
		return
	}
	parent, _ := strconv.ParseInt(f.Get("parent_id"), 10, 64)
	a.env.Flash(w, r, "downloads_admin.folder_created", folderHref(parent))
}

func (a *Admin) loadFolder(w http.ResponseWriter, r *http.Request, v *visit) (download.Folder, bool) {
	return loadByPath(a, w, r, v, download.GetFolder)
}

func (a *Admin) renderFolder(w http.ResponseWriter, r *http.Request, v *visit, fo download.Folder, f web.Form, status int) {
	all, err := download.Folders(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	names, err := download.LoadFolderNames(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	parent, _ := strconv.ParseInt(f.Get("parent_id"), 10, 64)
	c := v.chrome(r, "downloads_admin.folder_edit")
	web.Render(w, r, status, folderEditPage(c, fo, download.Path(all, fo.ID), f, folderChoices(r.Context(), all, fo.ID, parent),
		len(names.Of(fo.ID))))
}
