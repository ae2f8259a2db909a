#!/usr/bin/env bash
# Deploy duration per strategy for web=N (default 4) with the runner in RUNNER (default process),
# under wrk through the router the whole time: `flynn env set` (a new release deployed by the
# controller's deployer) from request to old jobs gone, as the CLI's wall time and as the
# deployment's own created_at -> finished_at; the failed requests wrk saw during the window
# (non-2xx and socket errors; must be 0). Baseline in the same run: `flynn scale web=0 -> N` of
# the app's release (N fresh jobs up, no deployer, nothing to stop).
. "$(dirname "$(readlink -f "$0")")/common.sh"
n="${N:-4}"
window="${WINDOW:-40}" # seconds of wrk around each deploy; a deploy must end inside it
flynn="$BENCH_ROOT/bin/flynn"
app_py='import http.server, os
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        b = b"ok\n"
        self.send_response(200); self.send_header("Content-Length", str(len(b))); self.end_headers(); self.wfile.write(b)
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("", int(os.environ["PORT"])), H).serve_forever()'

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
cluster_up
"$flynn" create bench >/dev/null
python3 - "$BENCH_DIR/release.json" "$app_py" <<'PY'
import json, sys
json.dump({"processes": {"web": {"args": ["python3", "-u", "-c", sys.argv[2]],
  "ports": [{"port": 8080, "proto": "tcp", "service": {"name": "bench-web", "create": True}}]}}},
  open(sys.argv[1], "w"))
PY
"$flynn" -a bench release add -f "$BENCH_DIR/release.json" >/dev/null 2>&1

t0=$(now_ms); "$flynn" -a bench scale "web=$n" >/dev/null; base=$(($(now_ms) - t0))
until [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: bench.localhost' "http://127.0.0.1:$HTTP_PORT/")" = 200 ]; do sleep 0.2; done

# failures WRK_OUTPUT: non-2xx/3xx responses plus socket errors of every kind
failures() {
  awk '/Non-2xx or 3xx responses:/ {f+=$NF}
       /Socket errors:/ {gsub(",", ""); f+=$4+$6+$8+$10}
       END {print f+0}' "$1"
}
requests() { awk '/requests in/ {print $1}' "$1"; }

echo "| strategy (web=$n, $RUNNER) | deploy, CLI wall | deploy, deployer's own | requests under wrk | failed | baseline: scale 0 -> $n | ratio |"
echo "|---|---|---|---|---|---|---|"
v=1
for strategy in all-at-once one-by-one one-down-one-up in-batches; do
  "$flynn" -a bench deployment strategy "$strategy"
  [ "$strategy" = in-batches ] && "$flynn" -a bench deployment batch-size 2
  wrk -t2 -c8 -d"${window}s" --timeout 10s -H 'Host: bench.localhost' "http://127.0.0.1:$HTTP_PORT/" >"$BENCH_DIR/wrk.$strategy" 2>&1 &
  wrk_pid=$!
  sleep 2 # wrk's connections are open and busy before the deploy starts
  v=$((v + 1))
  t0=$(now_ms)
  "$flynn" -a bench env set "V=$v" >"$BENCH_DIR/deploy.$strategy" 2>&1 || { cat "$BENCH_DIR/deploy.$strategy" >&2; exit 1; }
  wall=$(($(now_ms) - t0))
  [ "$wall" -lt $(((window - 4) * 1000)) ] || echo "warning: the $strategy deploy took ${wall} ms, near the wrk window" >&2
  wait "$wrk_pid"
  own=$("$flynn" -a bench deployment --json | python3 -c '
import json, sys, datetime
d = json.load(sys.stdin)[0]
p = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
print(int((p(d["finished_at"]) - p(d["created_at"])).total_seconds() * 1000))')
  echo "| $strategy | ${wall} ms | ${own} ms | $(requests "$BENCH_DIR/wrk.$strategy") | $(failures "$BENCH_DIR/wrk.$strategy") | ${base} ms | $(awk "BEGIN{printf \"%.1f\", $wall/$base}") |"
done
