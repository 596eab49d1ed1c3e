package web

import (
	"context"
	"encoding/csv"
	"io"
	"net/http"
	"strings"
	"time"

	"pforte/internal/filestore"
	"pforte/internal/i18n"
)

// CSV files are written as spreadsheets open them for the reader: with the byte-order
// mark Excel needs to read UTF-8, the list separator of the reader's language, and no
// cell that a spreadsheet would take for a formula.

// CSVDownload sets the headers of a CSV file sent as a download named name, and
// returns the writer for the file: a large audit log or report over a slow line takes
// longer than the server's write timeout, so its deadline slides while the file keeps
// going (Sliding).
func CSVDownload(w http.ResponseWriter, name string) io.Writer {
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", filestore.Disposition(name))
	h.Set("Cache-Control", "no-store")
	return Sliding(w)
}

// WriteCSV writes a whole file to w: a row of headings (message ids, written in the
// reader's language), then the rows fill hands to write, each as it comes, so a long
// export never sits in memory.
func WriteCSV(ctx context.Context, w io.Writer, headings []string, fill func(write func(cells ...string) error) error) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = csvComma(ctx)
	write := func(cells ...string) error {
		for i, s := range cells {
			cells[i] = csvSafe(s)
		}
		return cw.Write(cells)
	}
	head := make([]string, len(headings))
	for i, id := range headings {
		head[i] = i18n.T(ctx, id)
	}
	err := write(head...)
	if err == nil {
		err = fill(write)
	}
	cw.Flush()
	if err != nil {
		return err
	}
	return cw.Error()
}

// CSVTime is an instant as spreadsheets read it, in zone; empty for none.
func CSVTime(at time.Time, zone *time.Location) string {
	if at.IsZero() {
		return ""
	}
	return at.In(zone).Format("2006-01-02 15:04")
}

// csvComma is the separator the reader's spreadsheet expects: Excel splits on the
// list separator of the system's region, a semicolon where numbers are written with
// a decimal comma (German, French, …), a comma elsewhere.
func csvComma(ctx context.Context) rune {
	if strings.Contains(i18n.From(ctx).Number(1.5), ",") {
		return ';'
	}
	return ','
}

// csvSafe keeps a spreadsheet from taking a cell for a formula (CSV injection): text
// starting with = + - @ (or a tab or carriage return, which some programs skip before
// one) gets a leading apostrophe, which Excel and LibreOffice show as text.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
