package admin

import (
	"errors"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"pforte/internal/report"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketTimeRoutes are time accounting on a ticket (ticket/time_entry.go): logging
// time without a message, and changing or deleting an entry. Time logged with a reply
// comes with the reply form (ticket_reply.go).
func (a *Admin) ticketTimeRoutes() []web.Route {
	return []web.Route{
		{Pattern: "POST /admin/tickets/{id}/time", Handler: a.helpdesk(a.ticketTimeAdd)},
		{Pattern: "GET /admin/tickets/{id}/time/{entry}", Handler: a.helpdesk(a.ticketTimeEditForm)},
		{Pattern: "POST /admin/tickets/{id}/time/{entry}", Handler: a.helpdesk(a.ticketTimeSave)},
		{Pattern: "POST /admin/tickets/{id}/time/{entry}/delete", Handler: a.helpdesk(a.ticketTimeDelete)},
	}
}

// durationMessages are the messages of ticket.ParseDuration's errors.
var durationMessages = map[error]string{
	ticket.ErrDurationZero: "time_tracking.error.zero",
	ticket.ErrDurationLong: "time_tracking.error.long",
}

// durationField reads the duration typed in field name into minutes, adding the
// message for a missing or unusable one to f (0 then). Optional fields left empty
// are 0 without a message.
func durationField(f web.Form, name string, required bool) int {
	s := f.Get(name)
	if s == "" {
		if required {
			f.Errors.Add(name, "time_tracking.error.required", nil)
		}
		return 0
	}
	m, err := ticket.ParseDuration(s)
	if err != nil {
		msg := "time_tracking.error.format"
		for e, id := range durationMessages {
			if errors.Is(err, e) {
				msg = id
			}
		}
		f.Errors.Add(name, msg, nil)
		return 0
	}
	return m
}

// timeLogInput reads the "log time" form (log_date, log_duration, log_billable,
// log_note), shared by logging and editing, adding messages to f. A day must be a
// date and not after today in the tenant's zone loc: work is logged once it was done.
func timeLogInput(f web.Form, now time.Time, loc *time.Location) ticket.TimeInput {
	in := ticket.TimeInput{Date: f.Get("log_date"), Billable: f.Get("log_billable") == "1", Note: f.Get("log_note")}
	in.Minutes = durationField(f, "log_duration", true)
	switch day, err := time.Parse(ticket.TimeDateLayout, in.Date); {
	case in.Date == "":
		f.Errors.Add("log_date", "time_tracking.error.date_required", nil)
	case err != nil:
		f.Errors.Add("log_date", "time_tracking.error.date", nil)
	case day.Format(ticket.TimeDateLayout) > today(now, loc):
		f.Errors.Add("log_date", "time_tracking.error.future", nil)
	case day.Year() < report.MinYear: // a slip like 1926: no report period could show it
		f.Errors.Add("log_date", "qa_admin.time.date_old", map[string]any{"Min": strconv.Itoa(report.MinYear)})
	}
	if utf8.RuneCountInString(in.Note) > ticket.TimeNoteMax {
		f.Errors.Add("log_note", "time_tracking.error.note_long", map[string]any{"Max": ticket.TimeNoteMax})
	}
	return in
}

// today is the date of now in the tenant's zone loc (ticket.TimeDateLayout).
func today(now time.Time, loc *time.Location) string {
	return now.In(loc).Format(ticket.TimeDateLayout)
}

// timeLogForm is the empty "log time" form: today, billable as the tenant's setting.
func timeLogForm(now time.Time, loc *time.Location, billable bool) web.Form {
	f := web.NewForm()
	f.Set("log_date", today(now, loc))
	if billable {
		f.Set("log_billable", "1")
	}
	return f
}

// timeEntryForm is the edit form filled with entry e.
func timeEntryForm(e ticket.TimeEntry) web.Form {
	f := web.NewForm()
	f.Set("log_date", e.Date)
	f.Set("log_duration", durationInput(e.Minutes))
	if e.Billable {
		f.Set("log_billable", "1")
	}
	f.Set("log_note", e.Note)
	return f
}

// durationInput writes minutes as the field takes them back ("1:30"), in every
// language: ParseDuration reads it whatever the reader's decimal separator.
func durationInput(m int) string {
	return fmt.Sprintf("%d:%02d", m/60, m%60)
}

// timeFailed is the message for a rule that refused a change of time, "" for none of
// them.
func timeFailed(err error) string {
	switch {
	case errors.Is(err, ticket.ErrBilled):
		return "time_tracking.billed_locked"
	case errors.Is(err, ticket.ErrMerged):
		return "ticket_merge.merged_failed"
	case errors.Is(err, ticket.ErrTimeNotYours):
		return "time_tracking.not_yours"
	}
	return ""
}
