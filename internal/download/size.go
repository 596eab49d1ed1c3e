package download

import "pforte/internal/i18n"

// HumanSize writes a byte count the way people read file sizes ("1,5 MB" in German,
// "1.5 MB" in English): binary multiples with the usual short unit names.
func HumanSize(l *i18n.Localizer, n int64) string {
	units := []string{"KB", "MB", "GB", "TB"}
	if n < 1024 {
		return l.Number(float64(n)) + " B"
	}
	v, u := float64(n)/1024, 0
	for v >= 1024 && u < len(units)-1 {
		v /= 1024
		u++
	}
	if v >= 100 {
		v = float64(int64(v + 0.5)) // "312 MB", not "312,45 MB"
	} else {
		v = float64(int64(v*10+0.5)) / 10
	}
	return l.Number(v) + " " + units[u]
}
