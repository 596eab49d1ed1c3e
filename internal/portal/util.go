package portal

import "strconv"

func parseID(s string) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id > 0
}

// dash shows an en dash for an empty value, so empty rows do not look broken.
func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
