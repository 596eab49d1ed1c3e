package download

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// fileColumns reads a file with its current version (the LEFT JOIN keeps a file whose
// first upload is still missing visible to staff).
const fileColumns = `f.id, f.tenant_id, COALESCE(f.folder_id, 0), f.title, f.description, f.visibility, f.downloads,
	f.created_at, f.updated_at, COALESCE(v.id, 0), COALESCE(v.number, 0), COALESCE(v.storage_key, ''),
	COALESCE(v.original_name, ''), COALESCE(v.size, 0), COALESCE(v.content_type, ''), COALESCE(v.sha256, ''),
	COALESCE(v.downloads, 0), COALESCE(v.uploaded_by, ''), COALESCE(v.created_at, 0)`

const fileFrom = ` FROM download_files f LEFT JOIN download_versions v ON v.id = f.current_version_id `

func scanFile(row interface{ Scan(...any) error }) (File, error) {
	var f File
	var created, updated, vcreated int64
	err := row.Scan(&f.ID, &f.TenantID, &f.FolderID, &f.Title, &f.Description, &f.Visibility, &f.Downloads,
		&created, &updated, &f.Current.ID, &f.Current.Number, &f.Current.Key, &f.Current.Name, &f.Current.Size,
		&f.Current.Type, &f.Current.SHA256, &f.Current.Downloads, &f.Current.UploadedBy, &vcreated)
	f.CreatedAt, f.UpdatedAt, f.Current.CreatedAt = time.Unix(created, 0), time.Unix(updated, 0), time.Unix(vcreated, 0)
	f.Current.TenantID, f.Current.FileID = f.TenantID, f.ID
	return f, db.One(err)
}

