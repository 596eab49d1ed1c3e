package i18n

// sizeUnits are the short names of bytes, kilobytes, megabytes and gigabytes where a
// language does not write B, KB, MB and GB: French counts in octets, as the French
// upload hints do ("Mo").
var sizeUnits = map[string][4]string{
	"fr": {"o", "Ko", "Mo", "Go"},
}

var defaultSizeUnits = [4]string{"B", "KB", "MB", "GB"}

// FileSize shows a byte count the way people read file sizes, in the reader's language:
// bytes below 1 KB ("87 B", never "0 KB"), else binary multiples with one decimal below
// 100 ("1,5 MB" in German, "1.5 MB" in English, "1,5 Mo" in French). A non-breaking
// space keeps number and unit on one line.
func (l *Localizer) FileSize(n int64) string {
	units, ok := sizeUnits[l.Lang]
	if !ok {
		units = defaultSizeUnits
	}
	if n < 1024 {
		return l.Number(float64(max(n, 0))) + "\u00a0" + units[0]
	}
	v, u := float64(n)/1024, 1
	for v >= 1024 && u < len(units)-1 {
		v /= 1024
		u++
	}
	if v >= 100 {
		v = float64(int64(v + 0.5)) // "312 MB", not "312,4 MB"
	} else {
		v = float64(int64(v*10+0.5)) / 10
	}
	return l.Number(v) + "\u00a0" + units[u]
}
