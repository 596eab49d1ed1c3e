#!/usr/bin/env bash
# Million-ticket benchmark for BENCHMARKS.md (issue 4): builds pforte, fills a database
# with `pforte demo --scale N`, serves it, logs in the printed main contact and runs wrk
# against the ticket list, a ticket's detail page and a bare net/http server that
# returns a page of the list's size (scripts/ceiling), then measures ticket creation
# (POST, scripts/bench_create.lua) and the server's peak RSS.
#
#   scripts/bench_tickets.sh [tickets=1000000]
#
# Environment:
#   BENCH_POSTGRES  postgres://… of an empty database: run on PostgreSQL as well
#   BENCH_DATA      directory that keeps the generated SQLite database (and the
#                   generator's output for both engines) between runs; a later run
#                   reuses what is there instead of generating again
#   DURATION=20s CONNS=64  ROUNDS=4 (the list and the ceiling take turns in this many
#                   rounds of DURATION/ROUNDS each, so that the speed of this shared
#                   machine, which drifts by a third within minutes, weighs on both alike)
#   LIST_PATH=/tickets  DETAIL_PATH=/tickets/{id}  ({id}: the generator's ticket)
#   CREATE_PATH=/tickets (empty: skip)  CREATE_FIELDS, CREATE_FORMAT: see bench_create.lua
set -euo pipefail
cd "$(dirname "$0")/.."
tickets=${1:-1000000}
dur=${DURATION:-20s}
conns=${CONNS:-64}
rounds=${ROUNDS:-4}
[[ $dur =~ ^[0-9]+s$ ]] || { echo "DURATION must be whole seconds, e.g. 20s"; exit 2; }
[[ $rounds =~ ^[0-9]+$ ]] && [ "$rounds" -ge 1 ] && [ "${dur%s}" -ge "$rounds" ] ||
	{ echo "ROUNDS must be a number from 1 to the seconds of DURATION"; exit 2; }
list_path=${LIST_PATH:-/tickets}
default_detail='/tickets/{id}'
detail_path=${DETAIL_PATH:-$default_detail}
create_path=${CREATE_PATH-/tickets}
port=18181
cport=18190
base=http://127.0.0.1:$port

