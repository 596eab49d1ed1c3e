package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	"pforte/internal/twofactor"
)

// SecondStep is where a sign-in's pending second factor lives: a cookie holding the
// challenge token (not a session: no page but the code form accepts it), the code form,
// and the password form a lost challenge goes back to. The portal and the back office
// each have one, with cookies of their own.
type SecondStep struct {
	Cookie    string
	CodePath  string
	LoginPath string
}

// Start sends someone whose password was right to the code form, keeping next.
func (s SecondStep) Start(env *Env, w http.ResponseWriter, r *http.Request, challenge, next string) {
	env.SetCookie(w, r, s.Cookie, challenge, twofactor.ChallengeTTL)
	env.WakeWorker() // a reset or an invitation on the way here queued a notice
	to := s.CodePath
	if next = LocalPath(next, ""); next != "" {
		to += "?next=" + url.QueryEscape(next)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// Gone sends the visitor back to the password form with a note.
func (s SecondStep) Gone(env *Env, w http.ResponseWriter, r *http.Request) {
	env.ClearCookie(w, r, s.Cookie)
	env.Flash(w, r, "security.challenge_gone_failed", s.LoginPath)
}

// Token is the pending challenge's token, "" without the cookie.
func (s SecondStep) Token(env *Env, r *http.Request) string {
	if ck, err := env.Cookie(r, s.Cookie); err == nil {
		return ck.Value
	}
	return ""
}

// Form shows the code form while the pending challenge is live (check asks the
// service), keeping next; a missing or finished challenge goes back to the password.
func (s SecondStep) Form(env *Env, w http.ResponseWriter, r *http.Request, c Chrome,
	check func(ctx context.Context, tenantID int64, token string) error) {
	token := s.Token(env, r)
	if token == "" || check(r.Context(), TenantFrom(r.Context()).ID, token) != nil {
		s.Gone(env, w, r)
		return
	}
	c.SetFlash(r.Context(), env.TakeFlash(w, r))
	f := NewForm()
	f.Set("next", LocalPath(r.URL.Query().Get("next"), ""))
	Render(w, r, http.StatusOK, LoginCodePage(c, f, s.CodePath, s.LoginPath))
}

// Refuse shows the code form again with f's errors.
func (s SecondStep) Refuse(w http.ResponseWriter, r *http.Request, c Chrome, f Form) {
	Render(w, r, http.StatusUnprocessableEntity, LoginCodePage(c, f, s.CodePath, s.LoginPath))
}

// Submit takes the code form: verify checks the typed code against the pending step's
// token and finishes the sign-in in the service. A step that is gone (verify answers
// an error matching gone) starts over at the password; a wrong code shows the form
// again with its error; on success the step's cookie goes and done answers with the
// form's next page.
func (s SecondStep) Submit(env *Env, w http.ResponseWriter, r *http.Request, c Chrome, gone error,
	verify func(token, code string) error, done func(next string)) {
	token := s.Token(env, r)
	if token == "" {
		s.Gone(env, w, r)
		return
	}
	f := ParseForm(w, r)
	if f.Err == "" {
		err := verify(token, f.Get("code"))
		if errors.Is(err, gone) {
			s.Gone(env, w, r)
			return
		}
		if err != nil && !f.Take(err) {
			env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		s.Refuse(w, r, c, f)
		return
	}
	env.WakeWorker() // a recovery code sends a notice
	env.ClearCookie(w, r, s.Cookie)
	done(f.Get("next"))
}
