#!/usr/bin/env bash
# PostgreSQL appliance vs the same server on the host. A runc cluster provisions a database with
# `flynn resource add postgres` (timed: the first provision creates and starts the appliance, the
# next ones only make a database and a user). Then pgbench (TPC-B-like, scale SCALE, CLIENTS
# clients, ROUNDS rounds of SECONDS s, alternating) runs against the appliance's job over the
# bridge and against Debian's postgres started directly on this machine with the appliance's own
# settings (its release's -c arguments), on a data dir on the same disk. The ratio is the
# appliance's median tps over the host's.
. "$(dirname "$(readlink -f "$0")")/common.sh"
RUNNER=runc
scale="${SCALE:-20}"; clients="${CLIENTS:-8}"; seconds="${SECONDS_PER_ROUND:-30}"; rounds="${ROUNDS:-3}"
flynn="$BENCH_ROOT/bin/flynn"
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pgbin/postgres" ] && command -v pgbench >/dev/null || {
  echo "PostgreSQL's server and pgbench are needed on the host: apt-get install postgresql" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "run as root (containers)" >&2; exit 1; }

cluster_up
provision_ms() { # provision_ms APP: creates APP and times `flynn resource add postgres`
  "$flynn" create "$1" >/dev/null
  local t0; t0=$(now_ms)
  "$flynn" -a "$1" resource add postgres >"$BENCH_DIR/add.$1" 2>&1 || { cat "$BENCH_DIR/add.$1" >&2; exit 1; }
  echo $(($(now_ms) - t0))
}
first=$(provision_ms pgb)
warm=$(for a in pgb2 pgb3 pgb4; do provision_ms "$a"; done | sort -n | sed -n 2p)
# APPLIANCE_LIMITS, e.g. "memory=4GB cpu=4000": other limits for the server's job (its settings stay)
if [ -n "${APPLIANCE_LIMITS:-}" ]; then
  # shellcheck disable=SC2086 # one word per limit
  "$flynn" -a postgres limit set postgres $APPLIANCE_LIMITS >/dev/null 2>&1
fi

env_of() { "$flynn" -a pgb resource --json | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['env']['$1'])"; }
user=$(env_of PGUSER); pass=$(env_of PGPASSWORD); db=$(env_of PGDATABASE)
host_url=$(grep -o 'event=started url=http://[^ ]*' "$BENCH_DIR/flynn-host.log" | tail -n 1 | cut -d= -f3)
key=$(cat "$BENCH_DIR/state/cluster-key")
job_ip=$(curl -sf -u ":$key" "$host_url/host/jobs" | python3 -c '
import json, sys
for j in json.load(sys.stdin):  # status 1 is running, in Flynn codes
    if j["status"] == 1 and j["job"]["metadata"].get("flynn-controller.type") == "postgres":
        print(j["internal_ip"])')
[ -n "$job_ip" ] || { echo "no running postgres job on the host at $host_url" >&2; exit 1; }
settings=$("$flynn" -a postgres release show --json | python3 -c '
import json, sys
args = json.load(sys.stdin)["processes"]["postgres"]["args"]
print(" ".join(a for a in args[1:]))')

# the same server version on the host, with the same settings
direct=$(mktemp -d /tmp/flynn-pgbench-host.XXXXXX); dport=$(free_port) # the postgres user's
chown postgres "$direct"
as_postgres() { (cd "$direct" && runuser -u postgres -- "$@"); }
as_postgres "$pgbin/initdb" -D "$direct/data" -U postgres --auth=trust >/dev/null
trap 'as_postgres "$pgbin/pg_ctl" -D "$direct/data" -m fast stop >/dev/null 2>&1; rm -rf "$direct"; cleanup' EXIT
as_postgres "$pgbin/pg_ctl" -D "$direct/data" -l "$direct/log" -w -o \
  "-c listen_addresses=127.0.0.1 -c port=$dport -c unix_socket_directories=$direct $settings" start >/dev/null

appliance=(-h "$job_ip" -p 5432 -U "$user" "$db")
host=(-h 127.0.0.1 -p "$dport" -U postgres postgres)
export PGPASSWORD="$pass"
pgbench -q -i -s "$scale" "${appliance[@]}" 2>"$BENCH_DIR/init.err" || { cat "$BENCH_DIR/init.err" >&2; exit 1; }
pgbench -q -i -s "$scale" "${host[@]}" 2>"$BENCH_DIR/init.err" || { cat "$BENCH_DIR/init.err" >&2; exit 1; }
tps() { pgbench -n -c "$clients" -j 2 -T "$seconds" "$@" 2>/dev/null | awk '/^tps/ {printf "%.0f", $3; exit}'; }
a=(); h=()
for _ in $(seq "$rounds"); do a+=("$(tps "${appliance[@]}")"); h+=("$(tps "${host[@]}")"); done
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
am=$(median "${a[@]}"); hm=$(median "${h[@]}")

host_version=$("$pgbin/postgres" --version | awk '{print $3}')
appliance_version=$(psql -tA "${appliance[@]}" -c 'show server_version' | awk '{print $1}')
[ "$host_version" = "$appliance_version" ] ||
  echo "warning: the host runs $host_version, the appliance $appliance_version: apt-get install postgresql-15 evens them" >&2
echo "server: PostgreSQL $host_version on the host, $appliance_version in the appliance"
echo "settings: $settings"
echo "| pgbench (scale $scale, $clients clients, ${seconds} s x $rounds) | appliance tps | host tps (baseline) | ratio |"
echo "|---|---|---|---|"
echo "| rounds | ${a[*]} | ${h[*]} | |"
echo "| median | $am | $hm | $(awk "BEGIN{printf \"%.2f\", $am/$hm}") |"
echo
echo "| provisioning | first (creates the appliance) | next (median of 3) |"
echo "|---|---|---|"
echo "| flynn resource add postgres | ${first} ms | ${warm} ms |"
