package ticket

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/outbox"
	"pforte/internal/tenant"
)

// ReplyMarker heads every ticket mail that can be answered, in the recipient's
// language: the inbound parser cuts an emailed answer at any "##- … -##" line
// (mailin.ReplyMarker), so the quoted history does not end up in the ticket again.
// The mail template editor's preview shows it too, where the real mail has it.
func ReplyMarker(lang string) string {
	return "##- " + i18n.For(lang).T("notify.reply_marker") + " -##"
}

// Notifier queues the helpdesk's mails in the transaction of the change that causes
// them. Internal notes never reach it: callers notify only about public messages.
type Notifier struct {
	Tenant tenant.Tenant
	Origin string // the portal's base URL, for links
	// ReplyAddress returns the address answers to a ticket's mails go to (the tenant's
	// support address with the ticket's token), or "" when mail cannot come back.
	ReplyAddress func(token string) string
	Now          time.Time
	// Names are the tenant's translated status names: each recipient reads the status
	// in their language (names.go).
	Names Names
	// askRating: the mail asks the ticket's opener to rate it (notify_rating.go).
	askRating bool
	// extra, if set, is a line after the button in each recipient's language
	// (auto_notify.go).
	extra func(lang string) outbox.Line
	// files are the names of the attachments the mails list (notify_files.go).
	files []string
	// personal: the mails carry a staff member's answer, text a person wrote, and go
	// out without Auto-Submitted (mail.Message.Personal).
	personal bool
	// mailed, if set, counts the customers' mails queued (notify_count.go).
	mailed *Mailed
	// unattended: the mails come from the automation (reminders, closing and resolving),
	// which no archived company's contacts get (ticketContacts).
	unattended bool
	// exceptStaff, if set, is the staff member whose own action the mails report, who
	// gets none of them (notify_except.go).
	exceptStaff int64
}

// recipient is one person a mail goes to.
type recipient struct {
	contactID int64
	email     string
	name      string
	firstName string
	language  string
	staff     bool
	// signsIn: a contact with active portal access, who can change their notification
	// settings (a contact made from an inbound mail cannot).
	signsIn bool
}

// Created tells staff about a new ticket, confirms it to the contact it was opened for
// (or, when staff opened it, tells them it was opened for them), and tells the company's main contacts who asked for it. opened is what Create was
// given. Staff read "<contact> of <company> has opened" for a customer's ticket; one a
// colleague opened on a customer's behalf is mail.ticket_new_on_behalf_staff, "<staff
// member> opened a ticket for <contact> (<company>)", and that colleague gets no mail
// about their own work. Main contacts read who opened it, so a ticket staff opened on a
// customer's behalf names the staff member, not the customer.
func (n Notifier) Created(ctx context.Context, tx db.Querier, t Ticket, opened New) error {
	key, data := "mail.ticket_new_staff", map[string]any{"Author": t.ContactName}
	if opened.StaffID > 0 {
		key, data = "mail.ticket_new_on_behalf_staff", map[string]any{"Author": opened.Author, "Contact": t.ContactName}
	}
	if err := n.toStaff(ctx, tx, t, key, opened.Body, data, staffWantsNew+` AND id <> ?`, opened.StaffID); err != nil {
		return err
	}
	// The contact's own request is confirmed; one a colleague opened for them is
	// announced as such (mail.ticket_opened_for_you): nobody there waits for an answer.
	// Either goes out under the same notification settings.
	ack, ackData := "mail.ticket_received", map[string]any(nil)
	if opened.StaffID > 0 {
		ack, ackData = "mail.ticket_opened_for_you", map[string]any{"Author": opened.Author}
	}
	if err := n.toContacts(ctx, tx, t, ack, opened.Body, ackData, 0); err != nil {
		return err
	}
	return n.toMainContacts(ctx, tx, t, opened)
}

// Replied tells the other side about a public reply: staff's answer goes to the
// contact and followers; a contact's answer goes to staff and to the other contacts.
func (n Notifier) Replied(ctx context.Context, tx db.Querier, t Ticket, body string, by Actor) error {
	data := map[string]any{"Author": by.Name}
	if by.StaffID > 0 {
		n.personal = true
		return n.toContacts(ctx, tx, t, "mail.ticket_reply", body, data, 0)
	}
	who, args := staffWantsUnassignedReply, []any(nil)
	if t.AssigneeID > 0 {
		who, args = staffWantsMyReply, []any{t.AssigneeID}
	}
	if err := n.toStaff(ctx, tx, t, "mail.ticket_reply_staff", body, data, who, args...); err != nil {
		return err
	}
	return n.toContacts(ctx, tx, t, "mail.ticket_reply", body, data, by.ContactID)
}

