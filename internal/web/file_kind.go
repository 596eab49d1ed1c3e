package web

import (
	"context"
	"strings"

	"pforte/internal/filestore"
	"pforte/internal/i18n"
)

// fileKinds name a stored type for a customer: the message key and the format's own
// name ("Word", "ZIP"), the same in every language. A page shows "PDF document"
// rather than "application/pdf": customers choose a file by what opens it, not by its
// media type. (upload_check's kinds say the same in a sentence, with an article.)
var fileKinds = map[string][2]string{
	"application/pdf":              {"file_kind.pdf", ""},
	filestore.TypeEmbeddedPDF:      {"file_kind.pdf", ""},
	filestore.TypeDocx:             {"file_kind.document", "Word"},
	"application/msword":           {"file_kind.document", "Word"},
	filestore.TypeXlsx:             {"file_kind.spreadsheet", "Excel"},
	"application/vnd.ms-excel":     {"file_kind.spreadsheet", "Excel"},
	filestore.TypePptx:             {"file_kind.presentation", "PowerPoint"},
	filestore.TypeODT:              {"file_kind.document", "OpenDocument"},
	filestore.TypeODS:              {"file_kind.spreadsheet", "OpenDocument"},
	filestore.TypeODP:              {"file_kind.presentation", "OpenDocument"},
	filestore.TypeOLE:              {"file_kind.document", "Office 97–2003"},
	"application/zip":              {"file_kind.archive", "ZIP"},
	"application/x-gzip":           {"file_kind.archive", "gzip"},
	"application/gzip":             {"file_kind.archive", "gzip"},
	"application/x-rar-compressed": {"file_kind.archive", "RAR"},
	"application/x-7z-compressed":  {"file_kind.archive", "7z"},
	"image/png":                    {"file_kind.image", "PNG"},
	"image/jpeg":                   {"file_kind.image", "JPEG"},
	"image/gif":                    {"file_kind.image", "GIF"},
	"image/webp":                   {"file_kind.image", "WebP"},
	"image/bmp":                    {"file_kind.image", "BMP"},
	"image/svg+xml":                {"file_kind.image", "SVG"},
	"image/x-icon":                 {"file_kind.image", "ICO"},
	filestore.TypeWindowsProgram:   {"file_kind.program", "Windows"},
	filestore.TypeELFProgram:       {"file_kind.program", "Linux"},
	filestore.TypeMachOProgram:     {"file_kind.program", "macOS"},
	"text/html":                    {"file_kind.web_page", ""},
	"text/csv":                     {"file_kind.csv", ""},
	"application/json":             {"file_kind.text", ""},
	"application/xml":              {"file_kind.text", ""},
}

// FileKind names stored type typ in the request's language ("PDF document", "Word
// document", "ZIP archive"); a type without a name of its own by its family (text,
// image, audio, video), anything else as a plain file.
func FileKind(ctx context.Context, typ string) string {
	base, _, _ := strings.Cut(typ, ";")
	base = strings.ToLower(strings.TrimSpace(base))
	k, ok := fileKinds[base]
	if !ok {
		family, _, _ := strings.Cut(base, "/")
		switch family {
		case "text":
			k[0] = "file_kind.text"
		case "image":
			k[0] = "file_kind.image_other"
		case "audio":
			k[0] = "file_kind.audio"
		case "video":
			k[0] = "file_kind.video"
		default:
			k[0] = "file_kind.other"
		}
	}
	return i18n.T(ctx, k[0], map[string]any{"Format": k[1]})
}
