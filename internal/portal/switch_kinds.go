package portal

import (
	"net/http"

	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/i18n"
	"pforte/internal/principal"
	"pforte/internal/ticket"
)

// ticketSwitch: a ticket link (from a mail) of another of the contact's companies —
// the ticket, its rating card or one of its files — asks to switch there.
func (p *Portal) ticketSwitch() switchKind {
	return switchKind{base: "/tickets", area: "tickets", title: "weakfix.switch.title", belongs: "weakfix.switch.belongs", back: "/tickets",
		name: func(r *http.Request, there principal.Contact, id int64) (string, error) {
			_, err := ticket.ForContact(r.Context(), p.env.DB, there, id)
			return "#" + itoa(id), err
		}}
}

// fileSwitch: a download notice names files of the company it was sent for; the
// contact may be working for another of their companies when they follow it.
func (p *Portal) fileSwitch() switchKind {
	return switchKind{base: "/downloads/files", area: "downloads", title: "switch_kinds.file.title", belongs: "switch_kinds.file.belongs", back: "/downloads",
		page: true, name: func(r *http.Request, there principal.Contact, id int64) (string, error) {
			f, err := download.ForContact(r.Context(), p.env.DB, there, id)
			return f.Title, err
		}}
}

// folderSwitch: a folder link of another of the contact's companies (a colleague sent
// it, or a notice of a file in it).
func (p *Portal) folderSwitch() switchKind {
	return switchKind{base: "/downloads/folders", area: "downloads", title: "switch_kinds.folder.title", belongs: "switch_kinds.folder.belongs", back: "/downloads",
		name: func(r *http.Request, there principal.Contact, id int64) (string, error) {
			folders, err := download.FoldersForContact(r.Context(), p.env.DB, there)
			if err != nil {
				return "", err
			}
			names, err := download.LoadFolderNames(r.Context(), p.env.DB, there.TenantID)
			if err != nil {
				return "", err
			}
			names.Folders(i18n.From(r.Context()).Lang, folders) // as the folder's pages call it
			trail := download.Path(folders, id)
			if len(trail) == 0 {
				return "", db.ErrNotFound
			}
			return trail[len(trail)-1].Name, nil
		}}
}