// RepliedWithStatus tells the contact and followers, in one mail, about a staff reply
// that also moved the ticket to status to: two mails a second apart for one answer
// read like noise. A status the portal hides falls back to the plain reply mail.
func (n Notifier) RepliedWithStatus(ctx context.Context, tx db.Querier, t Ticket, body string, to Status, by Actor) error {
	if !to.PortalVisible {
		return n.Replied(ctx, tx, t, body, by)
	}
	t.Status = to
	n, err := n.withRating(ctx, tx, t)
	if err != nil {
		return err
	}
	n.personal = by.StaffID > 0
	return n.toContacts(ctx, tx, t, "mail.ticket_reply_status", body, map[string]any{"Author": by.Name}, by.ContactID)
}

// StatusChanged tells the contact and followers the ticket's new status, unless the
// tenant hides that status from the portal: its name is meant for staff only.
func (n Notifier) StatusChanged(ctx context.Context, tx db.Querier, t Ticket, to Status, by Actor) error {
	if !to.PortalVisible {
		return nil
	}
	t.Status = to
	n, err := n.withRating(ctx, tx, t)
	if err != nil {
		return err
	}
	return n.toContacts(ctx, tx, t, "mail.ticket_status", "", map[string]any{"Author": by.Name}, by.ContactID)
}

// Decided tells the contact and followers that their request was accepted or declined.
func (n Notifier) Decided(ctx context.Context, tx db.Querier, t Ticket, accepted bool, reason string) error {
	if accepted {
		return n.toContacts(ctx, tx, t, "mail.ticket_accepted", "", nil, 0)
	}
	return n.toContacts(ctx, tx, t, "mail.ticket_declined", "", map[string]any{"Reason": reason}, 0)
}

// toContacts mails the ticket's opener and followers who want such mail (their
// notification settings), except skip (the author). A contact without portal access
// still hears about their ticket (one that came in by mail), in a mail without the
// portal's button (withoutPortal); one whose access was revoked does not.
func (n Notifier) toContacts(ctx context.Context, tx db.Querier, t Ticket, key, quote string, data map[string]any, skip int64) error {
	to, err := ticketContacts(ctx, tx, t, skip, !n.unattended)
	if err != nil {
		return err
	}
	return n.send(ctx, tx, t, key, quote, data, n.portalLink(t), to)
}

// ticketContacts are the recipients toContacts mails (the rule is described there).
// An archived company's contacts still hear what staff do on its tickets (archived
// true), which staff may go on working: as contacts without portal access, since
// nobody signs in to an archived company (no button or link; the mail says to answer
// by replying, and such an answer reaches staff through the inbox, naming the
// ticket, where staff see it). Mails nobody on staff sent (archived false: the
// automation's reminders and closing, a merge's notice) leave them out: a reminder's
// "unless we hear from you" would count on answers that never reach the ticket.
// The openers of tickets merged into t count as openers, not as followers (which the
// merge made them): it is still their own request, under their "own tickets" choice.
func ticketContacts(ctx context.Context, tx db.Querier, t Ticket, skip int64, archived bool) ([]recipient, error) {
	const mergedOpeners = `SELECT o.contact_id FROM tickets o WHERE o.tenant_id = ? AND o.merged_into = ? AND o.contact_id IS NOT NULL`
	company := `JOIN companies co ON co.id = m.company_id`
	if !archived {
		company += ` AND co.archived_at IS NULL`
	}
	return contactsOf(ctx, tx, `SELECT c.id, c.email, TRIM(c.first_name || ' ' || c.last_name), c.first_name, c.language,
		m.access = 'active' AND co.archived_at IS NULL FROM contacts c
		JOIN memberships m ON m.contact_id = c.id AND m.company_id = ? AND m.access <> 'revoked'
		`+company+`
		WHERE c.tenant_id = ? AND c.email <> '' AND c.id <> ? AND (
			(c.notify_own AND (c.id = ? OR c.id IN (`+mergedOpeners+`)))
			OR (c.notify_followed AND c.id <> ? AND c.id NOT IN (`+mergedOpeners+`)
				AND c.id IN (SELECT contact_id FROM ticket_followers WHERE ticket_id = ?)))`,
		t.CompanyID, t.TenantID, skip, t.ContactID, t.TenantID, t.ID, t.ContactID, t.TenantID, t.ID, t.ID)
}

// contactsOf reads the recipients a query selects (id, email, name, first name,
// language, whether they sign in).
func contactsOf(ctx context.Context, tx db.Querier, query string, args ...any) ([]recipient, error) {
	rows, err := tx.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("ticket: recipients: %w", err)
	}
	defer rows.Close()
	var to []recipient
	for rows.Next() {
		var r recipient
		if err := rows.Scan(&r.contactID, &r.email, &r.name, &r.firstName, &r.language, &r.signsIn); err != nil {
			return nil, fmt.Errorf("ticket: recipients: %w", err)
		}
		to = append(to, r)
	}
	return to, rows.Err()
}

// portalLink is the ticket's page in the portal.
func (n Notifier) portalLink(t Ticket) string {
	return n.Origin + "/tickets/" + strconv.FormatInt(t.ID, 10)
}

