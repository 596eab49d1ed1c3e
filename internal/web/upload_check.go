package web

import (
	"context"
	"strings"

	"pforte/internal/filestore"
	"pforte/internal/i18n"
	"pforte/internal/validate"
)

// contentRefusal is the field error for an attachment whose content contradicts its
// name, the download area's check (filestore.Contradicts): "bericht.pdf" holding a
// Windows program or "foto.jpg" holding a PNG. Whoever opens an attachment goes by its
// name, so such a file is refused like one too large, and the sender, still at the
// form, can choose the right file or rename it. A program under a name its system does
// not run it by ("tool", "liesmich.txt") is told so, as in the download area; the
// content is named in the user's language either way.
func contentRefusal(ctx context.Context, name, typ string) (validate.Msg, bool) {
	ext, bad := filestore.Contradicts(name, typ)
	if !bad {
		return validate.Msg{}, false
	}
	data := map[string]any{"Name": IsolateName(ctx, name), "Ext": strings.ToUpper(ext), "Actual": contentKind(ctx, typ)}
	if filestore.IsProgram(typ) && !filestore.Checked(name) {
		return validate.Msg{ID: "upload_check.program", Data: data}, true
	}
	return validate.Msg{ID: "upload_check.mismatch", Data: data}, true
}

// kindFormats name the content of a sniffed type in a message: the message key and the
// format's own name, the same in every language.
var kindFormats = map[string][2]string{
	filestore.TypeWindowsProgram:   {"upload_check.kind.program", "Windows"},
	filestore.TypeELFProgram:       {"upload_check.kind.program", "Linux"},
	filestore.TypeMachOProgram:     {"upload_check.kind.program", "macOS"},
	"application/pdf":              {"upload_check.kind.pdf", ""},
	filestore.TypeEmbeddedPDF:      {"upload_check.kind.pdf", ""},
	"image/png":                    {"upload_check.kind.image", "PNG"},
	"image/jpeg":                   {"upload_check.kind.image", "JPEG"},
	"image/gif":                    {"upload_check.kind.image", "GIF"},
	"image/webp":                   {"upload_check.kind.image", "WebP"},
	"image/bmp":                    {"upload_check.kind.image", "BMP"},
	"image/x-icon":                 {"upload_check.kind.image", "ICO"},
	filestore.TypeDocx:             {"upload_check.kind.document", "Word"},
	filestore.TypeXlsx:             {"upload_check.kind.document", "Excel"},
	filestore.TypePptx:             {"upload_check.kind.document", "PowerPoint"},
	filestore.TypeODT:              {"upload_check.kind.document", "OpenDocument"},
	filestore.TypeODS:              {"upload_check.kind.document", "OpenDocument"},
	filestore.TypeODP:              {"upload_check.kind.document", "OpenDocument"},
	filestore.TypeOLE:              {"upload_check.kind.document", "Office 97–2003"},
	"application/zip":              {"upload_check.kind.archive", "ZIP"},
	"application/x-gzip":           {"upload_check.kind.archive", "gzip"},
	"application/x-rar-compressed": {"upload_check.kind.archive", "RAR"},
	"text/html":                    {"upload_check.kind.web_page", ""},
}

// contentKind names the content of type typ in the request's language ("a Windows
// program", "an image in PNG format"); types without a name of their own by their
// family (text, audio, video), the rest as "of another kind".
func contentKind(ctx context.Context, typ string) string {
	base, _, _ := strings.Cut(typ, ";")
	k, ok := kindFormats[strings.TrimSpace(base)]
	if !ok {
		family, _, _ := strings.Cut(base, "/")
		switch family {
		case "text":
			k[0] = "upload_check.kind.text"
		case "audio":
			k[0] = "upload_check.kind.audio"
		case "video":
			k[0] = "upload_check.kind.video"
		default:
			k[0] = "upload_check.kind.other"
		}
	}
	return i18n.T(ctx, k[0], map[string]any{"Format": k[1]})
}
