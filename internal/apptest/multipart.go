package apptest

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
)

// File is one file of a multipart form.
type File struct {
	Field, Name string
	Data        []byte
}

// PostMultipart submits a multipart form (text fields and files) to path, the way a
// browser sends a form with enctype="multipart/form-data".
func (c *Client) PostMultipart(path string, fields map[string]string, files ...File) Response {
	c.env.T.Helper()
	vals := url.Values{}
	for k, v := range fields {
		vals.Set(k, v)
	}
	return c.PostMultipartValues(path, vals, files...)
}

// PostMultipartValues is PostMultipart for fields that repeat (checkboxes, hidden ids).
func (c *Client) PostMultipartValues(path string, fields url.Values, files ...File) Response {
	c.env.T.Helper()
	return c.send(c.multipartRequest(path, fields, files))
}

// PostMultipartJSON sends files as a page's script does with fetch and FormData,
// asking for a JSON answer (Accept: application/json).
func (c *Client) PostMultipartJSON(path string, files ...File) Response {
	c.env.T.Helper()
	req := c.multipartRequest(path, nil, files)
	req.Header.Set("Accept", "application/json")
	return c.send(req)
}

// multipartRequest builds the POST of a multipart form to path.
func (c *Client) multipartRequest(path string, fields url.Values, files []File) *http.Request {
	c.env.T.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	for _, f := range files {
		fw, err := mw.CreateFormFile(f.Field, f.Name)
		if err != nil {
			c.env.T.Fatal(err)
		}
		fw.Write(f.Data)
	}
	mw.Close()
	req, err := http.NewRequest(http.MethodPost, c.env.Srv.URL+path, &buf)
	if err != nil {
		c.env.T.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req
}
