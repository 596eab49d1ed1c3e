package web

// WakeWorker tells the mail worker there is mail to send now rather than at its next
// poll. Call it after the transaction that queued the mail has committed.
func (e *Env) WakeWorker() {
	if e.Wake != nil {
		e.Wake()
	}
}
