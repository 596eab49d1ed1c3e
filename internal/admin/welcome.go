package admin

// wake tells the mail worker there is mail to send now rather than at its next poll.
func (a *Admin) wake() {
	if a.env.Wake != nil {
		a.env.Wake()
	}
}
