package backup

import (
	"archive/tar"
	"compress/flate"
	"compress/gzip"
	"errors"
	"io"
	"strings"
)

// damaged words err as a Refusal when it says the archive itself is broken: cut off
// while it was written or copied (the stream ends early), or its compression or tar
// structure is corrupt. The rows' transaction was rolled back, so nothing is in the
// database and the restore can be run again with a whole archive; a raw "row 243:
// unexpected EOF" left the operator to guess that. Other errors pass unchanged.
func damaged(err error) error {
	var corrupt flate.CorruptInputError
	if !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, gzip.ErrChecksum) && !errors.Is(err, gzip.ErrHeader) &&
		!errors.Is(err, tar.ErrHeader) && !errors.As(err, &corrupt) {
		return err
	}
	return refuse("The archive is incomplete or damaged (%s): it was probably cut off while it was written or copied. "+
		"Copy it again, or restore another backup.", strings.TrimPrefix(err.Error(), "backup: "))
}