work=$(mktemp -d)
state=${BENCH_DATA:-$work}
mkdir -p "$state"
pid=
cpid=
cleanup() {
	for p in $pid $cpid; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT

echo "building pforte and the ceiling server"
go build -o "$work/pforte" ./cmd/pforte
go build -o "$work/ceiling" ./scripts/ceiling

results=()
# wrk_run NAME URL [wrk args…]: runs wrk and records requests/s, p50 and p99.
wrk_run() {
	local name=$1 url=$2
	shift 2
	wrk -t2 -c"$conns" -d"$dur" --latency "$@" "$url" >"$work/wrk.txt" 2>&1 || { cat "$work/wrk.txt"; return 1; }
	local rps p50 p99 bad
	rps=$(awk '/^Requests\/sec/{print $2}' "$work/wrk.txt")
	p50=$(awk '$1=="50%"{print $2}' "$work/wrk.txt")
	p99=$(awk '$1=="99%"{print $2}' "$work/wrk.txt")
	bad=$(awk '/Non-2xx or 3xx/{print $NF}' "$work/wrk.txt")
	printf '  %-28s %10s req/s   p50 %-9s p99 %-9s%s\n' "$name" "$rps" "$p50" "$p99" "${bad:+   non-2xx/3xx: $bad}"
	results+=("$(printf '%-28s %10s %10s %10s %s' "$name" "$rps" "$p50" "$p99" "${bad:+(non-2xx/3xx: $bad)}")")
	last_rps=$rps
}

# wrk_turns NAME_A URL_A COOKIE NAME_B URL_B: runs wrk on A (with the session cookie)
# and B by turns, ROUNDS times for DURATION/ROUNDS each, and records for each the
# requests/s over all its rounds, the median p50 and the worst p99. Sets rps_a and rps_b.
wrk_turns() {
	local name_a=$1 url_a=$2 cookie=$3 name_b=$4 url_b=$5 secs
	secs=$(( ${dur%s} / rounds ))
	: >"$work/turns-a.txt"; : >"$work/turns-b.txt"
	for _ in $(seq "$rounds"); do
		wrk -t2 -c"$conns" -d"${secs}s" --latency -H "Cookie: pforte_portal=$cookie" "$url_a" >"$work/wrk.txt" 2>&1 || { cat "$work/wrk.txt"; return 1; }
		turn "$work/turns-a.txt"
		wrk -t2 -c"$conns" -d"${secs}s" --latency "$url_b" >"$work/wrk.txt" 2>&1 || { cat "$work/wrk.txt"; return 1; }
		turn "$work/turns-b.txt"
	done
	summarise "$name_a" "$work/turns-a.txt"
	rps_a=$sum_rps
	summarise "$name_b" "$work/turns-b.txt"
	rps_b=$sum_rps
}

# turn FILE: appends requests, seconds measured, p50 and p99 (in ms) and the non-2xx
# count of the last wrk run.
turn() {
	awk '/requests in/{n=$1; secs=$4+0} $1=="50%"{p50=$2} $1=="99%"{p99=$2} /Non-2xx or 3xx/{bad=$NF}
		function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
		END{print n, secs, ms(p50), ms(p99), bad+0}' "$work/wrk.txt" >>"$1"
}

# summarise NAME FILE: prints the rounds' line (requests over the seconds wrk measured,
# the median p50 — the lower of the middle two for an even count — and the worst p99),
# records it and sets sum_rps.
summarise() {
	local line
	line=$(LC_ALL=C sort -k3,3g "$2" | awk '{n+=$1; secs+=$2; p50[NR]=$3; if ($4>p99) p99=$4; bad+=$5}
		END{printf "%.2f %.2fms %.2fms %d", n/secs, p50[int((NR+1)/2)], p99, bad}')
	local rps p50 p99 bad
	read -r rps p50 p99 bad <<<"$line"
	[ "$bad" = 0 ] && bad= || bad="(non-2xx/3xx: $bad)"
	printf '  %-28s %10s req/s   p50 %-9s p99 %-9s%s\n' "$1" "$rps" "$p50" "$p99" "${bad:+   $bad}"
	results+=("$(printf '%-28s %10s %10s %10s %s' "$1" "$rps" "$p50" "$p99" "$bad")")
	sum_rps=$rps
}

# wait_idle URL: waits until the server's job queue is empty. A reused database still
# holds the mails queued by an earlier run's ticket creation; delivering them while wrk
# runs would be measured along with the pages.
wait_idle() {
	for _ in $(seq 1 600); do
		[ "$(curl -fs "$1/metrics" | awk '/^pforte_queue_depth /{print $2}')" = "0" ] && return 0
		sleep 0.5
	done
	echo "job queue did not drain"; return 1
}

wait_ready() {
	for _ in $(seq 1 150); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done
	echo "server did not become ready"; return 1
}

# bench ENGINE DSN DATA: one full run on one engine.
bench() {
	local engine=$1 dsn=$2 data=$3 out="$state/scale-$1.txt"
	echo
	echo "== $engine =="
	if grep -q '^Benchmark login:' "$out" 2>/dev/null; then
		echo "reusing the database filled earlier ($out)"
	else
		echo "generating $tickets tickets"
		PFORTE_DATABASE_URL=$dsn /usr/bin/time -f 'generator: %e s wall, peak RSS %M KiB' \
			"$work/pforte" demo --data "$data" --scale "$tickets" 2>&1 | tee "$out.tmp"
		grep -q '^Benchmark login:' "$out.tmp" || { echo "generator failed"; exit 1; }
		mv "$out.tmp" "$out"
	fi
	if [ -z "$dsn" ]; then
		echo "database size: $(du -sh "$data" | cut -f1)"
	else
		psql "${dsn%%\?*}" -Atc "SELECT 'database size: ' || pg_size_pretty(pg_database_size(current_database()))"
	fi
	local email password id
	read -r email password < <(awk '/^Benchmark login:/{print $3, $4}' "$out")
	id=$(awk '/^Benchmark ticket:/{print $3}' "$out")

	PFORTE_DATABASE_URL=$dsn PFORTE_LOG_LEVEL=warn "$work/pforte" serve --data "$data" --addr 127.0.0.1:$port >"$work/serve-$engine.txt" 2>&1 &
	pid=$!
	wait_ready "$base/readyz"
	wait_idle "$base"
	curl -fs -c "$work/jar" -o /dev/null -H "Origin: $base" --data-urlencode "email=$email" --data-urlencode "password=$password" "$base/login"
	local cookie
	cookie=$(awk '$6=="pforte_portal"{print $7}' "$work/jar")
	[ -n "$cookie" ] || { echo "login as $email failed"; cat "$work/serve-$engine.txt"; exit 1; }
	local detail=${detail_path//\{id\}/$id}
	curl -fs -H "Cookie: pforte_portal=$cookie" -o "$work/list.html" "$base$list_path" || { echo "GET $list_path failed"; exit 1; }
	curl -fs -H "Cookie: pforte_portal=$cookie" -o /dev/null "$base$detail" || { echo "GET $detail failed"; exit 1; }
	local size
	size=$(wc -c <"$work/list.html")
	echo "logged in as $email; $list_path is $size bytes"

	results+=("-- $engine ($tickets tickets) --")
	"$work/ceiling" -addr 127.0.0.1:$cport -page "$work/list.html" &
	cpid=$!
	wait_ready "http://127.0.0.1:$cport/"
	wrk_turns "$engine list $list_path" "$base$list_path" "$cookie" \
		"ceiling ($size bytes)" "http://127.0.0.1:$cport/"
	kill "$cpid"; wait "$cpid" 2>/dev/null || true; cpid=
	wrk_run "$engine detail $detail" "$base$detail" -H "Cookie: pforte_portal=$cookie"
	local share
	share=$(awk -v a="$rps_a" -v b="$rps_b" 'BEGIN{printf "%.1f %%", 100*a/b}')
	echo "  list throughput: $share of the ceiling"
	results+=("list / ceiling: $share")

	if [ -n "$create_path" ]; then
		wrk_run "$engine create POST $create_path" "$base$create_path" -s scripts/bench_create.lua \
			-H "Cookie: pforte_portal=$cookie" -H "Origin: $base"
	fi
	local rss
	rss=$(awk '/VmHWM/{printf "%.0f MiB", $2/1024}' /proc/$pid/status)
	echo "  peak RSS of the server: $rss"
	results+=("peak RSS of the server: $rss")
	kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

bench sqlite "" "$state/sqlite"
if [ -n "${BENCH_POSTGRES:-}" ]; then
	bench postgres "$BENCH_POSTGRES" "$work/pgdata"
fi

echo
echo "== summary: $conns connections, $dur each, wrk -t2 on the same machine =="
printf '%-28s %10s %10s %10s\n' "request" "req/s" "p50" "p99"
printf '%s\n' "${results[@]}"