// toStaff mails the active staff members who can sign in and whom who selects: a
// condition on the staff table, one of the staffWants constants, with its args. data
// holds the mail's own values (Author).
func (n Notifier) toStaff(ctx context.Context, tx db.Querier, t Ticket, key, quote string, data map[string]any, who string, args ...any) error {
	if n.exceptStaff > 0 {
		who, args = "("+who+") AND id <> ?", append(args, n.exceptStaff)
	}
	rows, err := tx.Query(ctx, `SELECT email, name, language FROM staff WHERE tenant_id = ? AND active
		AND password_hash <> '' AND `+who+` ORDER BY id`, append([]any{t.TenantID}, args...)...)
	if err != nil {
		return fmt.Errorf("ticket: staff recipients: %w", err)
	}
	var to []recipient
	for rows.Next() {
		r := recipient{staff: true}
		if err := rows.Scan(&r.email, &r.name, &r.language); err != nil {
			rows.Close()
			return fmt.Errorf("ticket: staff recipients: %w", err)
		}
		r.firstName = r.name
		to = append(to, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	link := n.Origin + "/admin/tickets/" + strconv.FormatInt(t.ID, 10)
	return n.send(ctx, tx, t, key, quote, data, link, to)
}

func (n Notifier) send(ctx context.Context, tx db.Querier, t Ticket, key, quote string, data map[string]any, link string, to []recipient) error {
	for _, r := range to {
		lang := r.language
		if lang == "" {
			lang = n.Tenant.DefaultLanguage
		}
		d := map[string]any{"FirstName": r.firstName, "Name": r.name, "Portal": n.Tenant.Name, "Link": link,
			"Ticket": "#" + strconv.FormatInt(t.ID, 10), "Title": t.Title, "Company": t.CompanyName,
			"Status": n.Names.Status(i18n.For(lang), t.Status)} // in the recipient's language
		for k, v := range data {
			d[k] = v
		}
		l := outbox.Letter{To: r.email, Lang: lang, Key: key, Data: d, ActionURL: link, Sender: n.Tenant.Name, Quote: quote}
		if r.signsIn {
			// Contacts choose which ticket mails they get; every such mail says where.
			l.Footer = outbox.Line{Text: i18n.For(lang).T("notify.mail_footer"), URL: n.Origin + "/settings/notifications"}
		} else if r.staff { // so do staff, on My account
			l.Footer = outbox.Line{Text: i18n.For(lang).T("staff_notify.mail_footer"), URL: n.Origin + "/admin/account#notifications"}
		}
		if n.extra != nil {
			l.Extra = n.extra(lang)
		}
		l.List = n.fileLines(lang)
		n.ratingLine(&l, t, r, link)
		var replyTo string
		if n.ReplyAddress != nil && !r.staff {
			// Each recipient's own address: it answers only for them (RecipientToken).
			// Staff answer in the back office: an answer by mail from a staff address
			// would land in the inbox as a stranger's, so their mails invite none.
			if replyTo = n.ReplyAddress(RecipientToken(t, r.email)); replyTo != "" {
				l.Marker = ReplyMarker(lang)
			}
		}
		if !r.staff && !r.signsIn {
			if err := withoutPortal(ctx, tx, t.TenantID, &l, replyTo != ""); err != nil {
				return err
			}
		}
		msg, err := l.RenderFor(ctx, tx, t.TenantID)
		if err != nil {
			return err
		}
		msg.ReplyTo = replyTo
		msg.InReplyTo = ThreadID(t)
		msg.Personal = n.personal
		id, err := outbox.Queue(ctx, tx, t.TenantID, msg, n.Now)
		if err != nil {
			return err
		}
		if err := outbox.ForTicket(ctx, tx, t.TenantID, id, t.ID); err != nil {
			return err
		}
		n.count(r)
	}
	return nil
}

// ThreadID is the Message-ID every mail about the ticket refers to, so mail programs
// show them as one conversation.
func ThreadID(t Ticket) string {
	return "ticket-" + strconv.FormatInt(t.ID, 10) + "-" + t.ReplyToken[:8] + "@pforte"
}

// StatusLabel is the status's name in the translator's language.
func StatusLabel(tr *i18n.Localizer, s Status) string {
	key, name := s.Label()
	if key != "" {
		return tr.T(key)
	}
	return name
}

// NewNotifier prepares the notifier for one change of tenant t. With a support address
// set, answers to the mails go to support+<ticket token>.<recipient code>@… and land in
// the ticket when they come from the recipient (RecipientToken).
func NewNotifier(ctx context.Context, q db.Querier, t tenant.Tenant, origin string, now time.Time) (Notifier, error) {
	n := Notifier{Tenant: t, Origin: origin, Now: now}
	var err error
	if n.Names, err = LoadNames(ctx, q, t.ID); err != nil {
		return n, err
	}
	addrs, err := tenant.SupportAddresses(ctx, q, t.ID)
	if err != nil {
		return n, err
	}
	if len(addrs) > 0 {
		local, domain, _ := strings.Cut(addrs[0], "@")
		n.ReplyAddress = func(token string) string { return local + "+" + token + "@" + domain }
	}
	return n, nil
}
