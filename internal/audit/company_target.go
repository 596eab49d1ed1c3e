package audit

import "strconv"

// CompanyTarget is the target of an entry about one company, "company:<id> <name>":
// the id lets the log link the company (its name may pass to another company later),
// the name tells what it was called then. Archive, restore and creation use it.
func CompanyTarget(id int64, name string) string {
	return "company:" + strconv.FormatInt(id, 10) + " " + name
}
