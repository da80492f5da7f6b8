# Sourced by bench.sh and floors.sh: the running platform's addresses, the tools they install when missing,
# and how they read wrk, pgbench and /proc. Nothing here runs by itself.
seconds=${BENCH_SECONDS:-10}
warmup=${BENCH_WARMUP:-5}
warmup_max=${BENCH_WARMUP_MAX:-60}
conns=${BENCH_CONNECTIONS:-8}
gw="http://localhost:${TI_GATEWAY_PORT:-8080}"
territory="http://localhost:${TI_TERRITORY_PORT:-8081}"
keycloak="${TI_KEYCLOAK_URL:-http://localhost:${TI_KEYCLOAK_PORT:-8180}}"
db_host=${TI_DB_HOST:-localhost}
db_port=${TI_DB_PORT:-5432}
export PGUSER=${TI_DB_USER:-territoires} PGPASSWORD=${TI_DB_PASSWORD:-territoires}

die() { echo "platform ${BENCH_COMMAND:-bench}: $*" >&2; exit 1; }

need() { # command debian-package
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "Installing $2 (Debian package)…"
  sh platform-stack/src/main/resources/packages/install.sh "$2" >/dev/null 2>&1 || true # as the build does
  command -v "$1" >/dev/null 2>&1 || die "$1 is missing: install the Debian package $2"
}

require_platform() {
  curl -fsS "$territory/q/health/ready" >/dev/null 2>&1 || die "territory-service is not ready at $territory: run ./platform up --bench first"
  curl -fsS "$gw/q/health/ready" >/dev/null 2>&1 || die "the gateway is not ready at $gw"
}

database() { # name: made on the platform's PostgreSQL when missing
  psql -h "$db_host" -p "$db_port" -d postgres -qAtc "SELECT 1 FROM pg_database WHERE datname='$1'" | grep -q 1 \
    || psql -h "$db_host" -p "$db_port" -d postgres -qc "CREATE DATABASE $1" >/dev/null
}

# pgbench's own limits, on a database of its own ("bench", scale 10, made when missing).
pg_bench_db() {
  database bench
  if ! psql -h "$db_host" -p "$db_port" -d bench -qAtc "SELECT count(*) FROM pgbench_branches" >/dev/null 2>&1; then
    echo "Initialising pgbench's tables (scale 10)…"
    pgbench -h "$db_host" -p "$db_port" -i -q -s 10 bench >/dev/null 2>&1
  fi
  cat > "$work/one-row.sql" <<'SQL'
UPDATE pgbench_branches SET bbalance = bbalance + 1 WHERE bid = 1;
INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (1, 1, 1, 1, now());
SQL
  cat > "$work/fifty-rows.sql" <<'SQL'
\set bid random(1, 10)
\set aid random(1, 50)
UPDATE pgbench_accounts SET abalance = abalance + 1 WHERE aid = :aid;
INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (1, :bid, :aid, 1, now());
SQL
}
pg_tps() { # pgbench-arguments... database (last) → tps
  pgbench -h "$db_host" -p "$db_port" -n -j 2 -T "$seconds" "$@" 2>/dev/null | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -n 1
}

# wrk prints "Requests/sec: N" and, with --latency, the 99% line; non-2xx answers are counted.
rps_of() { sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p' "$1"; }
p99_of() { awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; printf "%.1f", v}' "$1"; }
# Warm-up windows until the rate stops rising (two windows in a row no more than 5 % above the best before them)
# or warmup_max seconds; the seconds spent are kept in $work/<name>.warm for the table.
warm() { # name window-command... (one window of warmup seconds; prints its requests/s)
  local name=$1 best=0 spent=0 flat=0 rate; shift
  while [ "$spent" -lt "$warmup_max" ] && [ "$flat" -lt 2 ]; do
    rate=$("$@"); rate=${rate:-0}
    spent=$((spent + warmup))
    if awk -v r="$rate" -v b="$best" 'BEGIN { exit !(r > 1.05 * b) }'; then flat=0; else flat=$((flat + 1)); fi
    best=$(awk -v r="$rate" -v b="$best" 'BEGIN { print (r > b ? r : b) }')
  done
  echo "$spent" > "$work/$name.warm"
}
route_window() { # wrk-arguments... → requests/s of one warm-up window
  wrk "$@" -d "${warmup}s" > "$work/window.txt" 2>&1 || true
  rps_of "$work/window.txt"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f %%", 100 * a / b; else print "-" }'; }

port_pid() { ss -ltnpH "sport = :$1" 2>/dev/null | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -n 1; }
rss_of_pid() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "-"; }
cpu_of_pid() { awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/$1/stat" 2>/dev/null || echo "-"; } # seconds of CPU so far
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])'; }
machine() { echo "$(nproc) vCPU $(sed -nE 's/^model name\s*: (.*)/\1/p' /proc/cpuinfo | head -n 1), $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -n 1)"; }

# A process launched as the running service on port $1 is (its command line, environment and directory, read
# from /proc), with the variables given after the jar; with a jar given, that jar instead of the service's.
# Sets launched to its pid (call it outside a command substitution).
launch_as() { # port log jar-or-"" VAR=value...
  local pid; pid=$(port_pid "$1")
  [ -n "$pid" ] || return 1
  local log=$2 jar=$3 i
  shift 3
  local -a cmd envs
  mapfile -d '' cmd < "/proc/$pid/cmdline"
  mapfile -d '' envs < "/proc/$pid/environ"
  if [ -n "$jar" ]; then
    for i in "${!cmd[@]}"; do [ "${cmd[$i]}" = -jar ] && cmd[i + 1]=$jar; done
  fi
  : > "$log"
  (cd "/proc/$pid/cwd" && exec env -i "${envs[@]}" "$@" "${cmd[@]}" > "$log" 2>&1) &
  launched=$!
}
started_in() { # log pid → the seconds its log gives ("started in N s"), or "-" if it ends or stays silent 60 s
  local started="" i
  for i in $(seq 1 120); do
    started=$(sed -nE 's/.*started in ([0-9.]+)s.*/\1/p' "$1" | head -n 1)
    [ -n "$started" ] && break
    kill -0 "$2" 2>/dev/null || break
    sleep 0.5
  done
  echo "${started:--}"
}
start_time() { # port → seconds: a second instance of the service, on a free port, without loading data
  launch_as "$1" "$work/start-$1.log" "" QUARKUS_HTTP_PORT="$(free_port)" TI_GATEWAY_MANAGEMENT_PORT="$(free_port)" \
    TI_DEMO_DATA=false TI_OFFICIAL_LISTS=false || { echo "-"; return; }
  local started; started=$(started_in "$work/start-$1.log" "$launched")
  kill "$launched" 2>/dev/null; wait "$launched" 2>/dev/null || true
  echo "$started"
}
