package tenant

import "slices"

// Available lists the modules whose pages exist in this version, in Modules' order.
// The others (shop, documents, wallet, field service) can be switched on already, so a
// tenant's choice survives an update, but they have nothing to show yet: the portal
// offers no tile for them and the settings mark them as not available yet.
var Available = []string{"helpdesk", "knowledge", "downloads"}

// ModuleAvailable reports whether module m has pages in this version.
func ModuleAvailable(m string) bool { return slices.Contains(Available, m) }
