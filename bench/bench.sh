#!/usr/bin/env bash
# ./platform bench — measures the running platform against this machine's own limits, side by side:
# PostgreSQL (pgbench) is the limit of a keyed read and of an update + insert; each HTTP route is
# loaded with wrk after a warm-up, and printed with its ratio to that limit measured in the same run.
# The table is appended to docs/benchmarks.md with the date and the machine.
#
# Needs: the platform up (`./platform up --bench` lifts the gateway's per-client rate limit for the
# run; its check still runs), pgbench and psql (PostgreSQL client), wrk (installed from Debian's
# packages when missing and running as root). Not a test: nothing gates on these figures.
#
#   BENCH_SECONDS (10)   measured seconds per figure
#   BENCH_WARMUP (5)      seconds of one warm-up window: each route (and the approvals) is loaded in windows until
#                         two windows in a row are no more than 5 % faster than the best before them (the JIT has
#                         settled: a fresh gateway's dashboard goes 64 → 300 rps over 40 s)
#   BENCH_WARMUP_MAX (60) the most warm-up seconds per route, whatever the trend
#   BENCH_CONNECTIONS (8) connections for pgbench -S and wrk
#   BENCH_NO_RECORD=1     print only, do not append to docs/benchmarks.md
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/lib.sh

need wrk wrk
need pgbench postgresql-client
need psql postgresql-client
need curl curl
require_platform

