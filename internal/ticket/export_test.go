package ticket

// SetCommonAt lets tests reach both ways of searching the queue with little data; the
// returned function restores the threshold.
func SetCommonAt(n int) (restore func()) {
	old := commonAt
	commonAt = n
	return func() { commonAt = old }
}

// SetManyOwn lets tests reach both ways of writing a user's visibility rule (visibleTo);
// the returned function restores the threshold.
func SetManyOwn(n int) (restore func()) {
	old := manyOwn
	manyOwn = n
	return func() { manyOwn = old }
}

// SetMaxMatches lets tests reach the bound of the conversation search
// (search_messages.go) with little data.
func SetMaxMatches(n int) (restore func()) {
	old := maxMatches
	maxMatches = n
	return func() { maxMatches = old }
}

// SetBackfillBatch makes IndexOlder's batches small, so a test has several.
func SetBackfillBatch(n int) (restore func()) {
	old := backfillBatch
	backfillBatch = n
	return func() { backfillBatch = old }
}

// SetStatusWalkAt lets tests list a status of a few hundred tickets the way a big one is
// listed (weighStatus); the returned function restores the threshold.
func SetStatusWalkAt(n int) (restore func()) {
	old := statusWalkAt
	statusWalkAt = n
	return func() { statusWalkAt = old }
}
