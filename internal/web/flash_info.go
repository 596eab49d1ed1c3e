package web

import "net/http"

// FlashInfo stores a flash message shown as neutral information (class "flash info",
// like the "_notice" ids) on the next page, then redirects (303) to to: for "it was
// so already" answers (access already granted, a setting already on, an item already
// open), where nothing changed. Shown green, they read as if the click had done
// something.
func (e *Env) FlashInfo(w http.ResponseWriter, r *http.Request, msgID, to string) {
	e.Flash(w, r, infoMark+msgID, to)
}

// infoMark leads a stored flash that FlashInfo made. A forged cookie can at most
// show one of the product's own messages in the neutral colour.
const infoMark = "~"

// FlashInfoParts is FlashParts shown as neutral information, for a result in which
// nothing changed because everything was so already.
func (e *Env) FlashInfoParts(w http.ResponseWriter, r *http.Request, to string, parts ...FlashPart) {
	e.Flash(w, r, infoMark+encodeParts(parts), to)
}
