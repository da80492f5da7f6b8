#!/usr/bin/env bash
# ./platform floors — what this machine allows, measured beside the running platform: the floors under issue
# #16's start, memory, approval and gateway goals, each measured with nothing of the platform's own code in the way.
#   1. Start and memory: bench/floor-app, the Quarkus extensions every service with a database runs with around an
#      application that does nothing, launched exactly as territory-service is (its JVM options and environment);
#      its start as its log gives it, its RSS idle and after 30 s of reads. A second territory-service beside it.
#   2. Approvals: the statements of one approval, as funding-service runs them, replayed by pgbench on a scratch
#      copy of funding's schema (bench/approval-floor), then only the rows an approval must write in one statement;
#      beside pgbench's update + insert, the limit `./platform bench` divides by.
#   3. The gateway's hop: the same public read direct, through the leanest JVM proxy on the gateway's own HTTP
#      stack (bench/FloorProxy.java), through nginx (Debian's nginx-light, installed when missing) and through the
#      gateway, in the same round.
# Prints the figures and appends them to docs/benchmarks.md with the date and the machine (BENCH_NO_RECORD=1: print
# only). Needs `./platform up --bench` first. Not a test: nothing gates on these figures. It leaves the floor
# application's database (`floor`, one empty table) on the platform's PostgreSQL and drops its approval copy.
#   FLOORS_ROUNDS (2)   rounds of the approval and proxy figures; BENCH_SECONDS (10) seconds per figure
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_COMMAND=floors
. bench/lib.sh
rounds=${FLOORS_ROUNDS:-2}

need wrk wrk
need pgbench postgresql-client
need psql postgresql-client
need curl curl
need nginx nginx-light
require_platform

work=$(mktemp -d)
started=()
cleanup() {
  local p
  for p in "${started[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
  psql -h "$db_host" -p "$db_port" -d postgres -qc "DROP DATABASE IF EXISTS approval_floor" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
sql() { PGOPTIONS="-c client_min_messages=warning" psql -h "$db_host" -p "$db_port" -qAtX -v ON_ERROR_STOP=1 "$@"; }
territory_port=${TI_TERRITORY_PORT:-8081}

# --- 1. Start and memory ----------------------------------------------------------------------
app=bench/floor-app
jar=$PWD/$app/target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ] || [ -n "$(find "$app/pom.xml" "$app/src" pom.xml -newer "$jar" -type f -print -quit)" ]; then
  echo "Packaging $app…"
  ./mvnw -q -f "$app/pom.xml" package -Dmaven.test.skip=true
fi
database floor
floor_start() { # load-seconds → "started-in cpu-at-start rss-idle rss-after-load"
  local port log="$work/floor-app.log"; port=$(free_port)
  launch_as "$territory_port" "$log" "$jar" QUARKUS_HTTP_PORT="$port" FLOOR_DB=floor || { echo "- - - -"; return; }
  local pid=$launched # stopped below: this function runs in a command substitution, out of cleanup's reach
  local s cpu idle loaded=-
  s=$(started_in "$log" "$pid")
  cpu=$(cpu_of_pid "$pid")
  sleep 5
  idle=$(rss_of_pid "$pid")
  if [ "$1" -gt 0 ]; then
    curl -fsS "http://localhost:$port/things" >/dev/null || die "the floor application does not answer: $log"
    wrk -t 2 -c "$conns" -d "${1}s" "http://localhost:$port/things" >/dev/null 2>&1 || true
    sleep 5
    loaded=$(rss_of_pid "$pid")
  fi
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  echo "$s $cpu $idle $loaded"
}
echo "Start and memory of the floor application (three starts, reads for 30 s after the last)…"
read -r f1 c1 i1 _ <<<"$(floor_start 0)"
read -r f2 c2 i2 _ <<<"$(floor_start 0)"
read -r f3 c3 i3 l3 <<<"$(floor_start 30)"
floor_features=$(sed -nE 's/.*Installed features: \[(.*)\].*/\1/p' "$work/floor-app.log" 2>/dev/null | tr ',' '\n' | wc -l)
t1=$(start_time "$territory_port"); t2=$(start_time "$territory_port")
start_line="floor application $f1 / $f2 / $f3 s (CPU at start $c1 / $c2 / $c3 s), territory-service beside it $t1 / $t2 s"
memory_line="floor application idle $i1 / $i2 / $i3 MB, after 30 s of reads $l3 MB"

