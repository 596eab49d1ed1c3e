package session

import "strings"

// Device names the browser and system of a User-Agent header as people know them
// ("Firefox", "Windows"), so a list of sessions reads "Firefox on Windows" rather than
// a header nobody can read; empty when it cannot tell. Order matters: Edge and Opera
// also say "Chrome", Chrome also says "Safari", Android also says "Linux".
func Device(ua string) (browser, system string) {
	for _, b := range [][2]string{{"Edg/", "Edge"}, {"EdgA/", "Edge"}, {"EdgiOS/", "Edge"}, {"OPR/", "Opera"}, {"Firefox/", "Firefox"},
		{"FxiOS/", "Firefox"}, {"CriOS/", "Chrome"}, {"Chromium/", "Chromium"},
		{"Chrome/", "Chrome"}, {"Safari/", "Safari"}} {
		if strings.Contains(ua, b[0]) {
			browser = b[1]
			break
		}
	}
	for _, s := range [][2]string{{"Windows", "Windows"}, {"iPhone", "iOS"}, {"iPad", "iPadOS"}, {"Android", "Android"},
		{"Mac OS X", "macOS"}, {"CrOS", "ChromeOS"}, {"Linux", "Linux"}} {
		if strings.Contains(ua, s[0]) {
			system = s[1]
			break
		}
	}
	return browser, system
}
