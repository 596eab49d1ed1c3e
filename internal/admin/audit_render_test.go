package admin

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/audit"
	"pforte/internal/i18n"
)

// auditCase is one target as a call site writes it and how the English log shows it:
// links as [text](href).
type auditCase struct {
	action, target string
	contactID      int64
	want           string
}

var auditCases = []auditCase{
	{audit.LoginOK, "", 0, ""},
	{audit.LoginOK, "recovery", 0, "recovery code"},
	{audit.LoginFailed, "no active access", 0, "no active portal access"},
	{audit.LoginFailed, "webauthn: bad signature", 0, "webauthn: bad signature"},
	{audit.LoginThrottled, "", 0, ""},
	{audit.Logout, "", 0, ""},
	{audit.SessionsEnded, "3", 0, "3 other sessions"},
	{audit.PasswordChanged, "", 0, ""},
	{audit.PasswordChangeFailed, "twofactor_disable", 0, "when switching off two-factor authentication"},
	{audit.PasswordResetRequested, "", 0, ""},
	{audit.PasswordReset, "", 0, ""},
	{audit.PasswordSet, "invitation", 0, "via the invitation link"},
	{audit.TwoFactorEnabled, "totp", 0, "authenticator app"},
	{audit.TwoFactorDisabled, "totp", 0, "authenticator app"},
	{audit.TwoFactorFailed, "throttled", 0, "too many attempts; paused for a while"},
	{audit.RecoveryCodeUsed, "", 0, ""},
	{audit.RecoveryCodesRenewed, "", 0, ""},
	{audit.AccountDeleteFailed, "", 0, ""},
	{audit.CompanyTwoFactorChanged, "company:7 on", 0, "[Kunde AG](/admin/companies/7): two-factor authentication required"},
	{audit.CompanyTwoFactorChanged, "company:8 off", 0, "#8: two-factor authentication no longer required"},
	{audit.StaffTwoFactorRequired, "off", 0, "no longer required"},
	{audit.AccessGranted, "anna@kunde.test @ Kunde AG (main)", 9, "[anna@kunde.test](/admin/contacts/9) at Kunde AG (Main contact)"},
	{audit.AccessRevoked, "anna@kunde.test @ Kunde AG", 9, "[anna@kunde.test](/admin/contacts/9) at Kunde AG"},
	{audit.InvitationSent, "anna@kunde.test @ Zwei AG (user)", 0, "anna@kunde.test at Zwei AG (User)"},
	{audit.InvitationWithdrawn, "anna@kunde.test @ Kunde (Süd) AG", 8, "anna@kunde.test at Kunde (Süd) AG"},
	{audit.InvitationAccepted, "Kunde AG", 9, "Kunde AG"},
	{audit.MembershipAdded, "anna@kunde.test @ Kunde AG (user)", 9, "[anna@kunde.test](/admin/contacts/9) at Kunde AG (User)"},
	{audit.RoleChanged, "anna@kunde.test @ Kunde AG (main → user)", 9, "[anna@kunde.test](/admin/contacts/9) at Kunde AG (Main contact → User)"},
	{audit.RegistrationApproved, "neu@kunde.test @ Kunde AG (user)", 0, "neu@kunde.test at Kunde AG (User)"},
	{audit.ContactChanged, "email anna@alt.test → anna@kunde.test", 9, "[Anna Muster](/admin/contacts/9): Email address: anna@alt.test → anna@kunde.test"},
	{audit.ContactChanged, "first_name: Ana → Anna; phone:  → 0711 1", 9, "First name: Ana → Anna; Phone: – → 0711 1"},
	{audit.NotificationsChanged, "own tickets: on, followed: off, company's new tickets: on", 9,
		"Own tickets: on, followed tickets: off, new tickets of the company: on"},
	{audit.AccountDeleted, "contact 9", 9, "[Contact #9](/admin/contacts/9)"},
	{audit.PreviewStarted, "contact:9 anna@kunde.test · company:7 Kunde AG", 0, "as [anna@kunde.test](/admin/contacts/9) of [Kunde AG](/admin/companies/7)"},
	{audit.PreviewEnded, "contact:9 anna@kunde.test · company:7", 0, "as [anna@kunde.test](/admin/contacts/9) of [Kunde AG](/admin/companies/7)"},
	{audit.AdminSetup, "agent@service.test", 0, "[agent@service.test](/admin/staff#staff-3)"},
	{audit.StaffCreated, "neu@service.test (agent)", 0, "neu@service.test (Agent)"},
	{audit.StaffChanged, "agent@service.test (agent, inactive)", 0, "[agent@service.test](/admin/staff#staff-3) (Agent, deactivated)"},
	{audit.StaffChanged, "agent@service.test (own name, language)", 0, "[agent@service.test](/admin/staff#staff-3) (own Name, Language)"},
	{audit.StaffInvitationResent, "agent@service.test", 0, "[agent@service.test](/admin/staff#staff-3)"},
	{audit.StaffNotificationsChanged, "new tickets: off, replies on my tickets: on, replies on unassigned tickets: off, assigned to me: on, follow-ups due: on", 0,
		"New tickets: off, replies on my tickets: on, replies on unassigned tickets: off, assigned to me: on, follow-ups due: on"},
	{audit.SignatureChanged, "signature removed", 0, "Signature removed"},
	{audit.RegistrationRequested, "Kunde AG", 0, "Kunde AG"},
	{audit.RegistrationConfirmed, "Kunde AG", 0, "Kunde AG"},
	{audit.RegistrationRejected, "neu@kunde.test: no customer", 0, "neu@kunde.test – reason: no customer"},
	{audit.RegistrationRejected, "neu@kunde.test: ", 0, "neu@kunde.test"},
	{audit.InboxDone, "Anna Muster", 0, "Anna Muster"},
	{audit.TicketMoved, "#12 · company:7 → company:9 · contact:3 → contact:8", 0, "#12 · company:7 → company:9 · contact:3 → contact:8"},
	{audit.TicketFollowerAdded, "#12 · contact:8", 0, "#12 · contact:8"},
	{audit.TicketFollowerRemoved, "#12 · contact:8", 0, "#12 · contact:8"},
	{audit.CompanyArchived, "company:7 Kunde AG", 0, "[Kunde AG](/admin/companies/7)"},
	{audit.CompanyRestored, "company:8 Alt AG", 0, "Alt AG"},
	{audit.CompanyCreated, "Neu GmbH", 0, "Neu GmbH"}, {audit.CompanyCreated, "Zwei AG", 0, "Zwei AG"},
	{audit.CompanyCreated, "company:7 Kunde AG", 0, "[Kunde AG](/admin/companies/7)"},
	{audit.CompanyDomainAdded, "kunde.test → Kunde AG", 0, "Domain kunde.test added to Kunde AG"},
	{audit.CompanyDomainRemoved, "kunde.test → Kunde AG", 0, "Domain kunde.test removed from Kunde AG"},
	{audit.StaffInvitationWithdrawn, "neu@service.test (agent)", 0, "neu@service.test (Agent)"},
	{audit.StaffRenamed, "kai@service.test: Kai → Kai Neumann", 0, "kai@service.test: Kai → Kai Neumann"},
	{audit.StaffTicketsUnassigned, "kai@service.test: 2", 0, "kai@service.test: 2"},
	{audit.InboxTicketCreated, "#12 Printer: Kunde AG, anna@kunde.test (new contact)", 0,
		"Ticket [#12](/admin/tickets/12) “Printer” for Kunde AG, from anna@kunde.test (new contact)"},
	{audit.InboxTicketCreated, "#12 Re: Printer: Kunde AG, anna@kunde.test", 0, "#12 Re: Printer: Kunde AG, anna@kunde.test"},
	{audit.InboxTicketCreated, `#12 · company:7 · "Re: Printer, x@y.test" · "Kunde AG" · "anna@kunde.test" (new contact)`, 0,
		"Ticket [#12](/admin/tickets/12) “Re: Printer, x@y.test” for [Kunde AG](/admin/companies/7), from anna@kunde.test (new contact)"},
	{audit.InboxTicketCreated, `#12 · company:8 · "Printer" · "Zwei AG" · "anna@zwei.test"`, 0,
		"Ticket [#12](/admin/tickets/12) “Printer” for Zwei AG, from anna@zwei.test"},
	{audit.InboxTicketAttached, "anna@kunde.test → #12 Printer (internal note)", 0,
		"Mail from anna@kunde.test added to ticket [#12](/admin/tickets/12) “Printer” as an internal note"},
	{audit.InboxTicketAttached, "anna@kunde.test → #34 Drucker → #5 kaputt (reply)", 0,
		"Mail from anna@kunde.test added to ticket [#34](/admin/tickets/34) “Drucker → #5 kaputt” as a reply"},
	{audit.InboxTicketAttached, "a → #5 b@kunde.test → #34 Drucker (reply)", 0, "a → #5 b@kunde.test → #34 Drucker (reply)"},
	{audit.SettingsChanged, "Service GmbH", 0, "Service GmbH"},
	{audit.SettingsChanged, "helpdesk rules: reopen true, attachments 10 MB, ratings false, time billable true, time in portal false", 0,
		"Helpdesk rules: reopening yes, attachments up to 10 MB, ratings no, time billable yes, time shown in the portal no"},
	{audit.SettingsChanged, "helpdesk automation: close after 7 d, remind after never, resolve after 1 d, within business hours", 0,
		"Helpdesk automation: close after 7 days, remind after never, resolve after 1 day, counted in business hours"},
	{audit.SettingsChanged, "service-level targets: low –/40 h, normal 8/24 h, high 4/8 h, urgent 1/4 h", 0,
		"Service-level targets (first response/solution): Low –/40 h, Normal 8/24 h, High 4/8 h, Urgent 1/4 h"},
	{audit.SettingsChanged, "service-level calendar: business hours, pause while waiting on, Mon 08:00–17:00, 2 holidays", 0,
		"Service-level calendar: business hours, pause while waiting for the customer: on, Monday 08:00–17:00, 2 holidays"},
	{audit.SettingsChanged, "helpdesk status Waiting (de Wartend, fr En attente)", 0, "Ticket status “Waiting” – names: Deutsch: Wartend, Français: En attente"},
	{audit.SettingsChanged, "helpdesk category Printers", 0, "Ticket category “Printers”"},
	{audit.SettingsChanged, "inbound mail authentication: off → mx.service.test", 0, "Inbound mail authentication: off → mx.service.test"},
	{audit.SettingsChanged, "mail: smtp://user:***@mail.service.test:587", 0, "Outgoing mail: smtp://user:***@mail.service.test:587"},
	{audit.PortalURLRemembered, "https://portal.service.test", 0, "https://portal.service.test"},
	{audit.BrandingChanged, "texts, new logo (image/png)", 0, "Texts and a new logo (image/png)"},
	{audit.MailTemplateSaved, "mail.invitation (fr)", 0, "Email “Invitation” in Français"},
	{audit.MailTemplateReset, "mail.gone (fr)", 0, "mail.gone (fr)"},
	{audit.MailRetried, "#5 anna@kunde.test", 0, "Email #5 to anna@kunde.test"},
	{audit.MailDiscarded, "#6 ben@kunde.test", 0, "Email #6 to ben@kunde.test"},
	{audit.KBPublished, "article:12 printer-setup", 0, "Article “[Set up the printer](/admin/kb/articles/12)” (#12)"},
	{audit.KBUnpublished, "article:13 gone", 0, "Article “gone” (#13)"},
	{audit.KBFeedbackReset, "article:12 printer-setup (views 3, yes 1, no 0)", 0,
		"Article “[Set up the printer](/admin/kb/articles/12)” (#12): had 3 reads, 1 × helpful, 0 × not helpful"},
	{audit.KBDeleted, `article:13 gone "Old \"printer\""`, 0, "Article “Old \"printer\"” (#13)"},
	{audit.KBDeleted, `article:12 printer-setup "Printer"`, 0, "Article “Printer” (#12)"}, // never linked: a newer one may have its number
	{audit.KBVisibilityChanged, "article:12 printer-setup visibility public → companies", 0,
		"Article “[Set up the printer](/admin/kb/articles/12)” (#12) – Visible to: Everyone (also without login) → Chosen companies"},
	{audit.KBSlugChanged, "article:13 old → new", 0, "Article “new” (#13) – Address name: old → new"},
	{audit.KBCategoryNames, "category:4 Printers (en Printers, he מדפסות)", 0, "Category “Printers” – names: English: Printers, עברית: מדפסות"},
	{audit.DownloadFolderNames, "folder:3 Manuals", 0, "Folder “Manuals”"},
	{audit.DownloadFolderDeleted, "folder:3 Manuals", 0, "Folder “Manuals”"},
	{audit.DownloadUploaded, "download:5 Prices 2027 (prices.pdf)", 0, "Download “[Prices 2027](/admin/downloads/files/5)” (prices.pdf)"},
	{audit.DownloadVersionAdded, "download:5 Prices (prices (2).pdf) version 2", 0, "Download “[Prices](/admin/downloads/files/5)” (prices (2).pdf), version 2"},
	{audit.DownloadVersionDeleted, "download:5 Prices (prices (1).pdf) version 1", 0, "Download “[Prices](/admin/downloads/files/5)” (prices (1).pdf), version 1"},
	{audit.DownloadChanged, "download:5 Prices (prices.pdf) visibility=companies", 0,
		"Download “[Prices](/admin/downloads/files/5)” (prices.pdf) · Visible to: Chosen companies"},
	{audit.DownloadDeleted, "download:6 Old (old.pdf)", 0, "Download “Old” (old.pdf)"},
	{audit.DownloadCompaniesChanged, `download:5 Prices (prices (2).pdf) companies +company:7 "Kunde AG"`, 0,
		"Download “[Prices](/admin/downloads/files/5)” (prices (2).pdf) – company added: [Kunde AG](/admin/companies/7)"},
	{audit.KBCompaniesChanged, `article:12 printer-setup companies +company:7 "Kunde AG" +company:9 "Zwei, \"Süd\" AG" -company:8 "Alt AG"`, 0,
		"Article “[Set up the printer](/admin/kb/articles/12)” (#12) – companies added: [Kunde AG](/admin/companies/7), Zwei, \"Süd\" AG; company removed: Alt AG"},
	{audit.KBCompaniesChanged, `article:13 gone companies -company:7 "Kunde AG"`, 0, "Article “gone” (#13) – company removed: [Kunde AG](/admin/companies/7)"},
	{audit.KBCompaniesChanged, `article:12 printer-setup companies +company:7 Kunde AG`, 0, `article:12 printer-setup companies +company:7 Kunde AG`},
	{audit.DownloadSettings, "max_upload=50 MB", 0, "Upload limit: 50 MB"},
	{audit.TextModuleCreated, `text module 5 "Greeting \"short\""`, 0, "Text module “Greeting \"short\"”"},
	{audit.TextModuleChanged, `text module 5 "Greeting" (inactive)`, 0, "Text module “Greeting” (deactivated)"},
	{audit.TextModuleDeleted, `text module 5 "Greeting"`, 0, "Text module “Greeting”"},
	{audit.TicketMerged, "#12 Printer → #34 Printer down (Kunde AG)", 0,
		"Ticket [#12](/admin/tickets/12) “Printer” merged into [#34](/admin/tickets/34) “Printer down” ([Kunde AG](/admin/companies/7))"},
	// Titles that hold " → #N ": the target is the one the source's row was merged into.
	{audit.TicketMerged, "#12 Drucker → #34 Drucker → #5 kaputt (Kunde AG)", 0,
		"Ticket [#12](/admin/tickets/12) “Drucker” merged into [#34](/admin/tickets/34) “Drucker → #5 kaputt” ([Kunde AG](/admin/companies/7))"},
	{audit.TicketMerged, "#13 Drucker → #34 Drucker → #5 kaputt (Kunde AG)", 0,
		"Ticket [#13](/admin/tickets/13) “Drucker → #34 Drucker” merged into [#5](/admin/tickets/5) “kaputt” ([Kunde AG](/admin/companies/7))"},
	{audit.TicketMerged, "#99 Drucker → #34 Drucker → #5 kaputt (Kunde AG)", 0, "#99 Drucker → #34 Drucker → #5 kaputt (Kunde AG)"},
	{audit.TicketMerged, "#14 Drucker → #34 Drucker → #5 kaputt (Kunde AG)", 0, "#14 Drucker → #34 Drucker → #5 kaputt (Kunde AG)"},
	{audit.TicketMerged, "#12 Drucker → #34 kaputt (Müller GmbH (Berlin))", 0, "#12 Drucker → #34 kaputt (Müller GmbH (Berlin))"},
	{audit.TicketMerged, "#12 Drucker (alt) → #34 kaputt (Kunde AG)", 0,
		"Ticket [#12](/admin/tickets/12) “Drucker (alt)” merged into [#34](/admin/tickets/34) “kaputt” ([Kunde AG](/admin/companies/7))"},
	{audit.TicketMerged, "#14 Drucker → #34 kaputt (Kunde AG)", 0,
		"Ticket [#14](/admin/tickets/14) “Drucker” merged into [#34](/admin/tickets/34) “kaputt” ([Kunde AG](/admin/companies/7))"},
	{audit.TicketMerged, `#12 → #34 · company:7 · "Drucker → #5 \"neu\"" → "kaputt (Kunde AG)" · "Müller GmbH (Berlin)"`, 0,
		"Ticket [#12](/admin/tickets/12) “Drucker → #5 \"neu\"” merged into [#34](/admin/tickets/34) “kaputt (Kunde AG)” ([Müller GmbH (Berlin)](/admin/companies/7))"},
	{audit.TicketTimeChanged, "#12 “Printer”, time of Anna Agent on 2026-11-20: 30 → 45 min, billable true → false", 0,
		"Ticket [#12](/admin/tickets/12) “Printer”: time of Anna Agent on 20/11/2026, 30 → 45 min, billable: yes → no"},
	{audit.TicketTimeDeleted, "#99 “Gone”, time of Anna Agent on 2026-11-20: 30 → 0 min", 0,
		"Ticket #99 “Gone”: time of Anna Agent on 20/11/2026, 30 → 0 min"},
	{audit.TicketsExported, "Kunde AG: 2026-01-01 – 2026-01-31", 0, "Kunde AG: 01/01/2026 to 31/01/2026"},
	{audit.TimeExported, "2026-01-01 – 2026-01-31", 0, "01/01/2026 to 31/01/2026"},
	{audit.AuditExported, "2026-01-01 – , action=login_failed", 0, "2026-01-01 – , action=login_failed"},
	{"passkey_added", "Laptop", 9, "Laptop"},
	{"passkey_removed", "Laptop", 9, "Laptop"},
	{"passkey_renamed", "Laptop → Phone", 9, "Laptop → Phone"},
	{"login_passkey", "Laptop", 9, "Laptop"},
}

