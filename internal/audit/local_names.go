package audit

// Actions for names in the portal's other languages (package localname): staff gave,
// changed or removed the names of a knowledge-base category or a download folder.
const (
	KBCategoryNames     = "kb_category_names"
	DownloadFolderNames = "download_folder_names"
)
