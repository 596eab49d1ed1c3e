package web

// TextLinks are the http(s) addresses in plain text, at most max, found as
// LinkedText finds them: without the sentence's punctuation after them ("The portal
// is at https://x.de." lists https://x.de) and without a closing bracket they did not
// open.
func TextLinks(s string, max int) []string {
	var out []string
	for _, p := range linkParts(s) {
		if len(out) == max {
			break
		}
		if p.link {
			out = append(out, p.text)
		}
	}
	return out
}
