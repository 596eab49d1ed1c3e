package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"pforte/internal/i18n"
)

// FlashPart is one sentence of a flash message made of several: a message id and,
// when Count is above zero, the count its plural forms are chosen by.
type FlashPart struct {
	ID    string
	Count int
}

// FlashParts stores a flash message of several sentences, shown once on the next page
// as one ("12 tickets changed. 2 skipped: billed."), then redirects (303) to to. The
// first part decides whether the message reads as an error (see SetFlash).
//
// Only message ids and numbers travel in the cookie, so the words are chosen when the
// page is shown, in the reader's language, and a forged cookie can show nothing but
// the product's own messages.
func (e *Env) FlashParts(w http.ResponseWriter, r *http.Request, to string, parts ...FlashPart) {
	e.Flash(w, r, encodeParts(parts), to)
}

// encodeParts is how FlashParts stores its parts: "id:count,id".
func encodeParts(parts []FlashPart) string {
	enc := make([]string, 0, len(parts))
	for _, p := range parts {
		if p.Count > 0 {
			enc = append(enc, p.ID+":"+strconv.Itoa(p.Count))
		} else {
			enc = append(enc, p.ID)
		}
	}
	return strings.Join(enc, ",")
}

// FlashError stores a flash message shown as an error (class "flash error",
// role="alert") on the next page, then redirects (303) to to: a refusal (a rule said
// no, nothing changed) says so where it is made, whatever its id is called. Ids under
// "error." and ids ending in "_failed" read as errors with Flash too.
func (e *Env) FlashError(w http.ResponseWriter, r *http.Request, msgID, to string) {
	e.Flash(w, r, errorMark+msgID, to)
}

// errorMark leads a stored flash that FlashError made. A forged cookie can at most
// colour one of the product's own messages red.
const errorMark = "!"

// flashText translates a stored flash: one message id, or the parts FlashParts
// joined ("id:count,id"), each translated and put together in their order. isErr is
// true when FlashError stored it or the first part is named as an error message.
func flashText(ctx context.Context, stored string) (text string, isErr bool) {
	l := i18n.From(ctx)
	stored, isErr = strings.CutPrefix(stored, errorMark)
	parts := strings.Split(stored, ",")
	out := make([]string, 0, len(parts))
	for i, part := range parts {
		id, count, counted := strings.Cut(part, ":")
		if i == 0 && !isErr {
			isErr = strings.HasPrefix(id, "error.") || strings.HasSuffix(id, "_failed")
		}
		if n, err := strconv.Atoi(count); counted && err == nil && n > 0 {
			out = append(out, l.N(id, n, nil))
		} else {
			out = append(out, l.T(id))
		}
	}
	return strings.Join(out, " "), isErr
}
