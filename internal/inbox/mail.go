package inbox

// KindMail is unsorted incoming mail: mail to a support address that no rule placed
// elsewhere (a ticket, say), for staff to read and sort.
const KindMail = "mail"

// Each module registers its kind in its own file, so modules built side by side do not
// edit one list.
func init() { Kinds = append(Kinds, KindMail) }

// MailPayload is the payload of a KindMail item. Files live in the file store; staff of
// the tenant download them through the item.
type MailPayload struct {
	MailID   int64  `json:"mail_id"` // the inbound_mails row
	From     string `json:"from"`    // sender address, lower-case
	FromName string `json:"from_name,omitempty"`
	Rcpt     string `json:"rcpt"` // the support address it was sent to
	Subject  string `json:"subject"`
	Text     string `json:"text"`           // what the sender wrote: quotes and signature trimmed
	Full     string `json:"full,omitempty"` // the whole text, when trimming removed something
	// FullText is the mail's whole text as a file, when it is longer than a ticket
	// message holds (inbound.LongText): a ticket made of the mail carries it.
	FullText  *MailFile `json:"full_text,omitempty"`
	MessageID string    `json:"message_id,omitempty"`
	// Language is the portal language the mail's Content-Language names ("" for
	// none): a contact made of the sender when staff sort the mail gets it.
	Language    string     `json:"language,omitempty"`
	Date        int64      `json:"date,omitempty"` // unix seconds of the Date header
	Auto        string     `json:"auto,omitempty"` // why it counts as automatic (bounce, auto-reply…); "" from a person
	RawKey      string     `json:"raw_key"`        // the raw message (.eml) in the file store
	Attachments []MailFile `json:"attachments,omitempty"`
	// Copied are the mail's other recipients (mailin.Message.Copied): made followers
	// when staff turn the mail into a ticket.
	Copied []string `json:"copied,omitempty"`
	// AuthServer is the trusted mail server the sender was checked against ("" when the
	// tenant trusts the From address as it is); AuthPass whether it vouched for the From
	// address, AuthDetail by what, or why not ("dkim=fail, spf=softfail").
	AuthServer string `json:"auth_server,omitempty"`
	AuthPass   bool   `json:"auth_pass,omitempty"`
	AuthDetail string `json:"auth_detail,omitempty"`
	// Answers is the ticket whose mail this one answers, from someone the ticket's
	// mail did not go to (a colleague answering a forwarded mail): the back office
	// offers to add it there.
	Answers int64 `json:"answers,omitempty"`
	// TicketID is the ticket staff made of the mail or attached it to, once handled.
	TicketID int64 `json:"ticket_id,omitempty"`
	// Reply is the text staff sent the sender in answer (reason Replied), ReplyMailID
	// the outbox mail that carried it.
	Reply       string `json:"reply,omitempty"`
	ReplyMailID int64  `json:"reply_mail_id,omitempty"`
	// Received is when this mail arrived, set once an answer joined an earlier
	// conversation (0: when the item was created); Earlier are that conversation's
	// earlier mails with staff's answers, oldest first (MailTurn).
	Received int64      `json:"received,omitempty"`
	Earlier  []MailTurn `json:"earlier,omitempty"`
	// Follows is the mail item whose conversation this mail answers when that item
	// holds MaxTurns mails already: the answer starts this item instead, naming it.
	Follows int64 `json:"follows,omitempty"`
	// Cut is set when the mail arrived incomplete (mailin.Message.Cut): it ended before
	// its last part, so attachments may be missing or short.
	Cut bool `json:"cut,omitempty"`
}

// MailFile is an attachment of a mail item.
type MailFile struct {
	Name string `json:"name"`
	Type string `json:"type"` // sniffed from the content
	Size int64  `json:"size"`
	Key  string `json:"key"`
}

// Reasons of mail items handled by answering or blocking their sender (package
// inboxmail); the back office shows them in the reader's language.
const (
	Replied = "replied" // staff answered the sender by mail (MailPayload.Reply)
	Blocked = "blocked" // the sender's address or domain was blocked
)
