package apptest

import (
	"bytes"
	"io"
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
	if c.host != "" {
		req.Host = c.host
	}
	res, err := c.http.Do(req)
	if err != nil {
		c.env.T.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return Response{Status: res.StatusCode, Body: string(b), Location: res.Header.Get("Location"), Header: res.Header}
}
