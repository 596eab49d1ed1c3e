package admin

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/web"
)

// The upload form keeps its files when it is refused, and while staff give each of
// several files its title (download_create.go): they stay in the file store as kept files
// (download/kept.go), listed on the returned form each with a hidden "kept" id, its own
// title field (keptTitleField) and a "kept_remove" box. Sending the form again
// publishes them like freshly chosen files, so nobody uploads a large file twice. Ids
// are only looked up among the member's own kept files, so a foreign or stale id is
// ignored.

// keptOwner is the member's kept download files.
func keptOwner(v *visit) download.KeptOwner {
	return download.KeptOwner{TenantID: v.P.TenantID, StaffID: v.Member.ID}
}

// keptTitleField is the form field of a kept file's title.
func keptTitleField(id int64) string { return "title_" + strconv.FormatInt(id, 10) }

// keptFiles deletes the kept files the form ticks to remove (rows and contents) and
// returns the others it lists that are still o's, and whether it listed any at all.
// The form is left listing what is kept.
func (a *Admin) keptFiles(ctx context.Context, o download.KeptOwner, f *web.Form) ([]download.Kept, bool, error) {
	drop := keptFormIDs(f.Values["kept_remove"])
	if len(drop) > 0 {
		var gone []download.Kept
		err := a.env.DB.InTx(ctx, func(tx *db.Tx) (err error) {
			gone, err = download.TakeKept(ctx, tx, o, drop)
			return err
		})
		if err != nil {
			return nil, false, err
		}
		a.discardKept(gone)
	}
	listed := keptFormIDs(f.Values["kept"])
	keep := slices.DeleteFunc(slices.Clone(listed), func(id int64) bool { return slices.Contains(drop, id) })
	kept, err := download.KeptOf(ctx, a.env.DB, o, keep)
	if err != nil {
		return nil, false, err
	}
	setKeptFormIDs(f, kept)
	return kept, len(keep) > 0, nil
}

// keptTitles reads and checks each kept file's title (required, the title's limit),
// errors next to its field.
func keptTitles(f *web.Form, kept []download.Kept) map[int64]string {
	out := map[int64]string{}
	for _, k := range kept {
		t := f.Get(keptTitleField(k.ID))
		f.Errors.Text(keptTitleField(k.ID), t, true, download.MaxTitle)
		out[k.ID] = t
	}
	return out
}

// keepRefused keeps the new files of a form shown again for o and adds them to its
// list after the kept ones, each titled by title (the one title typed for a single
// file) or by its name. o's other kept files, those the form does not list, may be
// another tab's upload form, refused too or titling its files, whose list still names
// them: so they stay, up to keptElsewhere, the newest; older ones are deleted (rows and
// contents), most likely left from a form that was closed.
func (a *Admin) keepRefused(ctx context.Context, o download.KeptOwner, f *web.Form, kept []download.Kept, ups []uploadedFile, title string) error {
	if len(ups) == 0 {
		return nil
	}
	files := make([]download.Kept, 0, len(ups))
	for _, up := range ups {
		files = append(files, download.Kept{Name: up.Name, Stored: up.Stored})
	}
	var added []download.Kept
	var stale []string
	err := a.env.DB.InTx(ctx, func(tx *db.Tx) (err error) {
		if stale, err = download.DropKeptExcept(ctx, tx, o, download.KeptIDs(kept), keptElsewhere); err != nil {
			return err
		}
		added, err = download.Keep(ctx, tx, o, files, a.env.Now())
		return err
	})
	if err != nil {
		a.discard(ups)
		return err
	}
	for _, key := range stale {
		if err := a.env.Files.Delete(key); err != nil {
			a.env.Log.Warn("download: discard kept file", "key", key, "err", err)
		}
	}
	for _, k := range added {
		t := download.TitleOf(k.Name)
		if len(kept)+len(added) == 1 { // the title field's text and error move to the file's
			if title != "" {
				t = title
			}
			if m, ok := f.Errors["title"]; ok {
				f.Errors[keptTitleField(k.ID)] = m
				delete(f.Errors, "title")
			}
		}
		f.Set(keptTitleField(k.ID), t)
	}
	setKeptFormIDs(f, append(slices.Clip(kept), added...))
	return nil
}

// keptElsewhere is how many of a member's kept files that a form shown again does not
// list stay for other forms: another upload form's worth, as from a second tab. The
// ticket forms keep the same number (web/kept_files.go), two of their smaller forms.
const keptElsewhere = maxUploadFiles

// discardKept deletes the contents of kept files whose rows are gone.
func (a *Admin) discardKept(kept []download.Kept) {
	for _, k := range kept {
		if err := a.env.Files.Delete(k.Key); err != nil {
			a.env.Log.Warn("download: discard kept file", "key", k.Key, "err", err)
		}
	}
}

// setKeptFormIDs makes the form list exactly kept.
func setKeptFormIDs(f *web.Form, kept []download.Kept) {
	ids := make([]string, 0, len(kept))
	for _, k := range kept {
		ids = append(ids, strconv.FormatInt(k.ID, 10))
	}
	f.Values["kept"] = ids
}

// keptFormIDs reads the ids a form lists, each once; a form lists at most
// maxUploadFiles, so a forged one with thousands is cut short.
func keptFormIDs(vals []string) []int64 {
	var out []int64
	for _, s := range vals[:min(len(vals), 2*maxUploadFiles)] {
		if id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64); err == nil && id > 0 && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
