package twofactor

import (
	"bytes"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"
	"time"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/qr"
	"github.com/pquerna/otp"
	"github.com/pquerna/otp/hotp"
	"github.com/pquerna/otp/totp"
)

// Period is the life of one TOTP code; Skew is how many periods before and after now
// are still accepted, for clocks that drift a little.
const (
	Period = 30
	Skew   = 1
)

// NewSecret makes a new TOTP key for an account of an issuer (the tenant's name).
func NewSecret(issuer, account string) (*otp.Key, error) {
	k, err := totp.Generate(totp.GenerateOpts{Issuer: issuer, AccountName: account, Period: Period})
	if err != nil {
		return nil, fmt.Errorf("twofactor: new secret: %w", err)
	}
	return k, nil
}

// KeyURL rebuilds the otpauth:// URL of a stored secret.
func KeyURL(issuer, account, secret string) string {
	k, err := totp.Generate(totp.GenerateOpts{Issuer: issuer, AccountName: account, Period: Period,
		Secret: mustBase32(secret)})
	if err != nil {
		return ""
	}
	return k.URL()
}

func mustBase32(s string) []byte {
	b, _ := base32NoPad.DecodeString(strings.ToUpper(s))
	return b
}

// QRDataURI renders text as a QR code PNG in a data: URI (the CSP allows data: images,
// and the secret never appears in a URL that could land in a log).
func QRDataURI(text string) (string, error) {
	code, err := qr.Encode(text, qr.M, qr.Auto)
	if err != nil {
		return "", fmt.Errorf("twofactor: qr: %w", err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, withQuietZone(code, 240)); err != nil {
		return "", fmt.Errorf("twofactor: qr: %w", err)
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes()), nil
}

// quietZone is the white border, in modules, that scanners need around a QR code.
const quietZone = 4

// withQuietZone draws code (one pixel per module) at the largest whole number of pixels
// per module that fits size (at least four: long account names give larger images),
// inside a white border of quietZone modules.
func withQuietZone(code barcode.Barcode, size int) image.Image {
	n := code.Bounds().Dx()
	scale := max(size/(n+2*quietZone), 4) // small modules do not scan well
	side := (n + 2*quietZone) * scale
	img := image.NewGray(image.Rect(0, 0, side, side))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for y := range n {
		for x := range n {
			if c := color.GrayModel.Convert(code.At(x, y)).(color.Gray); c.Y < 0x80 {
				r := image.Rect((x+quietZone)*scale, (y+quietZone)*scale, (x+quietZone+1)*scale, (y+quietZone+1)*scale)
				draw.Draw(img, r, image.Black, image.Point{}, draw.Src)
			}
		}
	}
	return img
}

// Step is the number of the TOTP period t falls in.
func Step(t time.Time) int64 { return t.Unix() / Period }

// Match checks a six-digit code against secret around now and returns the step it
// belongs to, so the caller can refuse a step that was used already.
func Match(secret, code string, now time.Time) (int64, bool) {
	cur := Step(now)
	for d := int64(-Skew); d <= Skew; d++ {
		want, err := hotp.GenerateCodeCustom(secret, uint64(cur+d), hotp.ValidateOpts{Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
		if err != nil {
			return 0, false
		}
		if subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
			return cur + d, true
		}
	}
	return 0, false
}
