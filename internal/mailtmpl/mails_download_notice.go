package mailtmpl

// Placeholders of the download notice.
var (
	// NewCount is how many files are new or have a new version in the digest.
	NewCount = Placeholder{Name: "count", Data: "Count", Sample: "2"}
	// NewFiles are their titles, separated by commas (the list with links follows the
	// text in every wording).
	NewFiles = Placeholder{Name: "files", Data: "Files", SampleKey: "templates.sample.files"}
)

// The download notice (download.MailNotices): a contact who subscribed to a folder or a
// file hears, in one digest per quiet spell, of the new files and versions their
// company may see. The list of files with their links follows the text, and a line
// after the closing leads to the portal's notification settings; neither is part of
// the editable wording, so every wording of the mail carries them.
func init() {
	register(Mail{Key: "mail.download_notice", Placeholders: with("/downloads", Company, NewCount, NewFiles)})
}
