#!/usr/bin/env bash
# Times every filter × order of the back office's ticket queue over HTTP against a
# running pforte (for BENCHMARKS.md: a database from `pforte demo --scale 1000000`),
# signed in as the demo admin, and prints the slowest pages. Company and contact ids
# are the busiest and a small one of such a database; pass others as arguments.
#   scripts/queuesweep.sh [base=http://127.0.0.1:8080] [shown=20] [companies="5 994"] [contacts="8 13"]
set -euo pipefail
base=${1:-http://127.0.0.1:8080}
shown=${2:-20}
jar=$(mktemp)
trap 'rm -f "$jar" "$jar.warm" "$jar.timed"' EXIT
curl -fs -o /dev/null -c "$jar" -d 'email=admin@demo-service.de&password=demo-admin-2026' "$base/admin/login"
filters=("" "unassigned=1" "assignee=1" "assignee=3" "priority=1" "priority=4" "pending=1"
	"overdue=1" "unread=1" "rating=bad" "billed=1" "followup=1")
for c in ${3:-5 994}; do filters+=("company=$c"); done
for c in ${4:-8 13}; do filters+=("contact=$c"); done
for round in warm timed; do
	for state in open all done; do
		for f in "${filters[@]}"; do
			for sort in updated created oldest priority due followup; do
				url="$base/admin/tickets?state=$state&$f&sort=$sort"
				echo "$(curl -s -o /dev/null -b "$jar" -w '%{time_total} %{http_code}' "$url") $url"
			done
		done
	done >"$jar.$round"
done
sort -rn "$jar.timed" | head -"$shown"
