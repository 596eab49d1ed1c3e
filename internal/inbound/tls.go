package inbound

import (
	"crypto/tls"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"
)

// TLSConfig offers STARTTLS with the certificate and key in the given PEM files. The
// files are read again when either changes, so a renewed certificate (Let's Encrypt
// renews every two months) is used without a restart; while a renewal is half written
// and the pair does not load, the previous certificate goes on serving and log hears of
// it once per change of the files.
func TLSConfig(certPath, keyPath string, log *slog.Logger) (*tls.Config, error) {
	f := &certFiles{cert: certPath, key: keyPath, log: log}
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
	log       *slog.Logger

	mu     sync.Mutex
	mod    time.Time // of the files behind last
	failed time.Time // of files that did not load, not tried again until they change
	last   *tls.Certificate
}

// get returns the certificate, loading the files first when they changed since last.
func (f *certFiles) get() (*tls.Certificate, error) {
	mod, err := f.modified()
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.last != nil && (err != nil || mod.Equal(f.mod) || mod.Equal(f.failed)) {
		return f.last, nil
	}
	c, err := tls.LoadX509KeyPair(f.cert, f.key)
	if err != nil {
		if f.last != nil {
			f.failed = mod
			if f.log != nil {
				f.log.Warn("inbound: the changed TLS certificate does not load; the previous one serves on", "err", err)
			}
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