func scanFiles(rows *sql.Rows, err error) ([]File, error) {
	if err != nil {
		return nil, fmt.Errorf("download: list: %w", err)
	}
	defer rows.Close()
	var out []File
	for rows.Next() {
		f, err := scanFile(rows)
		if err != nil {
			return nil, fmt.Errorf("download: list: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// Get loads a file of the tenant; another tenant's file is db.ErrNotFound.
func Get(ctx context.Context, q db.Querier, tenantID, id int64) (File, error) {
	return scanFile(q.QueryRow(ctx, `SELECT `+fileColumns+fileFrom+`WHERE f.tenant_id = ? AND f.id = ?`, tenantID, id))
}

// MaxSearch is how much of a search is used, in characters: the search box's maxlength,
// as in the knowledge base (kb.MaxSearch) and the ticket list.
const MaxSearch = 200

// SearchQuery is the search a list page reads from its ?q=: cleaned and cut to
// MaxSearch characters, so a longer query from a hand-made address is neither searched
// nor echoed ("Results for …") in full. The portal and the back office share it.
func SearchQuery(raw string) string {
	return validate.TruncateChars(validate.Clean(raw), MaxSearch)
}

// ListParams selects files for a list page.
type ListParams struct {
	FolderID int64 // the folder whose files are listed (0: top level); ignored while searching
	// Search finds, in every folder, the files whose title, description or file name
	// (extension included) contains it, and the files in a folder whose name, or the
	// name of a folder above it, contains it.
	Search string
	// Names and Lang: a search also finds folders by their name in the reader's
	// language (the portal's), besides the main name staff see.
	Names  FolderNames
	Lang   string
	Offset int
	Limit  int
}

// maxFolderMatches bounds the folders a search names in its query; a term matching
// more folders than that matches almost everything anyway.
const maxFolderMatches = 500

// filter adds the folder or search condition of p to where (whose arguments are args).
func (p ListParams) filter(ctx context.Context, q db.Querier, tenantID int64, where string, args []any) (string, []any, error) {
	// Folded (db.Fold): the search text holds the folded spelling too, so "waerme"
	// and "wärme" both find "Wärme" and "Waerme".
	term := db.Fold(db.SearchTerm(validate.Clean(p.Search)))
	if term == "" {
		if p.FolderID == 0 {
			return where + ` AND f.folder_id IS NULL`, args, nil
		}
		return where + ` AND f.folder_id = ?`, append(args, p.FolderID), nil
	}
	cond := `f.search LIKE ? ESCAPE '\'`
	args = append(args, "%"+db.LikeEscape(term)+"%")
	// A download area holds tens or hundreds of folders: they are matched here, in
	// Go (Unicode case folding on both engines), and their files found through the
	// folder index. A file is not rewritten when its folder is renamed.
	all, err := Folders(ctx, q, tenantID)
	if err != nil {
		return "", nil, err
	}
	ids := MatchingFolders(all, term)
	if p.Lang != "" {
		ids = withNamed(ids, all, p.Names, p.Lang, term)
	}
	if len(ids) > 0 {
		cond += ` OR f.folder_id IN (` + db.Marks(len(ids)) + `)`
		for _, id := range ids {
			args = append(args, id)
		}
	}
	return where + ` AND (` + cond + `)`, args, nil
}

// MatchingFolders returns the ids of the folders whose name, or the name of a folder
// above them, contains term (as db.SearchTerm gives it, then db.Fold), folded spellings
// compared, at most maxFolderMatches.
func MatchingFolders(all []Folder, term string) []int64 {
	byID := make(map[int64]Folder, len(all))
	for _, f := range all {
		byID[f.ID] = f
	}
	known := make(map[int64]bool, len(all)) // folder id → it or a folder above matches
	var matches func(id int64, depth int) bool
	matches = func(id int64, depth int) bool {
		if m, ok := known[id]; ok {
			return m
		}
		f, ok := byID[id]
		if !ok || depth > len(all) { // a lost parent, or a loop the tree rules forbid
			return false
		}
		m := strings.Contains(db.Fold(strings.ToLower(f.Name)), term) || (f.ParentID != 0 && matches(f.ParentID, depth+1))
		known[id] = m
		return m
	}
	var out []int64
	for _, f := range all {
		if matches(f.ID, 0) {
			out = append(out, f.ID)
			if len(out) == maxFolderMatches {
				break
			}
		}
	}
	return out
}

// withNamed adds to ids the folders matching term by their names in lang, up to
// maxFolderMatches in all.
func withNamed(ids []int64, all []Folder, n FolderNames, lang, term string) []int64 {
	named := slices.Clone(all)
	n.Folders(lang, named)
	for _, id := range MatchingFolders(named, term) {
		if len(ids) == maxFolderMatches {
			break
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// page runs a list query newest first, one row more than p.Limit to tell whether
// another page follows.
func page(ctx context.Context, q db.Querier, p ListParams, where string, args []any) ([]File, bool, error) {
	if p.Limit <= 0 || p.Limit > 200 {
		p.Limit = 50
	}
	list, err := scanFiles(q.Query(ctx, `SELECT `+fileColumns+fileFrom+`WHERE `+where+
		` ORDER BY f.updated_at DESC, f.id DESC LIMIT ? OFFSET ?`, append(args, p.Limit+1, p.Offset)...))
	if err != nil || len(list) <= p.Limit {
		return list, false, err
	}
	return list[:p.Limit], true, nil
}

// List returns the tenant's files of a folder, or matching a search, newest first, for
// the back office.
func List(ctx context.Context, q db.Querier, tenantID int64, p ListParams) ([]File, bool, error) {
	where, args, err := p.filter(ctx, q, tenantID, `f.tenant_id = ?`, []any{tenantID})
	if err != nil {
		return nil, false, err
	}
	return page(ctx, q, p, where, args)
}

const versionColumns = `id, tenant_id, file_id, number, storage_key, original_name, size, content_type, sha256,
	downloads, uploaded_by, created_at`

func scanVersion(row interface{ Scan(...any) error }) (Version, error) {
	var v Version
	var created int64
	err := row.Scan(&v.ID, &v.TenantID, &v.FileID, &v.Number, &v.Key, &v.Name, &v.Size, &v.Type, &v.SHA256,
		&v.Downloads, &v.UploadedBy, &created)
	v.CreatedAt = time.Unix(created, 0)
	return v, db.One(err)
}

// Versions lists a file's versions, newest first.
func Versions(ctx context.Context, q db.Querier, tenantID, fileID int64) ([]Version, error) {
	rows, err := q.Query(ctx, `SELECT `+versionColumns+` FROM download_versions WHERE tenant_id = ? AND file_id = ?
		ORDER BY number DESC`, tenantID, fileID)
	if err != nil {
		return nil, fmt.Errorf("download: versions of %d: %w", fileID, err)
	}
	defer rows.Close()
	var out []Version
	for rows.Next() {
		v, err := scanVersion(rows)
		if err != nil {
			return nil, fmt.Errorf("download: versions of %d: %w", fileID, err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// GetVersion loads a version of the tenant.
func GetVersion(ctx context.Context, q db.Querier, tenantID, id int64) (Version, error) {
	return scanVersion(q.QueryRow(ctx, `SELECT `+versionColumns+` FROM download_versions WHERE tenant_id = ? AND id = ?`,
		tenantID, id))
}

// CompanyRef names a company a file is visible to.
type CompanyRef struct {
	ID   int64
	Name string
}

// Companies lists the companies a file is visible to, by name.
func Companies(ctx context.Context, q db.Querier, tenantID, fileID int64) ([]CompanyRef, error) {
	rows, err := q.Query(ctx, `SELECT c.id, c.name FROM download_file_companies fc
		JOIN companies c ON c.id = fc.company_id AND c.tenant_id = fc.tenant_id
		WHERE fc.tenant_id = ? AND fc.file_id = ? ORDER BY c.name, c.id`, tenantID, fileID)
	if err != nil {
		return nil, fmt.Errorf("download: companies of %d: %w", fileID, err)
	}
	defer rows.Close()
	var out []CompanyRef
	for rows.Next() {
		var c CompanyRef
		if err := rows.Scan(&c.ID, &c.Name); err != nil {
			return nil, fmt.Errorf("download: companies of %d: %w", fileID, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CompanyNames looks up the tenant's companies among ids, by name; unknown ids and other
// tenants' companies are left out. Forms use it to show the companies chosen so far.
func CompanyNames(ctx context.Context, q db.Querier, tenantID int64, ids []int64) ([]CompanyRef, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	if len(ids) > 1000 {
		ids = ids[:1000]
	}
	args := []any{tenantID}
	for _, id := range ids {
		args = append(args, id)
	}
	marks := db.Marks(len(ids))
	rows, err := q.Query(ctx, `SELECT id, name FROM companies WHERE tenant_id = ? AND id IN (`+marks+`) ORDER BY name, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("download: company names: %w", err)
	}
	defer rows.Close()
	var out []CompanyRef
	for rows.Next() {
		var c CompanyRef
		if err := rows.Scan(&c.ID, &c.Name); err != nil {
			return nil, fmt.Errorf("download: company names: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
