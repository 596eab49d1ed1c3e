// Package download is the download area (esweb's "Download"): folders, nested through a
// parent, and files that all customers or only chosen companies may see. Every upload
// of a file is a version; the newest is the current one and the older ones stay as
// history. Downloads are counted per file and per version and logged — who, for which
// company, when, which version — so staff can see who downloaded what.
//
// Staff functions take a tenant id; portal functions take the contact's principal, so
// a portal query cannot leave out tenant or company.
package download

import (
	"errors"
	"path"
	"strings"
	"time"
	"unicode"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// Module is the tenant module switch of the download area.
const Module = "downloads"

// Visibility of a file.
const (
	VisibleAll       = "all"       // every customer company of the tenant
	VisibleCompanies = "companies" // only the companies chosen for the file
)

// Field limits.
const (
	MaxTitle       = 200
	MaxDescription = 4000
	MaxFolderName  = 120
	MaxFileName    = 255
)

// Upload limits. A tenant may change its limit (Settings); DefaultMaxUpload applies
// until it does, and MaxUploadCeiling bounds what it may choose.
const (
	DefaultMaxUpload int64 = 200 << 20
	MaxUploadCeiling int64 = 4 << 30
)

// ErrFolderNotEmpty means a folder still holds subfolders or files and cannot be deleted.
var ErrFolderNotEmpty = errors.New("download: folder is not empty")

// Folder is a folder of the download area.
type Folder struct {
	ID        int64
	TenantID  int64
	ParentID  int64 // 0: top level
	Name      string
	Position  int // sort order among siblings, then the name
	CreatedAt time.Time
	UpdatedAt time.Time
	Depth     int   // set by Tree: 0 for top-level folders
	Files     int64 // portal: files the company may see in the folder and below it
}

// File is a downloadable file with its current version.
type File struct {
	ID          int64
	TenantID    int64
	FolderID    int64 // 0: top level
	Title       string
	Description string
	Visibility  string
	Downloads   int64 // counted downloads of all versions
	CreatedAt   time.Time
	UpdatedAt   time.Time // time of the newest upload or edit
	Current     Version
}

// Version is one upload of a file.
type Version struct {
	ID         int64
	TenantID   int64
	FileID     int64
	Number     int    // 1 for the first upload, counting up
	Key        string // name in the file store; never shown
	Name       string // the original file name, offered when downloading
	Size       int64
	Type       string // sniffed content type
	SHA256     string
	Downloads  int64
	UploadedBy string // staff member who uploaded it, kept as it was then
	CreatedAt  time.Time
}

// Normalize trims what staff typed.
func (f *File) Normalize() {
	f.Title = strings.TrimSpace(validate.Clean(f.Title))
	f.Description = strings.TrimSpace(strings.ReplaceAll(validate.Clean(f.Description), "\r\n", "\n"))
	if f.Visibility == "" {
		f.Visibility = VisibleAll
	}
}

// Validate checks a file's fields. companies is the number of chosen companies.
func (f File) Validate(companies int) validate.Errors {
	e := validate.Errors{}
	e.Text("title", f.Title, true, MaxTitle)
	e.MaxLen("description", f.Description, MaxDescription)
	switch f.Visibility {
	case VisibleAll:
	case VisibleCompanies:
		if companies == 0 {
			e.Add("company_id", "downloads_admin.companies_required", nil)
		}
	default:
		e.Add("visibility", "error.form_invalid", nil)
	}
	return e
}

// searchText is what a search looks through for a file: title, description and the
// current version's file name (with its extension: "csv" finds the CSV files),
// lower-cased like the terms (db.SearchTerm). Folder names are matched separately
// (ListParams.filter), since renaming a folder must not rewrite its files. When
// folding changes the text (umlauts), its folded spelling follows, for searches
// typed without umlauts (the filter folds the term).
func searchText(title, description, fileName string) string {
	s := strings.ToLower(title + " " + description + " " + fileName)
	if f := db.Fold(s); f != s {
		s += "\n" + f // on a line of its own: no term spans the two
	}
	return s
}

// CleanName makes a client's file name safe to keep and to offer again: the base name
// only, valid UTF-8, no control characters, at most MaxFileName bytes; "download" when
// nothing is left.
func CleanName(name string) string {
	name = strings.ReplaceAll(validate.Clean(name), `\`, "/")
	name = path.Base(name)
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if name == "" || name == "." || name == "/" || name == ".." {
		return "download"
	}
	return validate.Truncate(name, MaxFileName)
}

// TitleOf derives a title from a file name: the name without its extension, its
// underscores as spaces.
func TitleOf(name string) string {
	if ext := path.Ext(name); ext != "" && len(ext) < len(name) {
		name = strings.TrimSuffix(name, ext)
	}
	// "Preisliste_2026" was named for a file system, not for reading.
	if t := strings.Join(strings.Fields(strings.ReplaceAll(name, "_", " ")), " "); t != "" {
		name = t
	}
	return validate.Truncate(strings.TrimSpace(name), MaxTitle)
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
