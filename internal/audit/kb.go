package audit

// Actions of the knowledge base: an article was published (became visible in the
// portal) or taken back to draft, deleted, given other readers (its visibility) or
// another address (its slug).
const (
	KBPublished         = "kb_published"
	KBUnpublished       = "kb_unpublished"
	KBDeleted           = "kb_deleted"
	KBVisibilityChanged = "kb_visibility_changed"
	KBSlugChanged       = "kb_slug_changed"
)
