package kb

import (
	"bytes"
	"encoding/binary"
	"image"
	_ "image/gif" // registered for DecodeConfig: the allowed types
	_ "image/jpeg"
	_ "image/png"
	"io"
)

// ImageDecodes reports whether r holds an image of sniffed type ct that actually
// decodes: its header names a size, in the format the content was sniffed as. Sniffing
// looks at a few bytes only, so "GIF89a" alone passed as a GIF and showed as a broken
// picture. PNG, JPEG and GIF go through the standard library's decoders; WebP, which
// it has none for, through webpSize.
func ImageDecodes(r io.Reader, ct string) bool {
	if ct == "image/webp" {
		w, h, ok := webpSize(r)
		return ok && w > 0 && h > 0
	}
	cfg, format, err := image.DecodeConfig(r)
	return err == nil && "image/"+format == ct && cfg.Width > 0 && cfg.Height > 0
}

// webpSize reads the canvas size of a WebP file from its first chunk (lossy VP8,
// lossless VP8L or extended VP8X), as the format's specification lays them out.
func webpSize(r io.Reader) (w, h int, ok bool) {
	var b [30]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return 0, 0, false
	}
	if !bytes.Equal(b[0:4], []byte("RIFF")) || !bytes.Equal(b[8:12], []byte("WEBP")) {
		return 0, 0, false
	}
	le24 := func(p []byte) int { return int(p[0]) | int(p[1])<<8 | int(p[2])<<16 }
	switch string(b[12:16]) {
	case "VP8 ": // frame tag (3 bytes), start code 9d 01 2a, 14-bit width and height
		if !bytes.Equal(b[23:26], []byte{0x9d, 0x01, 0x2a}) {
			return 0, 0, false
		}
		return int(binary.LittleEndian.Uint16(b[26:28]) & 0x3fff), int(binary.LittleEndian.Uint16(b[28:30]) & 0x3fff), true
	case "VP8L": // signature 0x2f, then 14-bit width-1 and height-1
		if b[20] != 0x2f {
			return 0, 0, false
		}
		bits := binary.LittleEndian.Uint32(b[21:25])
		return int(bits&0x3fff) + 1, int(bits>>14&0x3fff) + 1, true
	case "VP8X": // flags (4 bytes), 24-bit canvas width-1 and height-1
		return le24(b[24:27]) + 1, le24(b[27:30]) + 1, true
	}
	return 0, 0, false
}
