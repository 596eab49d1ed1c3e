package portal

import (
	"net/http"
	"strconv"

	"pforte/internal/web"
)

// tile is one module on the home page. Href is empty for modules whose pages are not
// part of this release yet: the tile then only describes what the module offers.
type tile struct {
	Module string
	Href   string
}

// moduleTiles lists the portal's modules in display order.
var moduleTiles = []tile{
	{Module: "helpdesk", Href: "/tickets"}, {Module: "knowledge", Href: "/kb"}, {Module: "downloads", Href: "/downloads"}, {Module: "shop"},
	{Module: "documents"}, {Module: "wallet"}, {Module: "fieldservice"},
}

func (p *Portal) home(w http.ResponseWriter, r *http.Request, v *visit) {
	// What a contact can open comes first; the enabled modules follow.
	tiles := []tile{
		{Module: "company", Href: "/companies/" + strconv.FormatInt(v.P.CompanyID, 10)},
		{Module: "settings", Href: "/settings"},
	}
	if v.P.IsMain() {
		tiles = append(tiles[:1], append([]tile{{Module: "colleagues", Href: "/colleagues"}}, tiles[1:]...)...)
	}
	for _, t := range moduleTiles {
		if v.Tenant.HasModule(t.Module) {
			tiles = append(tiles, t)
		}
	}
	web.Render(w, r, http.StatusOK, homePage(v.chrome(r, "home.title", "home"), v, tiles))
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
