package download

import (
	"context"
	"database/sql"

	"pforte/internal/db"
	"pforte/internal/filestore"
)

// RefreshTypes records again the content type of every version whose stored file is
// told apart better today than when it was uploaded: Word, Excel and PowerPoint files
// (and OpenDocument ones) were kept as "application/zip", which some browsers unpack
// instead of saving, and the download page named them as archives. It runs at start
// once per Version (db.Refresh), reading the first bytes of each file (and a zip's
// directory), and records what the upload form would record today
// (filestore.TypeFor). A version whose content contradicts its name keeps its type:
// the upload form refuses such files now, and ServeType sends them as plain bytes
// anyway. A file that cannot be read keeps its type too; it is no reason not to start.
func RefreshTypes(ctx context.Context, q db.Querier, files *filestore.Store) (int, error) {
	return db.Refresh{
		Name:    "download_types",
		Version: 2, // 1: office documents told apart by their entries; programs, OLE and lenient PDFs recognised; 2: text mentioning "%PDF-" and tar archives no PDFs
		Select:  `SELECT id, storage_key, original_name, content_type FROM download_versions WHERE id > ? ORDER BY id LIMIT ?`,
		Update:  `UPDATE download_versions SET content_type = ? WHERE id = ? AND content_type = ?`,
		Scan: func(rows *sql.Rows) (int64, []any, []any, error) {
			var id int64
			var key, name, was string
			if err := rows.Scan(&id, &key, &name, &was); err != nil {
				return 0, nil, nil, err
			}
			sniffed, err := files.TypeOf(key)
			if err != nil {
				return id, nil, nil, nil
			}
			typ := filestore.TypeFor(name, sniffed)
			if _, bad := filestore.Contradicts(name, typ); bad || typ == was {
				return id, nil, nil, nil
			}
			return id, []any{typ}, []any{was}, nil
		},
	}.Run(ctx, q)
}
