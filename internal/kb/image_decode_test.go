package kb

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"testing"
)

// TestImageDecodes: real PNG and GIF files pass as what they were sniffed as; a bare
// "GIF89a", a PNG claimed as a GIF, and WebP headers without a frame do not; WebP
// headers of each kind give their size.
func TestImageDecodes(t *testing.T) {
	img := image.NewPaletted(image.Rect(0, 0, 3, 2), color.Palette{color.Black, color.White})
	var p, g bytes.Buffer
	png.Encode(&p, img)
	gif.Encode(&g, img, nil)
	lossless := append([]byte("RIFF\x00\x00\x00\x00WEBPVP8L\x00\x00\x00\x00\x2f"), 0x02, 0x40, 0x00, 0x00, 0, 0, 0, 0, 0)
	extended := append([]byte("RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00"), 0x02, 0, 0, 0x01, 0, 0)
	lossy := append([]byte("RIFF\x00\x00\x00\x00WEBPVP8 \x00\x00\x00\x00\x00\x00\x00\x9d\x01\x2a"), 3, 0, 2, 0)
	for _, c := range []struct {
		name string
		data []byte
		ct   string
		want bool
	}{
		{"png", p.Bytes(), "image/png", true},
		{"gif", g.Bytes(), "image/gif", true},
		{"bare GIF89a", []byte("GIF89a"), "image/gif", false},
		{"png as gif", p.Bytes(), "image/gif", false},
		{"webp lossless", lossless, "image/webp", true},
		{"webp extended", extended, "image/webp", true},
		{"webp lossy", lossy, "image/webp", true},
		{"webp without frame", []byte("RIFF\x00\x00\x00\x00WEBPVP8 "), "image/webp", false},
	} {
		if got := ImageDecodes(bytes.NewReader(c.data), c.ct); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	if w, h, _ := webpSize(bytes.NewReader(lossless)); w != 3 || h != 2 {
		t.Errorf("lossless size %dx%d, want 3x2", w, h)
	}
	if w, h, _ := webpSize(bytes.NewReader(extended)); w != 3 || h != 2 {
		t.Errorf("extended size %dx%d, want 3x2", w, h)
	}
}
