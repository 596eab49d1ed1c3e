package admin

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// The ticket page's forms carry how far the page showed the ticket (ticket.Mark) in
// the hidden fields seen_msg and seen_event. A form that comes back after others
// answered or changed the ticket is not carried out: the page comes back with the
// typed text kept, what happened marked, and the new mark, so sending again does it
// anyway. A form without the fields (an older page) is carried out as before.

// staleOn is what a form conflicts with.
type staleOn int

const (
	staleMessages staleOn = 1 << iota // replies and notes of others
	staleStatus                       // status changes by others
	staleAssignee                     // assignments by others
)

// staleError refuses a step: others changed the ticket since the form's page.
type staleError struct{ ch ticket.Changes }

func (e *staleError) Error() string { return "admin: the ticket changed since the form was shown" }

// formMark reads the mark a form carries; ok is false when it carries none. A mangled
// number counts as 0, so everything counts as news rather than nothing.
func formMark(f web.Form) (m ticket.Mark, ok bool) {
	msg, ev := f.Raw("seen_msg"), f.Raw("seen_event")
	if msg == "" && ev == "" {
		return m, false
	}
	m.Message, _ = strconv.ParseInt(msg, 10, 64)
	m.Event, _ = strconv.ParseInt(ev, 10, 64)
	return m, true
}

// keptMark is the mark of a submitted form that comes back for another reason than
// others' changes (a field error, a text module inserted without script): it keeps
// the mark it came with, so what arrived meanwhile is still news when it is sent.
func keptMark(forms ticketForms) (ticket.Mark, bool) {
	if m, ok := formMark(forms.Reply); ok {
		return m, true
	}
	return formMark(forms.Other)
}

// checkStale returns a *staleError when others than me did what on is about since
// the mark f carries. It runs inside the step's transaction, right before the change.
func checkStale(ctx context.Context, tx *db.Tx, t ticket.Ticket, f web.Form, me int64, on staleOn) error {
	m, ok := formMark(f)
	if !ok {
		return nil
	}
	ch, err := ticket.Since(ctx, tx, t, m, me)
	if err != nil {
		return err
	}
	var hit ticket.Changes
	if on&staleMessages != 0 {
		hit.Messages = ch.Messages
	}
	if on&staleStatus != 0 {
		hit.Events = append(hit.Events, ch.StatusEvents()...)
	}
	if on&staleAssignee != 0 {
		hit.Events = append(hit.Events, ch.Assignments()...)
	}
	if len(hit.Messages)+len(hit.Events) == 0 {
		return nil
	}
	slices.SortFunc(hit.Events, func(a, b ticket.Event) int { return int(a.ID - b.ID) })
	return &staleError{ch: hit}
}

// staleNote is the notice above a refused form: what happened, in the reader's
// language, and which messages of the conversation are new to them.
type staleNote struct {
	Form     string // "reply" (the reply form) or "other" (status, assignee)
	Headline string
	Items    []string
	Hint     string
	First    int64 // the first new message, to jump to (0: none)
	Fresh    map[int64]bool
}

// staleAnswer answers a step that failed with a *staleError by showing the ticket
// again with forms (the submitted one kept) and the notice for form; files tells that
// the form's attachments were kept as staged uploads (ticket_staged.go). It reports
// whether it answered.
func (a *Admin) staleAnswer(w http.ResponseWriter, r *http.Request, v *visit, err error, forms ticketForms, form string, files bool) bool {
	var se *staleError
	if !errors.As(err, &se) {
		return false
	}
	forms.Stale = staleNoteOf(r.Context(), se.ch, form, files)
	a.renderTicket(w, r, v, forms, http.StatusConflict)
	return true
}

// staleNoteOf words what others did: for the reply form and messages only, the one
// sentence that says it ("Bernd Koch replied while you were writing…"); otherwise a
// headline and one line per change.
func staleNoteOf(ctx context.Context, ch ticket.Changes, form string, files bool) *staleNote {
	n := &staleNote{Form: form, Fresh: map[int64]bool{}}
	for _, m := range ch.Messages {
		n.Fresh[m.ID] = true
		if n.First == 0 {
			n.First = m.ID
		}
	}
	if form == "reply" && len(ch.Events) == 0 {
		last := ch.Messages[len(ch.Messages)-1]
		key := "presence.conflict.messages"
		switch {
		case len(ch.Messages) > 1:
		case last.Internal:
			key = "presence.conflict.note"
		default:
			key = "presence.conflict.reply"
		}
		n.Headline = i18n.T(ctx, key, map[string]any{"Name": authorName(ctx, last.Author)})
	} else {
		n.Headline = i18n.T(ctx, "presence.conflict.changed")
		for _, m := range ch.Messages {
			key := "presence.item.reply"
			if m.Internal {
				key = "presence.item.note"
			}
			n.Items = append(n.Items, i18n.T(ctx, key, map[string]any{"Name": authorName(ctx, m.Author), "Time": web.When(ctx, m.CreatedAt)}))
		}
		for _, e := range ch.Events {
			// The reader's colon: French puts a no-break space before it.
			at := i18n.T(ctx, "qafix.label_colon", map[string]any{"Label": web.When(ctx, e.CreatedAt)})
			n.Items = append(n.Items, at+" "+eventText(ctx, e))
		}
	}
	n.Hint = i18n.T(ctx, "presence.conflict.anyway_"+form)
	if files {
		n.Hint += " " + i18n.T(ctx, "staged_uploads.kept")
	}
	return n
}

// authorName is who wrote a message, isolated on right-to-left pages; a message
// without a name is "someone".
func authorName(ctx context.Context, name string) string {
	if name == "" {
		return i18n.T(ctx, "presence.someone")
	}
	return isolateName(ctx, name)
}