token() { # password grant of the local realm's gateway client (a local-only demo convenience)
  curl -fsS "$keycloak/realms/territoires/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=gateway -d client_secret="${TI_GATEWAY_CLIENT_SECRET:-gateway-dev-secret}" \
    -d username="$1" -d password=demo | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
lead_token=$(token lead.valdelorraine) || die "no token for lead.valdelorraine from $keycloak"
# The lead's first territory, as the token says.
code=$(curl -fsS -H "Authorization: Bearer $lead_token" "$gw/api/me" | grep -oE 'ti-[0-9]{4}' | head -n 1)
[ -n "$code" ] || die "the demo territories are missing: start the platform with its demo data"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- PostgreSQL's own limits, on a database of its own --------------------------------------
pg_bench_db

# --- HTTP routes -----------------------------------------------------------------------------
wrk_run() { # name url [token]
  local args=(-t 2 -c "$conns" --latency)
  [ -n "${3:-}" ] && args+=(-H "Authorization: Bearer $3")
  warm "$1" route_window "${args[@]}" "$2"
  wrk "${args[@]}" -d "${seconds}s" "$2" > "$work/$1.txt" 2>&1 || true
  local rps p99 bad
  rps=$(rps_of "$work/$1.txt")
  p99=$(p99_of "$work/$1.txt")
  bad=$(sed -nE 's/^ *Non-2xx or 3xx responses: *([0-9]+).*/\1/p' "$work/$1.txt")
  echo "${rps:-0} ${p99:-0} ${bad:-0}"
}

echo "Benchmarking (${seconds}s per figure after warm-up windows of ${warmup}s until the rate stops rising, at most ${warmup_max}s; $conns connections)…"
read_limit=$(pg_tps -S -c "$conns" bench)
write_one=$(pg_tps -f "$work/one-row.sql" -c 16 bench)
write_fifty=$(pg_tps -f "$work/fifty-rows.sql" -c 16 bench)

declare -a rows
add() { # label rps p99 bad limit-label limit name (its warm-up seconds in $work/<name>.warm)
  local warmed; warmed=$(cat "$work/$7.warm" 2>/dev/null || echo "-")
  rows+=("| $1 | $warmed | $2 | $3 | $4 | $(ratio "$2" "$6") of $5 |")
  printf '  %-52s warm-up %3ss %9s rps  p99 %7s ms  non-2xx %s  (%s of %s)\n' "$1" "$warmed" "$2" "$3" "$4" \
    "$(ratio "$2" "$6")" "$5"
}

read -r r p b <<<"$(wrk_run live "$territory/q/health/live")"; add "territory /q/health/live (framework floor)" "$r" "$p" "$b" "pgbench -S" "$read_limit" live
read -r prof_r prof_p b <<<"$(wrk_run profile "$territory/api/territories/$code")"; add "public profile, direct" "$prof_r" "$prof_p" "$b" "pgbench -S" "$read_limit" profile
read -r list_r list_p b <<<"$(wrk_run list "$territory/api/territories?size=20")"; add "public list page (size 20), direct" "$list_r" "$list_p" "$b" "pgbench -S" "$read_limit" list
read -r auth_r auth_p b <<<"$(wrk_run sheets "$territory/api/territories/$code/action-sheets" "$(token lead.valdelorraine)")"; add "authenticated action sheets, direct" "$auth_r" "$auth_p" "$b" "pgbench -S" "$read_limit" sheets
read -r gw_r gw_p b <<<"$(wrk_run gwprofile "$gw/api/territories/$code")"; add "public profile, through the gateway" "$gw_r" "$gw_p" "$b" "the same direct" "$prof_r" gwprofile
read -r gwa_r gwa_p b <<<"$(wrk_run gwsheets "$gw/api/territories/$code/action-sheets" "$(token lead.valdelorraine)")"; add "authenticated action sheets, through the gateway" "$gwa_r" "$gwa_p" "$b" "the same direct" "$auth_r" gwsheets
read -r d_r d_p b <<<"$(wrk_run dashboard "$gw/api/territories/$code/dashboard" "$(token lead.valdelorraine)")"; add "gateway dashboard" "$d_r" "$d_p" "$b" "300 rps goal" 300 dashboard

# --- Approvals that commit money (funding-service, direct) ------------------------------------
# Applications under review are written in SQL for a bench territory of funding's replica (ti-bench, LABELLED,
# national envelopes), then approved by wrk, each request the next application of its thread. Every approval
# commits 10,000 € on an envelope of 1,000,000,000 €: none is refused for lack of money, and the ledger check
# below must still balance. Left in the local funding database (reset: ./platform down && rm -rf .platform).
funding="http://localhost:${TI_FUNDING_PORT:-8082}"
fsql() { psql -h "$db_host" -p "$db_port" -d "${TI_FUNDING_DB:-funding}" -qAtX -v ON_ERROR_STOP=1 -c "$1"; }
fsql "INSERT INTO territory (code, name, status, pilot, updated_at, last_event_id)
      VALUES ('ti-bench', 'Banc d''essai', 'LABELLED', false, now(), 'bench') ON CONFLICT DO NOTHING;
      INSERT INTO territory_perimeter (territory_code, effective_on, epcis, communes, event_id)
      VALUES ('ti-bench', '-infinity', '{}', '{54431}', 'bench') ON CONFLICT DO NOTHING" >/dev/null
envelopes() { # count → ids, one per line
  local i
  for i in $(seq 1 "$1"); do
    curl -fsS -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' "$funding/api/funding/envelopes" \
      -d "{\"funder\":\"STATE_ANCT\",\"name\":\"Banc d'essai $(date +%s%N)\",\"priority\":\"INNOVATE\",\"scope\":\"NATIONAL\",\"firstYear\":2024,\"lastYear\":2035,\"ceiling\":1000000000}" \
      | grep -oE '"id":"[0-9a-f-]{36}"' | head -n 1 | cut -d '"' -f 4
  done
}
under_review() { # envelope ids file, count → application ids file (round robin on the envelopes)
  fsql "CREATE TEMP TABLE e AS SELECT row_number() OVER () - 1 AS n, id::uuid AS id FROM unnest(string_to_array('$(paste -sd, "$1")', ',')) AS id;
        CREATE TEMP TABLE a AS SELECT gen_random_uuid() AS id, g AS n FROM generate_series(1, $2) g;
        INSERT INTO application (id, territory_code, owner_siret, owner_name, owner_local_authority, title, eligible_cost,
                                 status, created_by, submitted_at)
          SELECT id, 'ti-bench', '55208131766522', 'Banc d''essai', false, 'Banc d''essai', 20000, 'UNDER_REVIEW', 'bench', now() FROM a;
        INSERT INTO application_line (application_id, envelope_id, requested)
          SELECT a.id, e.id, 10000 FROM a JOIN e ON e.n = a.n % (SELECT count(*) FROM e);
        SELECT id FROM a ORDER BY n" > "$3"
}
cat > "$work/approve.lua" <<'LUA'
-- Each thread approves its own slice of the applications, one after another; beyond its slice, nothing is sent twice
-- (a request on a decided application would be a refusal, not an approval): the slice is sized for the run.
local threads, ids = {}, {}
for line in io.lines(os.getenv("BENCH_IDS")) do ids[#ids + 1] = line end
function setup(thread) thread:set("first", #threads) ; threads[#threads + 1] = thread end
function init(args) n = 0; step = tonumber(os.getenv("BENCH_THREADS")); offset = tonumber(os.getenv("BENCH_OFFSET")) end
function request()
  local id = ids[offset + first + 1 + n * step]; n = n + 1
  if id == nil then id = "00000000-0000-0000-0000-000000000000" end
  return wrk.format("POST", "/api/funding/applications/" .. id .. "/decision",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") },
    '{"decision":"APPROVED"}')
end
LUA
approval_window() { # name seconds → requests/s; the next window starts after every id this one may have used
  local offset; offset=$(cat "$work/offset")
  BENCH_IDS="$work/$1.ids" BENCH_THREADS=2 BENCH_TOKEN="$admin_token" BENCH_OFFSET="$offset" \
    wrk -t 2 -c 16 -d "$2s" --latency -s "$work/approve.lua" "$funding" > "$work/$1.txt" 2>&1 || true
  local sent; sent=$(sed -nE 's/^ *([0-9]+) requests in.*/\1/p' "$work/$1.txt")
  # thread k sent ids offset + k + 1 + 2n for n below its count: none beyond offset + 2 × (all requests)
  echo $((offset + 2 * ${sent:-0} + 2)) > "$work/offset"
  rps_of "$work/$1.txt"
}
approvals() { # name envelope-count → "approvals/s p99 refused"
  admin_token=$(token admin.programme) # a token of its own: the warm-up can outlast the one before
  envelopes "$2" > "$work/$1.envelopes"
  [ "$(wc -l < "$work/$1.envelopes")" = "$2" ] || die "could not open $2 bench envelopes on $funding"
  under_review "$work/$1.envelopes" "${BENCH_APPLICATIONS:-30000}" "$work/$1.ids"
  echo 0 > "$work/offset"
  warm "$1" approval_window "$1" "$warmup" # the same envelopes and list, further down at each window
  approval_window "$1" "$seconds" > /dev/null
  local total p99 bad
  total=$(sed -nE 's/^ *([0-9]+) requests in.*/\1/p' "$work/$1.txt")
  bad=$(sed -nE 's/^ *Non-2xx or 3xx responses: *([0-9]+).*/\1/p' "$work/$1.txt")
  p99=$(p99_of "$work/$1.txt")
  awk -v t="${total:-0}" -v b="${bad:-0}" -v s="$seconds" -v p="${p99:-0}" 'BEGIN { printf "%.0f %s %d\n", (t - b) / s, p, b }'
}
read -r ap1_r ap1_p ap1_b <<<"$(approvals one 1)"; add "approvals on one envelope, direct" "$ap1_r" "$ap1_p" "$ap1_b" "pgbench update + insert, one row" "$write_one" one
read -r ap50_r ap50_p ap50_b <<<"$(approvals fifty 50)"; add "approvals on 50 envelopes, direct" "$ap50_r" "$ap50_p" "$ap50_b" "pgbench update + insert, 50 rows" "$write_fifty" fifty
admin_token=$(token admin.programme)
ledger=$(curl -fsS -H "Authorization: Bearer $admin_token" "$funding/api/funding/ledger/check" 2>/dev/null | head -c 300 || echo "unavailable")

export_s=$(curl -fsS -o "$work/export.csv" -w '%{time_total}' -H "Authorization: Bearer $admin_token" "$gw/api/territories/export" || echo "-")
export_rows=$(($(wc -l < "$work/export.csv" 2>/dev/null || echo 1) - 1))

rss() { # MB of the process listening on a port
  local pid; pid=$(port_pid "$1")
  [ -n "$pid" ] && rss_of_pid "$pid" || echo "-"
}
rss_line="territory $(rss "${TI_TERRITORY_PORT:-8081}") MB, funding $(rss "${TI_FUNDING_PORT:-8082}") MB, recruitment $(rss "${TI_RECRUITMENT_PORT:-8083}") MB, gateway $(rss "${TI_GATEWAY_PORT:-8080}") MB"

# --- Start time: a second instance of each service, launched exactly as the running one (its command line, its
# environment, its directory, read from /proc), on a free port, without loading data; the time its own log gives.
start_line="territory $(start_time "${TI_TERRITORY_PORT:-8081}") s, funding $(start_time "${TI_FUNDING_PORT:-8082}") s, recruitment $(start_time "${TI_RECRUITMENT_PORT:-8083}") s, gateway $(start_time "${TI_GATEWAY_PORT:-8080}") s"

echo "  pgbench -S -c $conns: $read_limit tps; update + insert on one row: $write_one tps; on 50 rows: $write_fifty tps"
echo "  national list through the gateway: $export_rows rows in ${export_s} s"
echo "  ledger check after the approvals: $ledger"
echo "  RSS after the run: $rss_line"
echo "  start of a second instance (JVM, its own log): $start_line"

[ "${BENCH_NO_RECORD:-}" = 1 ] && exit 0
machine=$(machine)
{
  echo
  echo "### \`./platform bench\`, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $machine; everything on this machine. Territory $code; ${seconds}s per figure after warm-up windows of ${warmup}s until the rate stopped rising (at most ${warmup_max}s); $conns connections."
  echo "Limits measured in the same run: \`pgbench -S -c $conns\` $read_limit tps; update + insert on one row (\`-c 16\`) $write_one tps; on 50 rows $write_fifty tps."
  echo
  echo "| figure | warm-up s | requests/s | p99 ms | non-2xx | ratio |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "National list through the gateway: $export_rows rows in $export_s s. RSS after the run: $rss_line."
  echo "Ledger check after the approvals: \`$ledger\`."
  echo "Start of a second instance of each service, launched as the running one (JVM mode, its own log): $start_line."
} >> docs/benchmarks.md
echo "Appended to docs/benchmarks.md."
