package audit

// Actions of the knowledge base: an article was published (became visible in the
// portal) or taken back to draft.
const (
	KBPublished   = "kb_published"
	KBUnpublished = "kb_unpublished"
)
