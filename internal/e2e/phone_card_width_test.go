package e2e

import (
	"context"
	"strconv"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/testutil"
)

// overflowJS names the first visible element reaching past the viewport's sides (a
// word too long for its card, a table wider than the phone), or the page's width when
// it scrolls sideways: "" when everything fits. Visually hidden parts (a table's
// head in card layout, screen-reader text) are in a box a pixel wide and left out, and
// so are the entries of the phone's navigation row, which scrolls sideways.
const overflowJS = `(() => {
	const w = document.documentElement.clientWidth;
	if (document.documentElement.scrollWidth > w + 1) return "page " + document.documentElement.scrollWidth + " px wide in " + w;
	const hidden = el => {
		for (let a = el; a && a !== document.body; a = a.parentElement) {
			const r = a.getBoundingClientRect();
			if (r.width <= 1 || r.height <= 1) return true;
		}
		return getComputedStyle(el).visibility === "hidden";
	};
	// The phone's navigation is a row that scrolls sideways on purpose: an entry past
	// the edge is reached by scrolling it. (Tables in their scrolling wrappers still
	// count: a list must fit as cards.)
	const scrolled = el => el.closest(".mainnav ul") !== null;
	for (const el of document.body.querySelectorAll("*")) {
		const r = el.getBoundingClientRect();
		if (hidden(el) || scrolled(el)) continue;
		if (r.right > w + 1 || r.left < -1) {
			const cls = typeof el.className === "string" && el.className ? "." + el.className.split(" ").join(".") : "";
			return el.tagName.toLowerCase() + cls + " " + JSON.stringify((el.textContent || "").trim().slice(0, 60)) +
				" spans " + Math.round(r.left) + "–" + Math.round(r.right) + " px of " + w;
		}
	}
	return "";
})()`

// hyphensJS is the page's language and how the cards' cells and labels hyphenate; an
// email address (td.addr) must not, a hyphen would change it.
const hyphensJS = `(() => {
	const td = document.querySelector("table.cards-sm td[data-label]:not(.addr)");
	if (!td) return "no card cell";
	const addr = document.querySelector("table.cards-sm .addr");
	if (addr && getComputedStyle(addr).hyphens !== "manual") return "address hyphenated";
	return document.documentElement.lang + " " + getComputedStyle(td).hyphens + " " + getComputedStyle(td, "::before").hyphens;
})()`

// TestPhoneCardWidth: at 375 px in German, with a company and a contact whose names are
// long German compounds, nothing reaches past the screen's edge on the contacts list,
// the company's page and the mail template list (cards, not a table to scroll
// sideways); <html lang> names the page's language and the cards hyphenate by it.
func TestPhoneCardWidth(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		if _, err := demo.Load(ctx, env.DB, time.Now()); err != nil {
			t.Fatalf("demo data: %v", err)
		}
		var coID int64
		if err := env.DB.QueryRow(ctx, `SELECT id FROM companies WHERE name = ?`, a11yCompany).Scan(&coID); err != nil {
			t.Fatalf("company: %v", err)
		}
		if _, err := env.DB.Exec(ctx, `UPDATE companies SET name = ? WHERE id = ?`,
			"Donaudampfschifffahrtsgesellschaftskapitänsmützenfabrik KG", coID); err != nil {
			t.Fatal(err)
		}
		if _, err := env.DB.Exec(ctx, `UPDATE contacts SET last_name = ? WHERE email = ?`,
			"Ansprechpartnerverwaltungsbeauftragter", a11yContact); err != nil {
			t.Fatal(err)
		}
		browser := startBrowser(t)
		shots := artifactDir(t)
		s := newSession(t, browser, env.Srv.URL, "admin")
		staffLogin(s, a11yAdmin, demo.AdminPassword)
		s.setViewport(phone)
		for _, p := range []struct{ name, path, wait string }{
			{"contacts", "/admin/contacts", "table.cards-sm"},
			{"company", "/admin/companies/" + strconv.FormatInt(coID, 10), "h1"},
			{"mail-templates", "/admin/settings/mails", "table.mail-templates"},
		} {
			s.open(p.path, p.wait)
			if lang := s.lang(); lang != "de" {
				s.fatalf("%s: <html lang=%q>", p.name, lang)
			}
			if got := s.eval(overflowJS); got != "" {
				s.screenshot(shots, "phone-"+p.name)
				t.Errorf("%s at 375 px: %s", p.name, got)
			}
			if got := s.eval(hyphensJS); got != "de auto auto" {
				t.Errorf("%s: hyphenation %q", p.name, got)
			}
		}
	})
}
