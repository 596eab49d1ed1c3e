package audit

// KBFeedbackReset: staff set an article's reads to zero and removed its "Was this
// article helpful?" answers and comments (kb.ResetFeedback).
const KBFeedbackReset = "kb_feedback_reset"
