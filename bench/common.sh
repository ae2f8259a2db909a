# Sourced by the benchmarks: a throw-away cluster on its own state dir, ports and CLI config.
set -euo pipefail
BENCH_ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
BENCH_DIR="$(mktemp -d /tmp/flynn-bench.XXXXXX)"
cd "$BENCH_DIR" # so that `flynn create` adds no git remote to the repository the bench runs from
export FLYNNRC="$BENCH_DIR/flynnrc"
CONTROLLER_PORT="${CONTROLLER_PORT:-18081}"
RUNNER="${RUNNER:-process}" # the issue's figures are for the process runner; RUNNER=runc for containers
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
HTTP_PORT="${HTTP_PORT:-$(free_port)}"   # the router's, as flynn-host's --http-port
HTTPS_PORT="${HTTPS_PORT:-$(free_port)}" # and --https-port
GIT_PORT="${GIT_PORT:-$(free_port)}"     # and --git-port
STACK_DIR="${STACK_DIR:-/var/cache/flynn/stacks}" # shared with the e2e tests: built once
export GIT_CONFIG_GLOBAL="$BENCH_DIR/gitconfig" # flynn-host sets its credential helper there
HOST_PID=""


now_ms() { date +%s%3N; }

# cluster_up: starts flynn-host (UP_FLAGS: more flags for `up`) and waits for its ready line;
# sets UP_MS to the milliseconds it took (not printed: a $(...) subshell would lose HOST_PID).
cluster_up() {
  local start log="$BENCH_DIR/flynn-host.log" fifo="$BENCH_DIR/out"
  rm -f "$fifo"; mkfifo "$fifo"
  start=$(now_ms)
  "$BENCH_ROOT/bin/flynn-host" up --runner "$RUNNER" --state-dir "$BENCH_DIR/state" --controller-port "$CONTROLLER_PORT" \
    --http-port "$HTTP_PORT" --https-port "$HTTPS_PORT" --git-port "$GIT_PORT" --stack-dir "$STACK_DIR" \
    ${UP_FLAGS:-} >"$fifo" 2>"$log" &
  HOST_PID=$!
  exec 3<"$fifo"
  while read -r line <&3; do
    case "$line" in "flynn-host: cluster ready"*) break ;; esac
  done
  UP_MS=$(($(now_ms) - start))
  kill -0 "$HOST_PID" 2>/dev/null || { echo "flynn-host failed to start:" >&2; cat "$log" >&2; exit 1; }
}

cluster_down() {
  [ -n "$HOST_PID" ] || return 0
  kill -TERM "$HOST_PID" 2>/dev/null || true
  wait "$HOST_PID" 2>/dev/null || true
  exec 3<&-
  HOST_PID=""
}

# deploy_web_app CMD: app "bench" with one release whose web process runs `sh -c CMD` with a service
deploy_web_app() {
  "$BENCH_ROOT/bin/flynn" create bench >/dev/null 2>&1
  cat >"$BENCH_DIR/release.json" <<JSON
{"processes": {"web": {"args": ["sh", "-c", "$1"],
  "ports": [{"port": 8080, "proto": "tcp", "service": {"name": "bench-web", "create": true}}]}}}
JSON
  "$BENCH_ROOT/bin/flynn" -a bench release add -f "$BENCH_DIR/release.json" >/dev/null 2>&1
}

cleanup() { cluster_down; rm -rf "$BENCH_DIR"; }
trap cleanup EXIT

# rss_kb PID...: the summed resident set of the given processes and all their descendants.
rss_kb() {
  local pids="$*" all="" p
  while [ -n "$pids" ]; do
    all="$all $pids"
    pids="$(for p in $pids; do pgrep -P "$p" || true; done | tr '\n' ' ' | xargs)"
  done
  for p in $all; do awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || true; done | awk '{s+=$1} END {print s+0}'
}