# --- 2. Approvals -------------------------------------------------------------------------------
echo "Approval floor: funding's schema on a scratch database, 120,000 applications under review…"
pg_bench_db
sql -d postgres -c "DROP DATABASE IF EXISTS approval_floor" -c "CREATE DATABASE approval_floor"
for f in $(ls event-backbone/src/main/resources/db/backbone/V*__*.sql | sort -V) \
         $(ls funding-service/src/main/resources/db/migration/V*__*.sql | sort -V); do
  sql -d approval_floor -f "$f" >/dev/null
done
sql -d approval_floor -f bench/approval-floor/seed.sql >/dev/null
for s in approval writes; do
  sed 's/PICK/pick_one/' "bench/approval-floor/$s.sql" > "$work/$s-one.sql"
  sed 's/PICK/pick_fifty/' "bench/approval-floor/$s.sql" > "$work/$s-fifty.sql"
done
declare -a approval_rows
for r in $(seq 1 "$rounds"); do
  ref1=$(pg_tps -f "$work/one-row.sql" -c 16 bench)
  ref50=$(pg_tps -f "$work/fifty-rows.sql" -c 16 bench)
  a1=$(pg_tps -M prepared -f "$work/approval-one.sql" -c 16 approval_floor)
  a50=$(pg_tps -M prepared -f "$work/approval-fifty.sql" -c 16 approval_floor)
  w1=$(pg_tps -M prepared -f "$work/writes-one.sql" -c 16 approval_floor)
  w50=$(pg_tps -M prepared -f "$work/writes-fifty.sql" -c 16 approval_floor)
  approval_rows+=("| $r | one envelope, one territory | $ref1 | $a1 ($(ratio "$a1" "$ref1")) | $w1 ($(ratio "$w1" "$ref1")) | 25 % |")
  approval_rows+=("| $r | 50 envelopes, 50 territories | $ref50 | $a50 ($(ratio "$a50" "$ref50")) | $w50 ($(ratio "$w50" "$ref50")) | 40 % |")
  printf '  round %s: update + insert %s / %s tps; approval statements %s / %s; writes only %s / %s (one envelope / 50)\n' \
    "$r" "$ref1" "$ref50" "$a1" "$a50" "$w1" "$w50"
