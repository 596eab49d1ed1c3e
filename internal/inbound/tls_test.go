package inbound

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"log/slog"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestStartTLS: with a certificate the listener offers STARTTLS, takes mail over it,
// and serves a renewed certificate once its files change; without one it offers none.
func TestStartTLS(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		dir := t.TempDir()
		certPath, keyPath := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
		pool := x509.NewCertPool()
		first := writeCert(t, certPath, keyPath, 1, pool)
		logged := &syncBuffer{}
		tc, err := TLSConfig(certPath, keyPath, slog.New(slog.NewTextHandler(logged, nil)))
		if err != nil {
			t.Fatal(err)
		}
		r := startRig(t, e, "127.0.0.1:0", func(l *Listener) { l.TLS = tc })

		c := r.dialTLS(pool)
		defer c.Close()
		state, ok := c.TLSConnectionState()
		if !ok || !state.HandshakeComplete || state.PeerCertificates[0].SerialNumber.Cmp(first) != 0 {
			t.Fatalf("TLS state %v %+v", ok, state)
		}
		must(t, c.Mail("erika@example.com", nil))
		must(t, c.Rcpt("support@a.test", nil))
		w, err := c.Data()
		must(t, err)
		_, err = io.Copy(w, strings.NewReader(strings.ReplaceAll(goodMail, "\n", "\r\n")))
		must(t, err)
		must(t, w.Close())
		must(t, c.Quit())
		if n := len(r.mailItems(r.a)); n != 1 {
			t.Fatalf("%d mail items after a mail over TLS, want 1", n)
		}

		// A renewal replaces the files; the next connection gets the new certificate.
		renewed := writeCert(t, certPath, keyPath, 2, pool)
		later := time.Now().Add(time.Minute) // file times may be coarse: make the change visible
		must(t, os.Chtimes(certPath, later, later))
		c = r.dialTLS(pool)
		if state, _ := c.TLSConnectionState(); state.PeerCertificates[0].SerialNumber.Cmp(renewed) != 0 {
			t.Errorf("after renewal serial %v, want %v", state.PeerCertificates[0].SerialNumber, renewed)
		}
		c.Close()

		// A half-written renewal does not stop the listener: the last good pair serves on.
		must(t, os.WriteFile(keyPath, []byte("not a key"), 0o600))
		later = later.Add(time.Minute)
		must(t, os.Chtimes(keyPath, later, later))
		for range 2 {
			c = r.dialTLS(pool)
			if state, _ := c.TLSConnectionState(); state.PeerCertificates[0].SerialNumber.Cmp(renewed) != 0 {
				t.Errorf("with a broken key file serial %v, want %v", state.PeerCertificates[0].SerialNumber, renewed)
			}
			c.Close()
		}
		if n := strings.Count(logged.String(), "does not load"); n != 1 {
			t.Errorf("a broken renewal logged %d times over two connections, want once:\n%s", n, logged.String())
		}

		plain := startRig(t, e, "127.0.0.1:0")
		conn, err := net.Dial("tcp", plain.l.Addr().String())
		must(t, err)
		pc := smtp.NewClient(conn)
		defer pc.Close()
		must(t, pc.Hello("client.test"))
		if ok, _ := pc.Extension("STARTTLS"); ok {
			t.Error("STARTTLS offered without a certificate")
		}
	})
	if _, err := TLSConfig(filepath.Join(t.TempDir(), "missing.pem"), "missing.key", nil); err == nil {
		t.Error("TLSConfig with missing files: no error")
	}
}

// dialTLS connects and upgrades with STARTTLS, trusting pool.
func (r *rig) dialTLS(pool *x509.CertPool) *smtp.Client {
	r.t.Helper()
	conn, err := net.Dial("tcp", r.l.Addr().String())
	must(r.t, err)
	c, err := smtp.NewClientStartTLS(conn, &tls.Config{RootCAs: pool, ServerName: "mx.a.test"})
	must(r.t, err)
	must(r.t, c.Hello("client.test")) // the handshake happens with the first command
	return c
}

// writeCert writes a self-signed certificate for mx.a.test with the given serial, adds
// it to pool and returns the serial.
func writeCert(t *testing.T, certPath, keyPath string, serial int64, pool *x509.CertPool) *big.Int {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	must(t, err)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: "mx.a.test"}, DNSNames: []string{"mx.a.test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	must(t, err)
	cert, err := x509.ParseCertificate(der)
	must(t, err)
	pool.AddCert(cert)
	kb, err := x509.MarshalECPrivateKey(key)
	must(t, err)
	must(t, os.WriteFile(certPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600))
	must(t, os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600))
	return tmpl.SerialNumber
}
