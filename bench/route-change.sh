#!/usr/bin/env bash
# Route change with 10,000 routes loaded: starts a cluster (process runner), deploys two apps
# (alpha and beta, each a web job answering its name), creates ROUTES http routes to alpha through
# the controller API (in parallel, keep-alive), then times, median of RUNS, from the API call to
# the router answering with the new target (polled with curl), first with only the apps' own
# routes loaded (the baseline), then with the ROUTES:
#   update: PUT of a route to the other app's service;
#   new:    POST of a new route for a new domain (404 until the router has it).
# Also prints the flynn-host JVM's heap after a full GC and its RSS, before and after the routes
# (the router holds the routes; the controller keeps none in memory).
# Knobs: ROUTES (10000), RUNS (11), PARALLEL (8).
. "$(dirname "$(readlink -f "$0")")/common.sh"
routes="${ROUTES:-10000}"; runs="${RUNS:-11}"; parallel="${PARALLEL:-8}"
flynn="$BENCH_ROOT/bin/flynn"
api="http://127.0.0.1:$CONTROLLER_PORT"
jcmd="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jcmd"
command -v curl >/dev/null || { echo "route-change.sh needs curl" >&2; exit 1; }

cat >"$BENCH_DIR/who.py" <<'PY'
import http.server, os, sys
name = sys.argv[1].encode()
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", str(len(name)))
        self.end_headers()
        self.wfile.write(name)
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("", int(os.environ["PORT"])), H).serve_forever()
PY

# deploy_named APP: an app whose web job answers APP
deploy_named() {
  "$flynn" create "$1" >/dev/null 2>&1
  cat >"$BENCH_DIR/$1.json" <<JSON
{"processes": {"web": {"args": ["python3", "-u", "$BENCH_DIR/who.py", "$1"],
  "ports": [{"port": 8080, "proto": "tcp", "service": {"name": "$1-web", "create": true}}]}}}
JSON
  "$flynn" -a "$1" release add -f "$BENCH_DIR/$1.json" >/dev/null
  "$flynn" -a "$1" scale web=1 >/dev/null
}

# answer HOST: what the router answers for HOST (empty on errors)
answer() { curl -s --max-time 2 -H "Host: $1" "http://127.0.0.1:$HTTP_PORT/" || true; }

# await_answer HOST TEXT [SECONDS]: polls the router until HOST answers TEXT (10 s by default)
await_answer() {
  local deadline=$(($(now_ms) + ${3:-10} * 1000))
  until [ "$(answer "$1")" = "$2" ]; do
    [ "$(now_ms)" -lt "$deadline" ] || { echo "router never answered $2 for $1" >&2; exit 1; }
  done
}

# api_call METHOD PATH [BODY]: the controller API with the cluster key; prints the response body
api_call() {
  curl -sf -u ":$key" -X "$1" -H 'Content-Type: application/json' ${3:+--data "$3"} "$api$2"
}

memory() {
  "$jcmd" "$HOST_PID" GC.run >/dev/null
  local heap_kb
  heap_kb=$("$jcmd" "$HOST_PID" GC.heap_info | grep -o 'used [0-9]*K' | awk '{s+=$2} END {print s}')
  echo "heap_after_gc=$((heap_kb / 1024))MiB rss=$(($(rss_kb "$HOST_PID") / 1024))MiB"
}

# create_routes N: N routes r<i>.bench.test -> alpha-web, PARALLEL clients with keep-alive
create_routes() {
  python3 - "$1" "$parallel" "$CONTROLLER_PORT" "$key" <<'PY'
import base64, http.client, json, sys, threading
n, clients, port, key = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
auth = "Basic " + base64.b64encode((":" + key).encode()).decode()
failed = []
def work(start):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for i in range(start, n, clients):
        body = json.dumps({"type": "http", "domain": "r%d.bench.test" % i, "service": "alpha-web"})
        conn.request("POST", "/apps/alpha/routes", body,
                     {"Authorization": auth, "Content-Type": "application/json"})
        res = conn.getresponse()
        res.read()
        if res.status != 200:
            failed.append(res.status)
threads = [threading.Thread(target=work, args=(c,)) for c in range(clients)]
[t.start() for t in threads]
[t.join() for t in threads]
if failed:
    sys.exit("%d route creations failed, e.g. HTTP %d" % (len(failed), failed[0]))
PY
}

# stats MS...: median, min and max
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "median=%dms min=%dms max=%dms (n=%d)", a[int((NR+1)/2)], a[1], a[NR], NR}'; }

# measure_changes LABEL: times RUNS route updates (flip.bench.test between alpha and beta) and RUNS
# new routes, each from the API call until the router answers with the new target
measure_changes() {
  local update_ms=() new_ms=() run start
  for run in $(seq "$runs"); do
    [ "$flip_at" = alpha ] && flip_at=beta || flip_at=alpha
    start=$(now_ms)
    api_call PUT "/apps/alpha/routes/http/$flip_id" "{\"service\":\"$flip_at-web\"}" >/dev/null
    await_answer flip.bench.test "$flip_at"
    update_ms+=($(($(now_ms) - start)))
  done
  for run in $(seq "$runs"); do
    start=$(now_ms)
    api_call POST /apps/beta/routes \
      "{\"type\":\"http\",\"domain\":\"new-$run-$2.bench.test\",\"service\":\"beta-web\"}" >/dev/null
    await_answer "new-$run-$2.bench.test" beta
    new_ms+=($(($(now_ms) - start)))
  done
  echo "$1: route update -> router answers the new service: $(stats "${update_ms[@]}")"
  echo "$1: new route    -> router answers it:               $(stats "${new_ms[@]}")"
}

cluster_up
key=$(sed -n 's/^ *Key *= *"\(.*\)" *$/\1/p' "$FLYNNRC" | head -1)
deploy_named alpha
deploy_named beta
await_answer alpha.localhost alpha
await_answer beta.localhost beta
flip_id=$(api_call POST /apps/alpha/routes '{"type":"http","domain":"flip.bench.test","service":"alpha-web"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
await_answer flip.bench.test alpha
flip_at=alpha
measure_changes "baseline (only the apps' own routes)" few
echo "before the routes: $(memory)"

start=$(now_ms)
create_routes "$routes"
created_ms=$(($(now_ms) - start))
echo "created $routes routes in ${created_ms}ms ($((routes * 1000 / created_ms))/s, $parallel clients)"
await_answer "r$((routes - 1)).bench.test" alpha 600
echo "the router had the last one after $(($(now_ms) - start))ms"
echo "with $routes routes: $(memory)"
measure_changes "with $routes routes" many
