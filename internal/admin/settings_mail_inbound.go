package admin

import (
	"context"
	"slices"
	"strings"

	"pforte/internal/i18n"
	"pforte/internal/inbound"
	"pforte/internal/inboxmail"
	"pforte/internal/mailin"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// recentInbound is how many received mails the mail settings page lists.
const recentInbound = 20

// mailInbound is the incoming-mail part of the mail settings page: the latest mails the
// listener took in or turned away, so an admin sees why a customer's mail got lost, and
// the sender authentication setting (its form and the stored authserv-id).
type mailInbound struct {
	Recent     []inbound.Record
	Auth       web.Form
	AuthServID string
	// Listening: this process receives mail. Without a listener the support addresses
	// lead nowhere, which the page says rather than "point your mail server at Pforte".
	Listening bool
}

func (a *Admin) loadMailInbound(ctx context.Context, tenantID int64) (mailInbound, error) {
	recent, err := inbound.Recent(ctx, a.env.DB, tenantID, recentInbound)
	if err != nil {
		return mailInbound{}, err
	}
	servID, err := tenant.InboundAuthServID(ctx, a.env.DB, tenantID)
	in := mailInbound{Recent: recent, Auth: web.NewForm(), AuthServID: servID,
		Listening: a.env.ReceivesMail != nil && a.env.ReceivesMail()}
	in.Auth.Set("authserv_id", servID)
	return in, err
}

// setSupportField fills the form with the tenant's support addresses.
func (a *Admin) setSupportField(ctx context.Context, f web.Form, tenantID int64) error {
	addrs, err := tenant.SupportAddresses(ctx, a.env.DB, tenantID)
	f.Set("support_addresses", strings.Join(addrs, ", "))
	return err
}

// checkSupportAddresses reads the support addresses from the form and records what is
// wrong with them next to the field: not an address, too many, or another tenant's.
func (a *Admin) checkSupportAddresses(ctx context.Context, f web.Form, tenantID int64) ([]string, error) {
	addrs, bad := tenant.SplitSupportAddresses(f.Get("support_addresses"))
	switch {
	case bad != "":
		f.Errors.Add("support_addresses", "inbound.address_invalid", map[string]any{"Address": bad})
	case len(addrs) > tenant.MaxSupportAddresses:
		f.Errors.Add("support_addresses", "inbound.address_too_many", map[string]any{"Max": tenant.MaxSupportAddresses})
	default:
		taken, err := tenant.TakenSupportAddresses(ctx, a.env.DB, tenantID, addrs)
		if err != nil {
			return nil, err
		}
		if len(taken) > 0 {
			f.Errors.Add("support_addresses", "inbound.address_taken", map[string]any{"Address": taken[0]})
		}
	}
	return addrs, nil
}

// outcomeBadge is the CSS class of an inbound mail's outcome.
func outcomeBadge(outcome string) string {
	switch outcome {
	case inbound.OutcomeRejected:
		return "badge danger"
	case inbound.OutcomeDeferred:
		return "badge warn"
	case inbound.OutcomeDuplicate:
		return "badge muted"
	}
	return "badge ok"
}

// listenerOutcome reports whether the listener itself decided the outcome: its reason
// (the protocol's, in English) explains a refusal; a router's reason only repeats its
// outcome for the log.
func listenerOutcome(outcome string) bool {
	switch outcome {
	case inbound.OutcomeRejected, inbound.OutcomeDeferred, inbound.OutcomeDuplicate:
		return true
	}
	return false
}

// listenerReason is the listener's reason for its outcome as the mail log shows it: a
// duplicate's none (its badge says it all), the size limit and a blocked sender in the
// reader's language, the protocol's own (a parse error, a failing database) as
// written, in English.
func listenerReason(ctx context.Context, reason string) string {
	r := inbound.ReasonOf(reason)
	switch {
	case r.Kind == inbound.ReasonDuplicate:
		return ""
	case r.Kind == inbound.ReasonTooLarge:
		return i18n.T(ctx, "inbound_reason.too_large", map[string]any{"Max": i18n.From(ctx).FileSize(r.Limit)})
	case r.Kind == inbound.ReasonBlocked && r.BlockKind == inboxmail.KindDomain:
		return i18n.T(ctx, "inbox_block.blocked_domain", map[string]any{"Domain": r.BlockValue})
	case r.Kind == inbound.ReasonBlocked:
		return i18n.T(ctx, "inbox_block.blocked_address", map[string]any{"Email": r.BlockValue})
	}
	return reason
}

// autoReasons are the reasons incoming mail counts as automatic (mailin.Auto…), each
// with its words (inbound.auto.<reason>).
var autoReasons = []string{mailin.AutoSubmitted, mailin.AutoPrecedence, mailin.AutoReply, mailin.AutoOffice,
	mailin.AutoBounce, mailin.AutoList, mailin.AutoNoReply, mailin.AutoOwnMail}

// ignoredAuto returns why an ignored mail counted as automatic (one of autoReasons), ""
// for anything else: the router records "automatic mail: out-of-office", and an admin
// asked why a customer's answer never reached the ticket reads it in the list.
func ignoredAuto(outcome, reason string) string {
	why, ok := strings.CutPrefix(reason, inbound.IgnoredAuto)
	if outcome != inbound.ActionIgnored || !ok || !slices.Contains(autoReasons, why) {
		return ""
	}
	return why
}

// firstOf returns the first non-empty string.
func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
