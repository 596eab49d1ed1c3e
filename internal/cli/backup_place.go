package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// archiveExists refuses a backup whose --out names a file that is already there.
func archiveExists(dest string) error {
	return refuse("Nothing was backed up: %s already exists, and a backup does not replace a file unasked. Name a new file with --out, or add --overwrite to replace it.", dest)
}

// placeArchive gives the whole archive written under the temporary name tmp its final
// name dest. With overwrite a file there is replaced in one step (rename). Without it
// a hard link takes the name only while it is free, so a file that appeared there
// while the archive was written (a second backup started in the same second, under the
// same default name) is kept too; the caller removes tmp. A file system without hard
// links gets a second look and a rename.
func placeArchive(tmp, dest string, overwrite bool) error {
	if !overwrite {
		err := os.Link(tmp, dest)
		if errors.Is(err, fs.ErrExist) {
			return archiveExists(dest)
		}
		if err == nil {
			return nil
		}
		if _, err := os.Lstat(dest); err == nil {
			return archiveExists(dest)
		}
	}
	if err := os.Rename(tmp, dest); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}
