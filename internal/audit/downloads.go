package audit

// Actions of the download area: what staff publish, to whom, and what they remove.
const (
	DownloadUploaded     = "download_uploaded"      // a new file (its first version)
	DownloadVersionAdded = "download_version_added" // a new version of a file
	// DownloadVersionDeleted is one wrong version of a file removed (never its last).
	DownloadVersionDeleted = "download_version_deleted"
	DownloadChanged        = "download_changed"        // title, description, folder or visibility
	DownloadDeleted        = "download_deleted"        // a file with all its versions and its log
	DownloadFolderDeleted  = "download_folder_deleted" // an empty folder
	DownloadSettings       = "download_settings"       // the upload limit
)
