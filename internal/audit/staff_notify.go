package audit

// StaffNotificationsChanged: a staff member chose other helpdesk mails on My account
// (see staff.Notifications); the entry's target holds the new choice.
const StaffNotificationsChanged = "staff_notifications_changed"
