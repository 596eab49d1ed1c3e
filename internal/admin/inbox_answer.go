package admin

import (
	"net/http"

	"pforte/internal/inbox"
	"pforte/internal/inboxmail"
	"pforte/internal/web"
)

// mailAnswer is what a mail item's page offers besides sorting: an answer to the
// sender and blocking them (inbox_reply.go, inbox_block.go).
type mailAnswer struct {
	// CanReply: the item is open and its sender a person with an address
	// (inboxmail.Answerable); an automatic mail is never answered.
	CanReply bool
	// Unverified: the tenant's mail server did not vouch for the From address, which
	// may be forged: an answer may reach someone who never wrote (backscatter).
	Unverified bool
	// Address, Domain: the sender's address or domain may be blocked by the reader
	// (inboxmail.Offers; a domain by admins only); DomainName is that domain.
	Address, Domain bool
	DomainName      string
	// NoSender: the mail has no sender address to block.
	NoSender bool
	// Block is the block that covers the sender today, if Blocked.
	Block   inboxmail.Block
	Blocked bool
	// CanUnblock: the reader may lift Block from here (canUnblock).
	CanUnblock bool
	// Admin: the reader may open the list of blocked senders.
	Admin bool
}

// mailAnswerOf builds the offers for mail item it with payload p.
func (a *Admin) mailAnswerOf(r *http.Request, v *visit, it inbox.Item, p inbox.MailPayload) (mailAnswer, error) {
	ctx, q, tid := r.Context(), a.env.DB, v.P.TenantID
	ma := mailAnswer{CanReply: it.Open() && inboxmail.Answerable(p), Unverified: p.AuthServer != "" && !p.AuthPass,
		DomainName: inbox.DomainOf(it.Email), NoSender: !inboxmail.HasAddress(it.Email), Admin: v.Member.IsAdmin()}
	var err error
	if ma.Block, ma.Blocked, err = inboxmail.Match(ctx, q, tid, it.Email); err != nil || ma.Blocked {
		ma.CanUnblock = ma.Blocked && canUnblock(v, ma.Block)
		return ma, err
	}
	ma.Address, ma.Domain, err = inboxmail.Offers(ctx, q, tid, it.Email)
	ma.Domain = ma.Domain && ma.Admin // a tenant-wide block is an admin's decision
	return ma, err
}

// staffOf is the staff member answering or blocking, as inboxmail names them.
func (v *visit) staffOf(r *http.Request, env *web.Env) inboxmail.Staff {
	d := v.decider(r, env)
	return inboxmail.Staff{By: d.By, Actor: d.Actor.Label, IP: d.Actor.IP}
}
