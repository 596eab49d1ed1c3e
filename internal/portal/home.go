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
	// What a contact can open comes first; the enabled modules follow.
	tiles := []tile{
		{Module: "company", Href: "/companies/" + strconv.FormatInt(v.P.CompanyID, 10)},
		{Module: "account", Href: "/account"}, // the header has it too, but a first visit looks here
		{Module: "settings", Href: "/settings"},
	}
	if v.P.IsMain() {
		tiles = append(tiles[:1], append([]tile{{Module: "colleagues", Href: "/colleagues"}}, tiles[1:]...)...)
	}
	for _, t := range moduleTiles {
		if v.Tenant.HasModule(t.Module) && tenant.ModuleAvailable(t.Module) {
			tiles = append(tiles, t)
		}
	}
	panel, err := p.homeTickets(r, v) // home_tickets.go
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, http.StatusOK, homePage(v.chrome(r, "home.title", "home"), v, tiles, panel))
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
