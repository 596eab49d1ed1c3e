package admin

import (
	"strings"

	"pforte/internal/access"
	"pforte/internal/audit"
	"pforte/internal/passkey"
)

// auditFormats render the targets the call sites of audit.Log write, by action. Every
// action the log knows has an entry (a test walks them); nil-returning formats show
// what people typed (a company's or passkey's name, an address) as written.
var auditFormats = map[string]detailFormat{
	audit.LoginOK: fmtWord, audit.LoginFailed: fmtWord, audit.LoginThrottled: fmtWord, audit.Logout: fmtWord,
	audit.SessionsEnded: fmtSessions, audit.PasswordChanged: fmtWord, audit.PasswordChangeFailed: fmtWord,
	audit.PasswordResetRequested: fmtWord, audit.PasswordReset: fmtWord, audit.PasswordSet: fmtWord,
	audit.TwoFactorEnabled: fmtWord, audit.TwoFactorDisabled: fmtWord, audit.TwoFactorFailed: fmtWord,
	audit.RecoveryCodeUsed: fmtWord, audit.RecoveryCodesRenewed: fmtWord, audit.AccountDeleteFailed: fmtWord,
	audit.CompanyTwoFactorChanged: fmtCompanyTwoFactor, audit.StaffTwoFactorRequired: fmtStaffTwoFactor,

	audit.AccessGranted: fmtMembership, audit.AccessRevoked: fmtMembership, audit.InvitationSent: fmtMembership,
	audit.InvitationWithdrawn: fmtMembership, audit.MembershipAdded: fmtMembership, audit.RoleChanged: fmtMembership,
	audit.RegistrationApproved: fmtMembership, audit.InvitationAccepted: fmtCompany,
	audit.ContactChanged: fmtContactChanged, audit.NotificationsChanged: fmtOnOff, audit.AccountDeleted: fmtAccountDeleted,
	audit.PreviewStarted: fmtPreview, audit.PreviewEnded: fmtPreview,

	audit.AdminSetup: fmtStaff, audit.StaffCreated: fmtStaff, audit.StaffChanged: fmtStaff,
	audit.StaffInvitationResent: fmtStaff, audit.StaffNotificationsChanged: fmtOnOff, audit.SignatureChanged: fmtWhat,
	audit.StaffInvitationWithdrawn: fmtStaff, audit.StaffRenamed: fmtAsWritten, audit.StaffTicketsUnassigned: fmtAsWritten,
	audit.StaffLoginLinkIssued: fmtStaff, audit.StaffTwoFactorReset: fmtStaff,

	audit.RegistrationRequested: fmtAsWritten, audit.RegistrationConfirmed: fmtAsWritten,
	audit.RegistrationRejected: fmtRejected, audit.InboxDone: fmtAsWritten, audit.CompanyCreated: fmtCompanyCreated,
	audit.CompanyDomainAdded: fmtDomain, audit.CompanyDomainRemoved: fmtDomainRemoved,
	audit.CompanyArchived: fmtCompanyArchive, audit.CompanyRestored: fmtCompanyArchive,
	audit.InboxTicketCreated: fmtInboxCreated, audit.InboxTicketAttached: fmtInboxAttached,

	audit.SettingsChanged: fmtSettings, audit.PortalURLRemembered: fmtAsWritten, audit.BrandingChanged: fmtWhat,
	audit.MailTemplateSaved: fmtMailTemplate, audit.MailTemplateReset: fmtMailTemplate, audit.MailRetried: fmtMailRetried,
	audit.MailDiscarded: fmtMailRetried,

	audit.KBPublished: fmtArticle, audit.KBUnpublished: fmtArticle, audit.KBFeedbackReset: fmtArticle,
	audit.KBDeleted: fmtArticleDeleted, audit.KBVisibilityChanged: fmtArticleVisibility, audit.KBSlugChanged: fmtArticleSlug,
	audit.KBCategoryNames: fmtNamed, audit.DownloadFolderNames: fmtNamed, audit.DownloadFolderDeleted: fmtNamed,
	audit.DownloadUploaded: fmtDownload, audit.DownloadVersionAdded: fmtDownload, audit.DownloadChanged: fmtDownload,
	audit.DownloadDeleted: fmtDownload, audit.DownloadSettings: fmtWhat, audit.DownloadVersionDeleted: fmtDownload,
	audit.KBCompaniesChanged: fmtArticleCompanies, audit.DownloadCompaniesChanged: fmtDownloadCompanies,
	audit.TextModuleCreated: fmtTextModule, audit.TextModuleChanged: fmtTextModule, audit.TextModuleDeleted: fmtTextModule,

	audit.TicketMerged: fmtMerge, audit.TicketTimeChanged: fmtTime, audit.TicketTimeDeleted: fmtTime,
	audit.TicketDeleted: fmtTicketDeleted, // audit_render_ticket_delete.go
	audit.TicketMoved:   fmtAsWritten, audit.TicketFollowerAdded: fmtAsWritten, audit.TicketFollowerRemoved: fmtAsWritten,
	audit.TicketsExported: fmtPeriod, audit.TimeExported: fmtPeriod, audit.AuditExported: fmtAsWritten,

	passkey.ActionAdded: fmtAsWritten, passkey.ActionRemoved: fmtAsWritten, passkey.ActionRenamed: fmtAsWritten,
	passkey.ActionLogin: fmtAsWritten,

	access.SupportResetSent: fmtSupport, access.SupportTwoFactorReset: fmtSupport, access.SupportUnlocked: fmtSupport,
}

// fmtAsWritten: text typed by people or a program's own (a company, a passkey, the
// portal's address), shown as written.
func fmtAsWritten(*detailCtx, string) []detailPart { return nil }

// fmtCompany: a company by name, as written (detailCtx.company says why not linked).
func fmtCompany(d *detailCtx, s string) []detailPart {
	if s == "" {
		return nil
	}
	return []detailPart{d.company(s)}
}

// fmtRejected: "anna@x: reason", the address of a registration and staff's reason.
func fmtRejected(d *detailCtx, s string) []detailPart {
	email, reason, ok := strings.Cut(s, ": ")
	if !ok || !strings.Contains(email, "@") {
		return nil
	}
	if strings.TrimSpace(reason) == "" { // staff gave no reason
		return detailText(email)
	}
	return d.t("audit_details.rejected", map[string]any{"Email": email, "Reason": reason})
}

// fmtDomain: "kunde.test → Kunde AG", a sender's domain given to a company.
func fmtDomain(d *detailCtx, s string) []detailPart {
	return domainDetail(d, s, "audit_details.domain")
}

// domainDetail is "domain → company" (a domain given to or taken off a company) told
// by message id.
func domainDetail(d *detailCtx, s, id string) []detailPart {
	domain, company, ok := strings.Cut(s, " → ")
	if !ok {
		return nil
	}
	return d.t(id, map[string]any{"Domain": domain, "Company": d.company(company)})
}