done
# The replay made real approvals: each approved application has its commitment, and each envelope's committed
# amount is what its ledger says.
floor_check=$(sql -d approval_floor -c "SELECT (SELECT count(*) FROM application WHERE status = 'APPROVED') || ' approved, '
  || (SELECT count(*) FROM commitment) || ' commitments, '
  || (SELECT count(*) FROM outbox_event) || ' events, envelopes unbalanced: '
  || (SELECT count(*) FROM envelope e WHERE committed <> (SELECT coalesce(sum(amount), 0) FROM ledger_entry l
                                                         WHERE l.envelope_id = e.id))")

# --- 3. The gateway's hop -----------------------------------------------------------------------
code=$(curl -fsS "$territory/api/territories?size=1" | grep -oE '"code":"ti-[0-9]{4}"' | head -n 1 | cut -d '"' -f 4)
[ -n "$code" ] || die "no territory listed at $territory"
route=/api/territories/$code
proxy_port=$(free_port)
lib=$PWD/gateway/target/quarkus-app/lib/main
cp=$(cd "$lib" && ls io.vertx.vertx-core-*.jar io.netty.netty-*.jar com.fasterxml.jackson.core.jackson-core-*.jar \
  | sed "s#^#$lib/#" | paste -sd:)
java -Xmx64m -XX:+UseSerialGC -cp "$cp" bench/FloorProxy.java "$proxy_port" "$territory_port" > "$work/proxy.log" 2>&1 &
started+=("$!")
nginx_port=$(free_port)
cat > "$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx-body;
  proxy_temp_path $work/nginx-proxy;
  upstream territory { server 127.0.0.1:$territory_port; keepalive 32; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / { proxy_pass http://territory; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
nginx -p "$work" -e "$work/nginx-error.log" -c "$work/nginx.conf"
for i in $(seq 1 60); do
  curl -fsS -o /dev/null "http://localhost:$proxy_port$route" 2>/dev/null && curl -fsS -o /dev/null "http://localhost:$nginx_port$route" && break
  sleep 0.5
done
curl -fsS -o /dev/null "http://localhost:$proxy_port$route" || die "the floor proxy does not answer: $work/proxy.log"
declare -A url=([direct]="$territory$route" [jvm]="http://localhost:$proxy_port$route" [nginx]="http://localhost:$nginx_port$route" [gateway]="$gw$route")
echo "The gateway's hop on $route: warming each way in…"
for w in direct jvm nginx gateway; do warm "$w" route_window -t 2 -c "$conns" "${url[$w]}"; done
measure() { # way → "rps p99 non-2xx"
  wrk -t 2 -c "$conns" --latency -d "${seconds}s" "${url[$1]}" > "$work/$1.txt" 2>&1 || true
  echo "$(rps_of "$work/$1.txt") $(p99_of "$work/$1.txt") $(sed -nE 's/^ *Non-2xx or 3xx responses: *([0-9]+).*/\1/p' "$work/$1.txt")"
}
declare -a proxy_rows
for r in $(seq 1 "$rounds"); do
  read -r d dp _ <<<"$(measure direct)"
  read -r j jp jb <<<"$(measure jvm)"
  read -r n np nb <<<"$(measure nginx)"
  read -r g gp gb <<<"$(measure gateway)"
  proxy_rows+=("| $r | $d, p99 $dp | $j, p99 $jp ($(ratio "$j" "$d")) | $n, p99 $np ($(ratio "$n" "$d")) | $g, p99 $gp ($(ratio "$g" "$d")) |")
  printf '  round %s: direct %s rps; JVM proxy %s (%s); nginx %s (%s); gateway %s (%s); non-2xx %s/%s/%s\n' "$r" "$d" \
    "$j" "$(ratio "$j" "$d")" "$n" "$(ratio "$n" "$d")" "$g" "$(ratio "$g" "$d")" "${jb:-0}" "${nb:-0}" "${gb:-0}"
done

echo "  start: $start_line"
echo "  memory: $memory_line"
echo "  approval replay: $floor_check"

[ "${BENCH_NO_RECORD:-}" = 1 ] && exit 0
{
  echo
  echo "### \`./platform floors\`, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(machine); everything on this machine, the platform up and idle beside the measurements. ${seconds}s per figure."
  echo
  echo "- **Start (JVM mode, goal < 2 s)**: $start_line. The floor application runs $floor_features Quarkus features and no code of the platform's."
  echo "- **RSS (goal < 250 MB after the benchmark)**: $memory_line."
  echo
  echo "Approvals: transactions per second, pgbench, 16 connections (goal: the approvals at this share of update + insert)."
  echo
  echo "| round | where | update + insert | an approval's statements | its writes only | goal |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${approval_rows[@]}"
  echo
  echo "Replay check: $floor_check."
  echo
  echo "The public profile \`$route\`, requests per second, wrk $conns connections, after warm-up (goal: the gateway at 80 % of direct)."
  echo
  echo "| round | direct | leanest JVM proxy | nginx | gateway |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${proxy_rows[@]}"
} >> docs/benchmarks.md
echo "Appended to docs/benchmarks.md."
