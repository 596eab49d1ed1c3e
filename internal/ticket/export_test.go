package ticket

// SetCommonAt lets tests reach both ways of searching the queue with little data; the
// returned function restores the threshold.
func SetCommonAt(n int) (restore func()) {
	old := commonAt
	commonAt = n
	return func() { commonAt = old }
}
