package portal

import (
	"net/http"
	"strconv"

	"pforte/internal/tenant"
	"pforte/internal/web"
)

// tile is one entry of the home page: a page the contact can open.
type tile struct {
	Module string
	Href   string
}

// moduleTiles are the modules' entries in display order: only modules with pages in
// this version (tenant.Available). A tile for a module without pages would lead
// nowhere and look broken, even if the tenant has switched the module on.
var moduleTiles = []tile{
	{Module: "helpdesk", Href: "/tickets"}, {Module: "knowledge", Href: "/kb"}, {Module: "downloads", Href: "/downloads"},
}

func (p *Portal) home(w http.ResponseWriter, r *http.Request, v *visit) {
	// The daily work comes first — the enabled modules — then the company, the
	// colleagues, the account and the settings, which a contact opens now and then.
	var tiles []tile
	for _, t := range moduleTiles {
		if v.Tenant.HasModule(t.Module) && tenant.ModuleAvailable(t.Module) {
			tiles = append(tiles, t)
		}
	}
	tiles = append(tiles, tile{Module: "company", Href: "/companies/" + strconv.FormatInt(v.P.CompanyID, 10)})
	if v.P.IsMain() {
		tiles = append(tiles, tile{Module: "colleagues", Href: "/colleagues"})
	}
	tiles = append(tiles,
		tile{Module: "account", Href: "/account"}, // the header has it too, but a first visit looks here
		tile{Module: "settings", Href: "/settings"})
	panel, err := p.homeTickets(r, v) // home_tickets.go
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, http.StatusOK, homePage(v.chrome(r, "home.title", "home"), v, tiles, panel))
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// tileTitle is the message id of a tile's title: the helpdesk's tile is named as the
// navigation and the list name it ("Tickets"), not by the module's name ("Helpdesk"),
// which the back office's module settings keep.
func tileTitle(module string) string {
	if module == "helpdesk" {
		return "portal.nav.helpdesk"
	}
	return "module." + module + ".title"
}
