package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"

	gomail "github.com/wneessen/go-mail"
)

// Send implements Sender. It dials, sends and quits; cancelling ctx aborts
// the dial and closes the connection mid-transaction.
func (s *smtpSender) Send(ctx context.Context, m Message) (string, error) {
	if m.From == "" {
		m.From = s.from
	}
	msg, err := newMsg(m)
	if err != nil {
		return "", err
	}
	tlsConf := &tls.Config{ServerName: s.host, MinVersion: tls.VersionTLS12}
	var stop func() bool
	defer func() {
		if stop != nil {
			stop()
		}
	}()
	// go-mail only uses ctx while dialing; tie the connection to ctx ourselves.
	dial := func(dctx context.Context, network, addr string) (net.Conn, error) {
		d := &net.Dialer{}
		var conn net.Conn
		var err error
		if s.mode == "tls" {
			conn, err = (&tls.Dialer{NetDialer: d, Config: tlsConf}).DialContext(dctx, network, addr)
		} else {
			conn, err = d.DialContext(dctx, network, addr)
		}
		if err != nil {
			return nil, err
		}
		stop = context.AfterFunc(ctx, func() { _ = conn.Close() })
		return conn, nil
	}
	opts := []gomail.Option{
		gomail.WithPort(s.port),
		gomail.WithTLSConfig(tlsConf),
		gomail.WithDialContextFunc(dial),
	}
	switch s.mode {
	case "tls":
		opts = append(opts, gomail.WithSSL()) // our dialer does the TLS handshake
	case "starttls":
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	}
	if s.auth {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthPlain),
			gomail.WithUsername(s.user), gomail.WithPassword(s.pass))
	}
	client, err := gomail.NewClient(s.host, opts...)
	if err != nil {
		return "", fmt.Errorf("mail: smtp client: %w", err)
	}
	if err := client.DialAndSendWithContext(ctx, msg); err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			err = errors.Join(ctxErr, err)
		}
		return "", fmt.Errorf("mail: smtp %s:%d: %w", s.host, s.port, err)
	}
	return StoredSMTP, nil
}