// auditFound are the records the table's tenant still has; everything else (ticket 99,
// article 13, company 8, download 6) was deleted or is another tenant's. Ticket 12 was
// merged into 34, ticket 13 into 5; ticket 14's target was deleted since (merged_into
// cleared), so its old entries' targets are certain only where just one is written.
var auditFound = map[auditRef]auditRecord{
	{Kind: "ticket", ID: 12}: {ID: 12, Name: "Printer"}, {Kind: "ticket", ID: 34}: {ID: 34, Name: "Printer down"},
	{Kind: "company", ID: 7}: {ID: 7, Name: "Kunde AG"}, {Kind: "contact", ID: 9}: {ID: 9, Name: "Anna Muster"},
	{Kind: "article", ID: 12}: {ID: 12, Name: "Set up the printer"}, {Kind: "download", ID: 5}: {ID: 5, Name: "Prices"},
	{Kind: "staff", Key: "agent@service.test"}: {ID: 3, Name: "Agent"}, {Kind: "ticket", ID: 5}: {ID: 5, Name: "kaputt"},
	{Kind: "ticket", ID: 13}: {ID: 13, Name: "Drucker"}, {Kind: "ticket", ID: 14}: {ID: 14, Name: "Drucker"},
	{Kind: "merge", ID: 12}: {ID: 12, Into: 34, Company: 7}, {Kind: "merge", ID: 13}: {ID: 13, Into: 5, Company: 7},
	{Kind: "merge", ID: 14}: {ID: 14, Company: 7}, // merged into a ticket deleted since
}

