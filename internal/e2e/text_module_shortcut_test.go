package e2e

import (
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/textmodule"
)

// TestTextModuleShortcut: on the ticket page, typing a module's shortcut on the
// focused text module select chooses that module, as the module form's hint promises,
// even when another module's name starts with the same letters.
func TestTextModuleShortcut(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		id, ms, _, s := moduleDesk(t, e,
			textmodule.Module{Name: "Drucker neu starten", Shortcut: "neustart", Body: "Text neustart"},
			textmodule.Module{Name: "Netzwerk prüfen", Shortcut: "lan", Body: "Text lan"},
			textmodule.Module{Name: "Lieferzeit", Shortcut: "ware", Body: "Text ware"})
		want := ms[1].ID
		s.open("/admin/tickets/"+strconv.FormatInt(id, 10), "#f-module")
		// "lan" by name would be "Lieferzeit" (L…); by shortcut it is "Netzwerk prüfen".
		s.do("focus", chromedp.Focus(css("#f-module")))
		s.do("type", chromedp.SendKeys(css("#f-module"), "lan"))
		var got string
		for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if got = s.eval(`document.getElementById('f-module').value`); got == strconv.FormatInt(want, 10) {
				return
			}
		}
		s.fatalf("typing the shortcut chose %q, want module %d", got, want)
	})
}
