package admin

import "strings"

// oneNewline turns the CRLF line breaks a browser sends from a textarea into "\n", so
// a reason reads the same in the mail's text, the audit log and the page.
func oneNewline(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }
