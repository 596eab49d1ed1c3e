package scale

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

var (
	lastNames = []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
		"Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann",
		"Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler", "Herrmann", "König", "Walter", "Huber", "Kaiser",
		"Fuchs", "Peters", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Vogel", "Keller", "Berger", "Roth", "Beck",
		"Lorenz", "Baumann", "Albrecht", "Simon", "Ludwig", "Böhm", "Winter", "Sommer", "Brandt", "Haas", "Graf", "Engel"}
	lastNamesEN = []string{"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
		"Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke"}
	firstNames = []string{"Anna", "Thomas", "Julia", "Michael", "Sabine", "Andreas", "Katrin", "Stefan", "Laura", "Markus",
		"Nicole", "Jan", "Lea", "Tobias", "Sandra", "Florian", "Claudia", "Daniel", "Miriam", "Lukas", "Petra", "Jonas",
		"Sophie", "Matthias", "Heike", "Felix", "Carina", "Sebastian", "Ute", "Moritz"}
	firstNamesEN = []string{"Oliver", "Emma", "James", "Olivia", "Harry", "Amelia", "George", "Isla", "Jack", "Ava",
		"Noah", "Mia", "Charlie", "Grace", "Thomas", "Lily"}
	trades = []string{"Haustechnik", "Elektrotechnik", "Logistik", "Bau", "Steuerberatung", "Immobilien", "Maschinenbau",
		"Autohaus", "Druckerei", "Bäckerei", "Metallbau", "Gartenbau", "Architekten", "Zahnarztpraxis", "Apotheke", "Hotel",
		"Spedition", "Software", "Versicherungen", "Kanzlei", "Sanitär", "Optik", "Physiotherapie", "Reisebüro"}
	tradesEN = []string{"Logistics", "Engineering", "Consulting", "Properties", "Dental", "Software", "Design", "Catering"}
	legal    = []string{"GmbH", "GmbH", "GmbH", "GmbH & Co. KG", "KG", "AG", "e.K.", "OHG"}
	cities   = []struct{ zip, city, country string }{
		{"70173", "Stuttgart", "Deutschland"}, {"80331", "München", "Deutschland"}, {"10115", "Berlin", "Deutschland"},
		{"20095", "Hamburg", "Deutschland"}, {"50667", "Köln", "Deutschland"}, {"04109", "Leipzig", "Deutschland"},
		{"89073", "Ulm", "Deutschland"}, {"72070", "Tübingen", "Deutschland"}, {"60311", "Frankfurt am Main", "Deutschland"},
		{"8001", "Zürich", "Schweiz"}, {"1010", "Wien", "Österreich"}, {"90402", "Nürnberg", "Deutschland"},
	}
	streets = []string{"Hauptstraße", "Bahnhofstraße", "Industriestraße", "Gartenweg", "Marktplatz", "Schillerstraße", "Lindenallee", "Am Hafen"}
)

// companySpec is a generated company with its five people.
type companySpec struct {
	name, number, domain, street, zip, city, country string
	english                                          bool
	people                                           []personSpec
}

type personSpec struct{ first, last, email, lang string }

// newCompany invents company number seq: a German company most of the time, an English
// one now and then, with a main contact and four colleagues named after the domain.
func newCompany(r *rand.Rand, seq int) companySpec {
	c := companySpec{english: r.IntN(5) == 0}
	town := pick(r, cities)
	c.zip, c.city, c.country = town.zip, town.city, town.country
	c.street = fmt.Sprintf("%s %d", pick(r, streets), 1+r.IntN(120))
	c.number = fmt.Sprintf("S-%06d", seq)
	firsts, lasts := firstNames, lastNames
	if c.english {
		owner, trade := pick(r, lastNamesEN), pick(r, tradesEN)
		c.name = owner + " " + trade + " Ltd"
		c.domain = fmt.Sprintf("%s-%s-%d.co.uk", slug(owner), slug(trade), seq)
		c.country, c.city, c.zip = "United Kingdom", "London", "EC1A 1BB"
		firsts, lasts = firstNamesEN, lastNamesEN
	} else {
		owner, trade := pick(r, lastNames), pick(r, trades)
		c.name = owner + " " + trade + " " + pick(r, legal)
		c.domain = fmt.Sprintf("%s-%s-%d.de", slug(owner), slug(trade), seq)
	}
	lang := "de"
	if c.english {
		lang = "en"
	}
	// Five different first names: the address first.last@ stays unique in the company.
	for i, fi := range r.Perm(len(firsts))[:5] {
		p := personSpec{first: firsts[fi], last: pick(r, lasts), lang: lang}
		if i == 3 {
			p.lang = "" // follows the browser
		}
		p.email = slug(p.first) + "." + slug(p.last) + "@" + c.domain
		c.people = append(c.people, p)
	}
	return c
}

// slug turns a name into the ASCII an email address or domain uses.
func slug(s string) string {
	s = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "ae", "Ö", "oe", "Ü", "ue", " & ", "-", " ", "-", ".", "").Replace(s)
	return strings.ToLower(s)
}
