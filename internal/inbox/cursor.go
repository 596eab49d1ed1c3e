package inbox

import (
	"strconv"
	"strings"
)

// Cursor is where a page of the list ends: the last item's activity (unix seconds)
// and id. The next page starts after it (Filter.After).
type Cursor struct {
	At, ID int64
}

// CursorOf is the cursor after item it.
func CursorOf(it Item) Cursor { return Cursor{At: it.ActiveAt.Unix(), ID: it.ID} }

// String is the cursor as a paging link carries it: "<at>_<id>".
func (c Cursor) String() string {
	return strconv.FormatInt(c.At, 10) + "_" + strconv.FormatInt(c.ID, 10)
}

// ParseCursor reads a cursor written by String; ok is false for anything else (a
// mangled link, or one from before the list went by activity), which the list
// answers with its first page.
func ParseCursor(s string) (c Cursor, ok bool) {
	at, id, found := strings.Cut(s, "_")
	if !found {
		return Cursor{}, false
	}
	var err1, err2 error
	c.At, err1 = strconv.ParseInt(at, 10, 64)
	c.ID, err2 = strconv.ParseInt(id, 10, 64)
	if err1 != nil || err2 != nil || c.At < 0 || c.ID < 1 {
		return Cursor{}, false
	}
	return c, true
}
