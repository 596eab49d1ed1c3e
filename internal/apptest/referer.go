package apptest

import (
	"net/http"
	"net/url"
	"strings"
)

// PostFrom submits a form to path as a browser does from the page referer (a full
// address, or a path on the server): with that Referer, which handlers that return to
// the page the form was on (web.BackTo) read.
func (c *Client) PostFrom(referer, path string, form url.Values) Response {
	c.env.T.Helper()
	req, err := http.NewRequest(http.MethodPost, c.env.Srv.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		c.env.T.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if strings.HasPrefix(referer, "/") {
		referer = "http://" + c.jarURL().Host + referer
	}
	req.Header.Set("Referer", referer)
	return c.send(req)
}