// auditAt is when the cases' entries were written: after every record of auditFound
// was created (their Created is 0).
var auditAt = time.Unix(1_800_000_000, 0)

// partsString writes parts as text with links as [text](href).
func partsString(ps []detailPart) string {
	var b strings.Builder
	for _, p := range ps {
		if p.Href != "" {
			b.WriteString("[" + p.Text + "](" + p.Href + ")")
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

// TestAuditDetailFormats renders every target format the call sites write, in English,
// with links to the records that still exist; every action the log knows (it has a
// label) must have a format and a case here, so a new action cannot go unrendered.
func TestAuditDetailFormats(t *testing.T) {
	ctx := i18n.With(context.Background(), i18n.For("en"))
	covered := map[string]bool{}
	for _, c := range auditCases {
		covered[c.action] = true
		e := audit.Entry{Action: c.action, Target: c.target, ContactID: c.contactID, At: auditAt}
		want := map[auditRef]bool{}
		auditDetail(&detailCtx{ctx: ctx, e: e, want: want}) // the first pass: which records to look up
		if got := partsString(auditDetail(&detailCtx{ctx: ctx, e: e, found: auditFound})); got != c.want {
			t.Errorf("%s %q:\n got %q\nwant %q", c.action, c.target, got, c.want)
		}
		if strings.Contains(c.want, "](") && len(want) == 0 {
			t.Errorf("%s %q: links but the first pass asked for no record", c.action, c.target)
		}
	}
	for _, a := range auditActions() {
		if auditFormats[a] == nil {
			t.Errorf("action %s has no format in auditFormats", a)
		}
		if !covered[a] {
			t.Errorf("action %s has no case in auditCases", a)
		}
	}
	for _, a := range declaredActions(t) {
		if auditFormats[a] == nil {
			t.Errorf("action %s (declared in internal/audit or passkey) has no format in auditFormats", a)
		}
	}
	for a := range auditFormats {
		if actionLabel(ctx, a) == a {
			t.Errorf("format for %s, which has no label (audit.action.%s)", a, a)
		}
	}
}

// TestAuditDetailLanguages: the same entry reads in each language, names and addresses
// as written; a target no format reads, and one of an unknown action, is shown as is.
func TestAuditDetailLanguages(t *testing.T) {
	found := map[auditRef]auditRecord{{Kind: "article", ID: 12}: {ID: 12, Name: "Drucker einrichten"}, {Kind: "ticket", ID: 123}: {ID: 123, Name: "Drucker"}}
	render := func(lang, action, target string) string {
		ctx := i18n.With(context.Background(), i18n.For(lang))
		return partsString(auditDetail(&detailCtx{ctx: ctx, e: audit.Entry{Action: action, Target: target, At: auditAt}, found: found}))
	}
	for lang, want := range map[string]string{
		"de": "Artikel „[Drucker einrichten](/admin/kb/articles/12)“ (#12)",
		"fr": "Article «\u00a0[Drucker einrichten](/admin/kb/articles/12)\u00a0» (n° 12)",
		"he": "מאמר „[Drucker einrichten](/admin/kb/articles/12)” (מס׳ 12)",
		"th": "บทความ “[Drucker einrichten](/admin/kb/articles/12)” (หมายเลข 12)",
	} {
		if got := render(lang, audit.KBPublished, "article:12 drucker"); got != want {
			t.Errorf("%s: got %q, want %q", lang, got, want)
		}
	}
	if got := render("de", audit.TicketMerged, "#123 Drucker → #456 Drucker kaputt (Kunde AG)"); got !=
		"Ticket [#123](/admin/tickets/123) „Drucker“ mit #456 „Drucker kaputt“ zusammengeführt (Kunde AG)" {
		t.Errorf("German merge: %q", got)
	}
	if got := render("he", audit.SessionsEnded, "2"); got != "שתי הפעלות אחרות" {
		t.Errorf("Hebrew dual: %q", got)
	}
	for _, c := range [][2]string{{audit.TicketMerged, "ticket 12 into 34"}, {"some_future_action", "article:12 x"},
		{audit.KBPublished, "article:12"}, {audit.SessionsEnded, "viele"}} {
		if got := render("de", c[0], c[1]); got != c[1] {
			t.Errorf("%s %q: not as written: %q", c[0], c[1], got)
		}
	}
}

// declaredActions reads the actions from the source: the string constants of package
// audit and the Action constants of package passkey, so an action declared without a
// label is caught too.
func declaredActions(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob("../audit/*.go")
	files = append(files, "../passkey/passkey.go")
	var out []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, v := range vs.Values {
					lit, ok := v.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING || (strings.Contains(name, "passkey") && !strings.HasPrefix(vs.Names[i].Name, "Action")) {
						continue
					}
					s, _ := strconv.Unquote(lit.Value)
					out = append(out, s)
				}
			}
		}
	}
	if len(out) < 70 {
		t.Fatalf("read only %d actions from the source", len(out))
	}
	return out
}

