package web

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/ticket"
	"pforte/internal/validate"
)

// A form with files that is refused keeps its files as staged uploads
// (ticket/staged.go), whoever sent it: the back office's reply or note (refused because
// others changed the ticket, or for bad input) and the portal's new ticket and reply
// (for bad input). The returned form lists them (KeptFileList), each as a hidden
// "staged" id with a "staged_remove" box, and sending it again attaches them like
// freshly chosen files. Ids are only ever looked up among the owner's own staged
// uploads (tenant, staff member or contact and company, ticket or none), so a foreign
// or stale id is ignored.

// KeptFiles deletes the kept files the form ticks to remove (rows and files) and
// returns the others it lists that are still o's, and how many it lists that are not:
// removed by the sweep after a day, or sent already (the page after sending may say
// so, so nobody believes them attached). The form is left listing what is kept.
func (e *Env) KeptFiles(ctx context.Context, o ticket.StagedOwner, f *Form) ([]ticket.Staged, int, error) {
	drop := keptIDs(f.Values["staged_remove"])
	if len(drop) > 0 {
		var gone []ticket.Staged
		err := e.DB.InTx(ctx, func(tx *db.Tx) (err error) {
			gone, err = ticket.TakeStaged(ctx, tx, o, drop)
			return err
		})
		if err != nil {
			return nil, 0, err
		}
		e.DeleteUploads(ticket.StagedUploads(gone))
	}
	keep := slices.DeleteFunc(keptIDs(f.Values["staged"]), func(id int64) bool { return slices.Contains(drop, id) })
	kept, err := ticket.StagedOf(ctx, e.DB, o, keep)
	if err != nil {
		return nil, 0, err
	}
	setKeptIDs(f, kept)
	return kept, len(keep) - len(kept), nil
}

// ListedKept returns the kept files f lists that are o's, for showing the form again.
func ListedKept(ctx context.Context, q db.Querier, o ticket.StagedOwner, f Form) ([]ticket.Staged, error) {
	return ticket.StagedOf(ctx, q, o, keptIDs(f.Values["staged"]))
}

// CheckKeptLimits applies the upload limits to the kept files and the new ones
// together: at most MaxFiles in all, each within the tenant's size limit (which may
// have been lowered since a file was kept).
func CheckKeptLimits(f *Form, kept []ticket.Staged, ups []Upload, limit int64) {
	if len(kept) == 0 || (f.Errors["files"].ID != "" && !RefusedFiles(f.Errors["files"])) {
		return
	}
	if len(kept)+len(ups) > MaxFiles { // the files to keep would not fit a message
		f.Errors["files"] = validate.Msg{ID: "error.upload_count", Data: map[string]any{"Max": MaxFiles}}
		return
	}
	if f.Errors["files"].ID != "" {
		return // a refused file is named already
	}
	for _, s := range kept {
		if s.Size > limit {
			f.Errors["files"] = validate.Msg{ID: "error.upload_too_large_file", Data: map[string]any{"Name": s.Filename, "MB": limit >> 20}}
			return
		}
	}
}

// KeepRefused keeps the new files ups of a refused form for o and adds them to the
// form's list after the kept ones it had, also when the "files" field refused other
// files chosen with them (too large, empty or not what their name says: the error
// names those). Files the field refused as a whole (too many, with the kept ones) are
// deleted instead: their error says to choose again.
//
// o's other kept files, those the form does not list, may be another form's: the same
// form open in another tab (two new tickets begun at once), refused too, whose list
// still names them. So they stay, up to keptElsewhere files, the newest; older ones are
// deleted (rows and files), most likely left from a refusal whose form was closed or
// sent without its list. A form posted again and again with files but without its list
// keeps its own files and keptElsewhere more per owner and ticket, not a new batch for
// every post until the sweep.
func (e *Env) KeepRefused(ctx context.Context, o ticket.StagedOwner, f *Form, kept []ticket.Staged, ups []Upload) error {
	if len(ups) == 0 {
		return nil
	}
	if m := f.Errors["files"]; m.ID != "" && !RefusedFiles(m) {
		e.DeleteUploads(ups)
		return nil
	}
	var added []ticket.Staged
	var stale []string
	err := e.DB.InTx(ctx, func(tx *db.Tx) (err error) {
		if added, err = ticket.Stage(ctx, tx, o, ups, e.Now()); err != nil {
			return err
		}
		mine := append(ticket.StagedIDs(kept), ticket.StagedIDs(added)...)
		stale, err = ticket.DropStagedExcept(ctx, tx, o, mine, keptElsewhere)
		return err
	})
	if err != nil {
		e.DeleteUploads(ups)
		return err
	}
	for _, key := range stale {
		e.Files.Delete(key)
	}
	setKeptIDs(f, append(slices.Clip(kept), added...))
	return nil
}

// keptElsewhere is how many kept files of one owner and ticket that a refused form does
// not list stay for other forms: two more forms' worth, as from two other tabs.
const keptElsewhere = 2 * MaxFiles

// DropKept deletes the files of a refused form that cannot be sent again (a reply to a
// ticket that takes none any more): the new ones ups and the kept ones it lists that
// are o's, rows and files. The form's "files" field says they were not kept, so nobody
// believes them attached.
func (e *Env) DropKept(ctx context.Context, o ticket.StagedOwner, f *Form, ups []Upload) error {
	e.DeleteUploads(ups)
	var gone []ticket.Staged
	err := e.DB.InTx(ctx, func(tx *db.Tx) (err error) {
		gone, err = ticket.TakeStaged(ctx, tx, o, keptIDs(f.Values["staged"]))
		return err
	})
	if err != nil {
		return err
	}
	e.DeleteUploads(ticket.StagedUploads(gone))
	if len(ups)+len(gone) > 0 {
		f.Errors["files"] = validate.Msg{ID: "kept_files.not_kept"}
	}
	setKeptIDs(f, nil)
	return nil
}

// setKeptIDs makes the form carry exactly the ids of kept.
func setKeptIDs(f *Form, kept []ticket.Staged) {
	if f.Values == nil {
		return
	}
	ids := make([]string, 0, len(kept))
	for _, s := range kept {
		ids = append(ids, strconv.FormatInt(s.ID, 10))
	}
	f.Values["staged"] = ids
}

// keptIDs reads the ids of a form's list, each once. A form never lists more kept
// files than a message may carry; a forged one with thousands would only cost queries,
// so only the first few are read.
func keptIDs(vals []string) []int64 {
	var out []int64
	for _, s := range vals[:min(len(vals), 4*MaxFiles)] {
		if id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64); err == nil && id > 0 && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// IsolateName wraps a person's or file's name in Unicode's first-strong isolate on
// right-to-left pages, so it does not reorder the sentence around it; left-to-right
// pages get it unchanged.
func IsolateName(ctx context.Context, name string) string {
	if i18n.Dir(i18n.From(ctx).Lang) != "rtl" || name == "" {
		return name
	}
	return "\u2068" + name + "\u2069"
}
