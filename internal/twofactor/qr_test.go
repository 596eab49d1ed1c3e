package twofactor

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// TestQRDecodes: the QR code of fresh keys decodes to the otpauth URL, whatever the
// length of the account name (and so the QR version): without a quiet zone, sizes that
// fill the image exactly did not decode.
func TestQRDecodes(t *testing.T) {
	for i := 0; i < 120; i++ {
		k, err := NewSecret("Demo Service GmbH", strings.Repeat("a", i)+"@example.com")
		if err != nil {
			t.Fatal(err)
		}
		uri, err := QRDataURI(k.URL())
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(uri, "data:image/png;base64,"))
		img, err := png.Decode(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		bmp, _ := gozxing.NewBinaryBitmapFromImage(img)
		res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true})
		if err != nil || res.GetText() != k.URL() {
			t.Fatalf("key %d: %v", i, err)
		}
	}
}
