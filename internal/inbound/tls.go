package inbound

import (
	"crypto/tls"
	"fmt"
	"os"
	"sync"
	"time"
)

// TLSConfig offers STARTTLS with the certificate and key in the given PEM files. The
// files are read again when either changes, so a renewed certificate (Let's Encrypt
// renews every two months) is used without a restart; while a renewal is half written
// and the pair does not load, the previous certificate goes on serving.
func TLSConfig(certPath, keyPath string) (*tls.Config, error) {
	f := &certFiles{cert: certPath, key: keyPath}
	if _, err := f.get(); err != nil {
		return nil, err
	}
	return &tls.Config{
		MinVersion:     tls.VersionTLS12,
		GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) { return f.get() },
	}, nil
}

// certFiles is a certificate loaded from files, with the time they last changed.
type certFiles struct {
	cert, key string

	mu   sync.Mutex
	mod  time.Time
	last *tls.Certificate
}

func (f *certFiles) get() (*tls.Certificate, error) {
	mod, err := f.modified()
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.last != nil && (err != nil || mod.Equal(f.mod)) {
		return f.last, nil
	}
	c, err := tls.LoadX509KeyPair(f.cert, f.key)
	if err != nil {
		if f.last != nil {
			return f.last, nil
		}
		return nil, fmt.Errorf("inbound: TLS certificate: %w", err)
	}
	f.last, f.mod = &c, mod
	return f.last, nil
}

// modified is the later change time of the two files. A stat per handshake is cheap
// beside the handshake itself.
func (f *certFiles) modified() (time.Time, error) {
	var latest time.Time
	for _, p := range []string{f.cert, f.key} {
		fi, err := os.Stat(p)
		if err != nil {
			return latest, err
		}
		if fi.ModTime().After(latest) {
			latest = fi.ModTime()
		}
	}
	return latest, nil
}