// TestAuditDetailUnitsAndPlurals: the service-level targets' hours read in the
// language's unit (not a Latin "h" in Hebrew or Thai), and counts take the plural form
// of their number: in French, Spanish and Portuguese the "many" form ("de jours") only
// for round millions, the "other" form for ordinary numbers and for 1 000 001; the
// numbers grouped the language's way.
func TestAuditDetailUnitsAndPlurals(t *testing.T) {
	render := func(lang, action, target string) string {
		ctx := i18n.With(context.Background(), i18n.For(lang))
		return partsString(auditDetail(&detailCtx{ctx: ctx, e: audit.Entry{Action: action, Target: target}}))
	}
	targets := "service-level targets: low –/40 h, normal 8/24 h, high 4/8 h, urgent 1/4 h"
	for lang, unit := range map[string]string{"en": "8/24 h", "de": "8/24 Std.", "da": "8/24 t.", "nl": "8/24 u",
		"fr": "8/24 h", "pt": "8/24 h", "es": "8/24 h", "he": "8/24 שע׳", "th": "8/24 ชม."} {
		got := render(lang, audit.SettingsChanged, targets)
		if !strings.Contains(got, unit) || !strings.Contains(got, strings.Replace(unit, "8/24", "–/40", 1)) {
			t.Errorf("%s: targets without %q: %q", lang, unit, got)
		}
		if lang == "he" || lang == "th" {
			if strings.Contains(got, " h") {
				t.Errorf("%s: a Latin hour unit: %q", lang, got)
			}
		}
	}
	for _, c := range []struct{ lang, action, target, want string }{
		{"fr", audit.SessionsEnded, "2", "2 autres sessions"},
		{"fr", audit.SessionsEnded, "1000000", "1\u00a0000\u00a0000 d’autres sessions"},
		{"fr", audit.SessionsEnded, "1000001", "1\u00a0000\u00a0001 autres sessions"},
		{"fr", audit.SessionsEnded, "1", "1 autre session"},
		{"es", audit.SessionsEnded, "2", "2 sesiones más"},
		{"es", audit.SessionsEnded, "2000000", "2.000.000 de sesiones más"},
		{"pt", audit.SessionsEnded, "3", "3 outras sessões"},
		{"pt", audit.SessionsEnded, "1000000", "1.000.000 de outras sessões"},
	} {
		if got := render(c.lang, c.action, c.target); got != c.want {
			t.Errorf("%s %s: got %q, want %q", c.lang, c.target, got, c.want)
		}
	}
	for _, c := range []struct{ lang, days, want string }{
		{"fr", "7", "7 jours"}, {"fr", "1000000", "1\u00a0000\u00a0000 de jours"}, {"fr", "1000001", "1\u00a0000\u00a0001 jours"},
		{"es", "7", "7 días"}, {"es", "1000000", "1.000.000 de días"}, {"pt", "7", "7 dias"}, {"pt", "1000000", "1.000.000 de dias"},
	} {
		got := render(c.lang, audit.SettingsChanged, "helpdesk automation: close after "+c.days+" d, remind after never, resolve after 1 d, within business hours")
		if !strings.Contains(got, " "+c.want+",") {
			t.Errorf("%s %s days: %q lacks %q", c.lang, c.days, got, c.want)
		}
	}
}

