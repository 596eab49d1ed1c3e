package admin

import (
	"context"
	"errors"
	"net/http"
	"time"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// followUpLayout is how the date and time field sends a moment (datetime-local, in the
// tenant's zone); followUpLayouts are what else a person types where the browser shows a
// plain text field instead.
const followUpLayout = "2006-01-02T15:04"

var followUpLayouts = []string{followUpLayout, "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02"}

// followUpHour is the time of day the quick choices pick: the start of a working day.
const followUpHour = 9

// followUpMaxAhead bounds a follow-up's distance: a year typed wrongly (2062 for 2026)
// is refused rather than hiding the ticket's follow-up for decades.
const followUpMaxAhead = 5 * 365 * 24 * time.Hour

// followUpQuick are the quick choices' values, in the order the card shows them.
var followUpQuick = []string{"tomorrow", "3days", "monday", "week"}

// ticketFollowUp sets or clears the ticket's follow-up (ticket/followup.go): "when" is
// a quick choice, "date" for the date and time field, or "clear". Bad input shows the
// page again with the message at the field and what was typed kept; another tenant's
// ticket is a 404.
func (a *Admin) ticketFollowUp(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	var at time.Time
	clear := f.Get("when") == "clear"
	if f.Err == "" && !clear {
		at = followUpMoment(f, a.env.Now(), v.Tenant.Location())
		if len([]rune(f.Get("followup_note"))) > ticket.FollowUpNoteMax {
			f.Errors.Add("followup_note", "followup.error.note_long", map[string]any{"Max": ticket.FollowUpNoteMax})
		}
	}
	if !f.Invalid() {
		err := a.changeTicket(r, v, id, func(ctx context.Context, tx *db.Tx, t ticket.Ticket, c change) error {
			if clear {
				return ticket.ClearFollowUp(ctx, tx, t, c.By, c.Now)
			}
			return ticket.SetFollowUp(ctx, tx, t, at, f.Get("followup_note"), c.By, c.Now)
		})
		if errors.Is(err, ticket.ErrFollowUpPast) { // the moment passed while the form was sent
			f.Errors.Add("followup_at", "followup.error.past", nil)
		} else {
			msg := "followup.saved"
			if clear {
				msg = "followup.cleared"
			}
			if a.afterChange(w, r, id, err, &f, msg) {
				return
			}
		}
	}
	a.renderTicket(w, r, v, ticketForms{FollowUp: f}, http.StatusUnprocessableEntity)
}

// followUpMoment reads the moment the form asks for in the tenant's zone loc, adding
// an error to f for a missing, malformed, past or far-off one.
func followUpMoment(f web.Form, now time.Time, loc *time.Location) time.Time {
	when := f.Get("when")
	if when != "date" && when != "" {
		at, ok := followUpQuickMoment(when, now, loc)
		if !ok {
			f.Errors.Add("followup_at", "followup.error.choice", nil)
		}
		return at
	}
	s := f.Get("followup_at")
	if s == "" {
		f.Errors.Add("followup_at", "followup.error.required", nil)
		return time.Time{}
	}
	for _, layout := range followUpLayouts {
		at, err := time.ParseInLocation(layout, s, loc)
		if err != nil {
			continue
		}
		if layout == "2006-01-02" {
			at = at.Add(followUpHour * time.Hour)
		}
		switch {
		case !at.After(now):
			f.Errors.Add("followup_at", "followup.error.past", nil)
		case at.Sub(now) > followUpMaxAhead:
			f.Errors.Add("followup_at", "followup.error.far", nil)
		}
		return at
	}
	f.Errors.Add("followup_at", "followup.error.format", nil)
	return time.Time{}
}

// followUpQuickMoment is the moment of a quick choice at now in loc, at followUpHour
// of its day: tomorrow, in three days, next Monday (a week ahead on a Monday), in a
// week. time.Date normalises the day and keeps the hour across a change of clocks.
func followUpQuickMoment(choice string, now time.Time, loc *time.Location) (time.Time, bool) {
	local := now.In(loc)
	days := 0
	switch choice {
	case "tomorrow":
		days = 1
	case "3days":
		days = 3
	case "monday":
		days = (int(time.Monday-local.Weekday())+6)%7 + 1
	case "week":
		days = 7
	default:
		return time.Time{}, false
	}
	return time.Date(local.Year(), local.Month(), local.Day()+days, followUpHour, 0, 0, 0, loc), true
}

// followUpForm is the follow-up form filled with the ticket's follow-up, in zone loc.
func followUpForm(fu ticket.FollowUp, loc *time.Location) web.Form {
	f := web.NewForm()
	if !fu.At.IsZero() {
		f.Set("followup_at", fu.At.In(loc).Format(followUpLayout))
		f.Set("followup_note", fu.Note)
	}
	return f
}

// followUpEventText is a history entry of a follow-up set: who, for when (in the
// tenant's zone) and the note, if any.
func followUpEventText(ctx context.Context, e ticket.Event) string {
	at, note, ok := ticket.ParseFollowUpEvent(e.Note)
	if !ok {
		return e.Actor + ": " + e.Kind
	}
	data := map[string]any{"Actor": e.Actor, "Date": web.When(ctx, at), "Note": note}
	if note == "" {
		return i18n.T(ctx, "tickets_admin.event.followup", data)
	}
	return i18n.T(ctx, "tickets_admin.event.followup_note", data)
}
