#!/usr/bin/env bash
# Times the portal's ticket list over HTTP in every state × order × a few searches
# (common, conversation-only, two words, none found, short) for one contact against a
# running pforte (for BENCHMARKS.md: a database from `pforte demo --scale 1000000`, whose
# output names a main contact of the biggest company as "Benchmark login"), then a few
# other portal pages, and prints the slowest.
#   scripts/portalsweep.sh base email [shown=12]
set -euo pipefail
base=$1
email=$2
shown=${3:-12}
jar=$(mktemp)
trap 'rm -f "$jar" "$jar.warm" "$jar.timed"' EXIT
curl -fs -o /dev/null -c "$jar" -d "email=$email&password=demo-kunde-2026" "$base/login"
for round in warm timed; do
	for state in open all done waiting; do
		for sort in updated created oldest priority; do
			for q in "" "q=drucker" "q=seriennummer" "q=wartungsvertrag+abrechnen" "q=xylophon" "q=f28"; do
				url="$base/tickets?state=$state&sort=$sort&$q"
				echo "$(curl -s -o /dev/null -b "$jar" -w '%{time_total} %{http_code}' "$url") $url"
			done
		done
	done >"$jar.$round"
done
sort -rn "$jar.timed" | head -"$shown"
for p in / /kb /downloads /account; do
	echo "$(curl -s -o /dev/null -b "$jar" -w '%{time_total} %{http_code}' "$base$p") $p"
done
