package access

import (
	"context"
	"errors"
	"time"

	"pforte/internal/twofactor"
)

// RecoveryFileTTL is how long after new recovery codes were made the page that shows
// them can still turn them into a text file.
const RecoveryFileTTL = 15 * time.Minute

// ErrCodesNotFresh means codes posted for the text file are not the owner's current
// set, or that set is older than RecoveryFileTTL or partly used.
var ErrCodesNotFresh = errors.New("access: recovery codes not offered as a file any more")

// RecoveryFileCodes checks that posted are exactly the fresh recovery codes of account
// id of owner o and returns them as they are shown ("abcde-fghjk"). The server keeps
// recovery codes only as keyed hashes, so the page showing them posts them back for
// the file; the check keeps the file to real, new, unused codes of the signed-in
// person, not any text someone sends.
func (s *Service) RecoveryFileCodes(ctx context.Context, o twofactor.Owner, tenantID, id int64, posted []string) ([]string, error) {
	if len(posted) == 0 || len(posted) > twofactor.RecoveryCount {
		return nil, ErrCodesNotFresh
	}
	fresh, err := o.FreshRecoveryHashes(ctx, s.DB, tenantID, id, s.Now().Add(-RecoveryFileTTL))
	if err != nil {
		return nil, err
	}
	want := make(map[string]bool, len(fresh))
	for _, h := range fresh {
		want[h] = true
	}
	out := make([]string, 0, len(posted))
	for _, c := range posted {
		n := twofactor.NormalizeRecovery(c)
		h := s.Keys.HashFor(o, id, n)
		if n == "" || !want[h] {
			return nil, ErrCodesNotFresh
		}
		delete(want, h)
		out = append(out, n[:5]+"-"+n[5:])
	}
	if len(want) != 0 {
		return nil, ErrCodesNotFresh
	}
	return out, nil
}
