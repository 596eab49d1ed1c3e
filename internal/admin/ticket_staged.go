package admin

import (
	"context"
	"slices"

	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// A reply or note refused because others changed the ticket (ticket_stale.go) keeps
// its files as staged uploads (ticket/staged.go): the returned form lists them, each
// as a hidden "staged" id with a "staged_remove" box, and sending it again attaches
// them like freshly chosen files. Ids are only ever looked up among the member's own
// staged uploads on the ticket of the path, so a foreign or stale id is ignored.

// stagedOwner is the member's staged uploads on ticket id.
func stagedOwner(v *visit, id int64) ticket.StagedOwner {
	return ticket.StagedOwner{TenantID: v.P.TenantID, StaffID: v.Member.ID, TicketID: id}
}

// keptStaged deletes the staged uploads the form ticks to remove (rows and files)
// and returns the others it lists that are still the member's, and how many it lists
// that are not: removed by the sweep after a day, or sent already (the page after
// sending says so, so nobody believes them attached).
func (a *Admin) keptStaged(ctx context.Context, o ticket.StagedOwner, f *web.Form) ([]ticket.Staged, int, error) {
	drop := formIDs(firstStaged(f.Values["staged_remove"]))
	if len(drop) > 0 {
		var gone []ticket.Staged
		err := a.env.DB.InTx(ctx, func(tx *db.Tx) (err error) {
			gone, err = ticket.TakeStaged(ctx, tx, o, drop)
			return err
		})
		if err != nil {
			return nil, 0, err
		}
		a.env.DeleteUploads(stagedUploads(gone))
	}
	keep := slices.DeleteFunc(formIDs(firstStaged(f.Values["staged"])), func(id int64) bool { return slices.Contains(drop, id) })
	staged, err := ticket.StagedOf(ctx, a.env.DB, o, keep)
	if err != nil {
		return nil, 0, err
	}
	setStagedIDs(f, staged)
	return staged, len(keep) - len(staged), nil
}

// checkStagedLimits applies the upload limits to the staged files and the new ones
// together: at most web.MaxFiles in all, each within the tenant's size limit (which
// may have been lowered since a file was staged).
func checkStagedLimits(f *web.Form, staged []ticket.Staged, ups []web.Upload, limit int64) {
	if len(staged) == 0 || f.Errors["files"].ID != "" {
		return
	}
	if len(staged)+len(ups) > web.MaxFiles {
		f.Errors["files"] = validate.Msg{ID: "error.upload_count", Data: map[string]any{"Max": web.MaxFiles}}
		return
	}
	for _, s := range staged {
		if s.Size > limit {
			f.Errors["files"] = validate.Msg{ID: "error.upload_too_large_file", Data: map[string]any{"Name": s.Filename, "MB": limit >> 20}}
			return
		}
	}
}

// stageRefused keeps the new files of a refused reply as staged uploads and adds them
// to the form's list after the ones it already had.
func (a *Admin) stageRefused(ctx context.Context, o ticket.StagedOwner, f *web.Form, staged []ticket.Staged, ups []web.Upload) error {
	if len(ups) == 0 {
		return nil
	}
	var added []ticket.Staged
	err := a.env.DB.InTx(ctx, func(tx *db.Tx) (err error) {
		added, err = ticket.Stage(ctx, tx, o, ups, a.env.Now())
		return err
	})
	if err != nil {
		return err
	}
	setStagedIDs(f, append(slices.Clip(staged), added...))
	return nil
}

// setStagedIDs makes the form carry exactly the ids of staged.
func setStagedIDs(f *web.Form, staged []ticket.Staged) {
	if f.Values == nil {
		return
	}
	ids := make([]string, 0, len(staged))
	for _, s := range staged {
		ids = append(ids, itoa(s.ID))
	}
	f.Values["staged"] = ids
}

// firstStaged bounds the ids a form may name: a form never lists more staged files
// than a reply may carry, and a forged one with thousands would only cost queries.
func firstStaged(vals []string) []string {
	return vals[:min(len(vals), 4*web.MaxFiles)]
}

// stagedUploads are staged files as uploads, to attach or delete.
func stagedUploads(staged []ticket.Staged) []web.Upload {
	ups := make([]web.Upload, 0, len(staged))
	for _, s := range staged {
		ups = append(ups, s.Upload)
	}
	return ups
}

// stagedIDs are the ids of staged.
func stagedIDs(staged []ticket.Staged) []int64 {
	ids := make([]int64, 0, len(staged))
	for _, s := range staged {
		ids = append(ids, s.ID)
	}
	return ids
}