// TestAuditWrittenForms: what the call sites write now (audit.MergeTarget,
// audit.InboxCreatedTarget) reads back part for part, however the titles and names
// (typed by customers and staff) read.
func TestAuditWrittenForms(t *testing.T) {
	ctx := i18n.With(context.Background(), i18n.For("en"))
	for _, c := range []struct{ action, target, want string }{
		{audit.TicketMerged, audit.MergeTarget(12, 34, 7, `Drucker → #5 "neu" (Kunde AG)`, "kaputt · \"x\"", "Müller (Berlin)"),
			"Ticket [#12](/admin/tickets/12) “Drucker → #5 \"neu\" (Kunde AG)” merged into [#34](/admin/tickets/34) “kaputt · \"x\"” ([Müller (Berlin)](/admin/companies/7))"},
		{audit.InboxTicketCreated, audit.InboxCreatedTarget(12, 7, "Re: a: b, x@y.test (new contact)", "Kunde: AG", "anna@kunde.test", true),
			"Ticket [#12](/admin/tickets/12) “Re: a: b, x@y.test (new contact)” for [Kunde: AG](/admin/companies/7), from anna@kunde.test (new contact)"},
		{audit.InboxTicketCreated, audit.InboxCreatedTarget(12, 8, "Printer", "Zwei AG", "anna@zwei.test", false),
			"Ticket [#12](/admin/tickets/12) “Printer” for Zwei AG, from anna@zwei.test"},
	} {
		e := audit.Entry{Action: c.action, Target: c.target, At: auditAt}
		if got := partsString(auditDetail(&detailCtx{ctx: ctx, e: e, found: auditFound})); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.target, got, c.want)
		}
	}
}
