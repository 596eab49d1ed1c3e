package inbound

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/emersion/go-smtp"

	"pforte/internal/db"
	"pforte/internal/tenant"
)

// opTimeout bounds the database work of one SMTP command.
const opTimeout = time.Minute

// SMTP answers of the listener.
var (
	errNoMailbox = &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1},
		Message: "No such mailbox here"}
	errTemporary = &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0},
		Message: "Temporary failure, please try again later"}
	errBusy = &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 2},
		Message: "Too busy, please try again later"}
)

// recipient is an accepted RCPT TO.
type recipient struct {
	to       string // exactly as in RCPT TO, which LMTP answers refer to
	addr     string // as written, lower-case
	support  string // the support address it matched
	token    string
	tenantID int64
}

// session is one SMTP/LMTP connection's current transaction.
type session struct {
	l      *Listener
	remote string
	from   string
	rcpts  []recipient
}

func (s *session) Reset()        { s.from, s.rcpts = "", nil }
func (s *session) Logout() error { return nil }

func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	s.from, s.rcpts = from, nil
	return nil
}

// Rcpt accepts only the tenants' support addresses, with or without a +token, so mail
// for anyone else is refused before its content is sent.
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	base, token := SplitPlus(to)
	id, err := tenant.BySupportAddress(ctx, s.l.DB, base)
	switch {
	case errors.Is(err, db.ErrNotFound):
		s.l.log().Info("inbound mail refused: unknown recipient", "remote", s.remote, "mail_from", s.from, "rcpt", to)
		return errNoMailbox
	case err != nil:
		s.l.log().Error("inbound mail: recipient lookup failed", "rcpt", to, "err", err)
		return errTemporary
	}
	// Blocked senders are refused after DATA, not here: the From address decides
	// whether a mail is a known contact's, which a block never refuses (blocked.go).
	s.rcpts = append(s.rcpts, recipient{to: to, addr: lower(to), support: base, token: token, tenantID: id})
	return nil
}

// Data takes the message for all recipients with one answer (SMTP).
func (s *session) Data(r io.Reader) error {
	results := s.receive(r)
	var worst error
	for _, err := range results {
		worst = worse(worst, err)
	}
	return worst
}

// LMTPData answers per recipient, as LMTP wants.
func (s *session) LMTPData(r io.Reader, status smtp.StatusCollector) error {
	results := s.receive(r)
	for i, rc := range s.rcpts {
		status.SetStatus(rc.to, results[i])
	}
	return nil
}

// receive reads the message and delivers it once per tenant among the recipients; it
// returns the answer for each recipient, in order.
func (s *session) receive(r io.Reader) []error {
	results := make([]error, len(s.rcpts))
	fill := func(err error) []error {
		for i := range results {
			results[i] = err
		}
		return results
	}
	select {
	case s.l.slots <- struct{}{}:
		defer func() { <-s.l.slots }()
	case <-time.After(time.Minute):
		return fill(errBusy)
	}
	raw, err := io.ReadAll(r)
	ctx, cancel := context.WithTimeout(context.Background(), 5*opTimeout)
	defer cancel()
	if err != nil {
		var se *smtp.SMTPError
		if errors.As(err, &se) && se.Code == smtp.ErrDataTooLarge.Code {
			for _, g := range groupByTenant(s.rcpts) {
				s.l.tooLarge(ctx, g, s.from, s.remote)
			}
		}
		return fill(err)
	}
	for _, g := range groupByTenant(s.rcpts) {
		err := s.l.deliver(ctx, g, s.from, s.remote, raw)
		for _, i := range g.index {
			results[i] = err
		}
	}
	return results
}

// group is the recipients of one tenant: the mail is delivered to the tenant once,
// for the recipient with a token when there is one (a reply to support+tok@ that
// also went to support@ belongs to the ticket).
type group struct {
	main  recipient
	index []int // positions in the session's recipients
}

func groupByTenant(rcpts []recipient) []group {
	var out []group
	pos := map[int64]int{}
	for i, r := range rcpts {
		j, ok := pos[r.tenantID]
		if !ok {
			pos[r.tenantID] = len(out)
			out = append(out, group{main: r, index: []int{i}})
			continue
		}
		out[j].index = append(out[j].index, i)
		if out[j].main.token == "" && r.token != "" {
			out[j].main = r
		}
	}
	return out
}

// worse picks the answer SMTP gives for several recipients: a temporary failure wins
// (the sender retries and the duplicate check keeps the others from arriving twice),
// then a permanent one.
func worse(a, b error) error {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	var sa, sb *smtp.SMTPError
	if errors.As(a, &sa) && errors.As(b, &sb) && sb.Code/100 == 4 && sa.Code/100 != 4 {
		return b
	}
	return a
}
