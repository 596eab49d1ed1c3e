package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/principal"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestStaffSignature: a member sets a signature on My account (too long or too many
// lines is refused with the text kept); the reply form then has "add my signature"
// ticked, and a public reply carries it in the portal's conversation and in the mail
// to the contact. Unticked, or on an internal note, nothing is added.
func TestStaffSignature(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		id := h.open(t, h.acme, h.anna, "Printer jams")
		path := "/admin/tickets/" + itoa64(id)
		if page := h.staffC.Get(path).Body; strings.Contains(page, `name="signature"`) || !strings.Contains(page, `href="/admin/account#signature"`) {
			t.Error("without a signature the reply form should point to My account")
		}

		for _, bad := range []string{"KEEP " + strings.Repeat("x", staff.MaxSignature), "KEEP\n" + strings.Repeat("line\n", staff.MaxSignatureLines)} {
			r := h.staffC.Post("/admin/account/signature", url.Values{"signature": {bad}})
			if r.Status != 422 || !strings.Contains(r.Body, "KEEP") || !strings.Contains(r.Body, `id="e-signature"`) {
				t.Errorf("bad signature: %d %s", r.Status, extractErrors(r.Body))
			}
		}
		r := h.staffC.Post("/admin/account/signature", url.Values{"signature": {"\r\nAlex Admin  \r\nService GmbH · Hotline 0711 1234\r\n\r\n"}})
		if r.Status != 303 {
			t.Fatalf("save signature: %d %s", r.Status, extractErrors(r.Body))
		}
		const sig = "Alex Admin\nService GmbH · Hotline 0711 1234"
		if got, err := staff.Signature(ctx, h.env.DB, h.ten.ID, h.admin.ID); err != nil || got != sig {
			t.Fatalf("stored signature %q %v", got, err)
		}
		if r := h.staffC.Get("/admin/account"); !strings.Contains(r.Body, "Service GmbH · Hotline 0711 1234</textarea>") {
			t.Error("account page does not show the signature")
		}
		if n := count(t, h.env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'signature_changed'`, h.ten.ID); n != 1 {
			t.Errorf("audit entries: %d", n)
		}
		if page := h.staffC.Get(path).Body; !strings.Contains(page, `id="f-signature" type="checkbox" name="signature" value="1" checked`) {
			t.Error("add signature is not ticked by default")
		}

		// Signed reply: in the conversation the contact reads, and in the mail to her.
		r = h.staffC.PostMultipart(path+"/reply", map[string]string{"kind": "reply", "body": "Please restart it.", "signature": "1"})
		if r.Status != 303 {
			t.Fatalf("reply: %d %.300s", r.Status, r.Body)
		}
		p := principal.Contact{TenantID: h.ten.ID, ContactID: h.anna.ID, CompanyID: h.acme.ID, Role: principal.RoleMain}
		tk, err := ticket.ForContact(ctx, h.env.DB, p, id)
		if err != nil {
			t.Fatal(err)
		}
		cd, err := ticket.Load(ctx, h.env.DB, tk, false)
		if err != nil || len(cd.Messages) != 2 || cd.Messages[1].Body != "Please restart it.\n\n"+sig {
			t.Fatalf("portal conversation: %v %+v", err, cd.Messages)
		}
		anna := h.env.Client("hd.test")
		anna.Login("anna@acme.test", "anna-password-1")
		if r := anna.Get("/tickets/" + itoa64(id)); !strings.Contains(r.Body, "Please restart it.\n\nAlex Admin\nService GmbH · Hotline 0711 1234") {
			t.Errorf("portal page does not show the signed reply")
		}
		mails := strings.Join(mailsFor(t, h.env, id), "\n----\n")
		if !strings.Contains(mails, "To: anna@acme.test") || !strings.Contains(mails, "Please restart it.\n\nAlex Admin\nService GmbH · Hotline 0711 1234") {
			t.Errorf("mail to the contact lacks the signature:\n%s", mails)
		}

		// Unticked: no signature. A note never, even when the box was left ticked.
		h.staffC.PostMultipart(path+"/reply", map[string]string{"kind": "reply", "body": "Unsigned answer."})
		h.staffC.PostMultipart(path+"/reply", map[string]string{"kind": "note", "body": "NOTE-TEXT", "signature": "1"})
		d := staffTicket(t, h.env, h.ten.ID, id)
		if len(d.Messages) != 4 || d.Messages[2].Body != "Unsigned answer." || d.Messages[3].Body != "NOTE-TEXT" || !d.Messages[3].Internal {
			t.Errorf("unsigned reply and note: %+v", d.Messages[2:])
		}
		// A reply refused for its input keeps the box as it was sent.
		r = h.staffC.PostMultipart(path+"/reply", map[string]string{"kind": "reply", "body": " "})
		if r.Status != 422 || strings.Contains(r.Body, `name="signature" value="1" checked`) {
			t.Errorf("refused reply re-ticked the signature: %d", r.Status)
		}
		// An unknown kind (only a tampered form sends one) is neither mailed nor noted:
		// the text comes back with the question.
		r = h.staffC.PostMultipart(path+"/reply", map[string]string{"kind": "bogus", "body": "KIND-TEXT"})
		if r.Status != 422 || !strings.Contains(r.Body, "KIND-TEXT") || !strings.Contains(r.Body, i18n.For("de").T("tickets_admin.error.reply_kind")) ||
			len(staffTicket(t, h.env, h.ten.ID, id).Messages) != 4 {
			t.Errorf("unknown kind: %d", r.Status)
		}
		// Removing the signature.
		if r := h.staffC.Post("/admin/account/signature", url.Values{"signature": {" \n "}}); r.Status != 303 {
			t.Fatalf("clear signature: %d", r.Status)
		}
		if got, _ := staff.Signature(ctx, h.env.DB, h.ten.ID, h.admin.ID); got != "" {
			t.Errorf("signature after clearing: %q", got)
		}
	})
}
