package apptest

import (
	"bytes"
	"net/http"
)

// PostJSON posts a JSON body to path, as a page's script does with fetch.
func (c *Client) PostJSON(path string, body []byte) Response {
	c.env.T.Helper()
	req, err := http.NewRequest(http.MethodPost, c.env.Srv.URL+path, bytes.NewReader(body))
	if err != nil {
		c.env.T.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	return c.send(req)
}
