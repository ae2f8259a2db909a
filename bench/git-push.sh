#!/usr/bin/env bash
# `git push flynn main` of the static and Node.js examples, warm cache: from the push to the new
# release answering through the router (curl until the changed page shows), next to the time the
# buildpack itself took (from its first `-----> ` line to `-----> Compressing...`, as the pusher
# sees them). The platform's share is the rest: receive, build job start, slug and cache upload,
# release, rollout, job start, routing. Each example is pushed once cold, then RUNS times with a
# changed file; medians are reported. Runs with containers (RUNNER=runc, as root).
RUNNER=runc
. "$(dirname "$(readlink -f "$0")")/common.sh"
runs="${RUNS:-5}"
flynn="$BENCH_ROOT/bin/flynn"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# push REPO: git push with each stderr line stamped with the milliseconds it arrived at
push() {
  (cd "$1" && git push -q flynn main 2>&1) | while IFS= read -r line; do echo "$(now_ms) $line"; done
}

# serves APP TEXT: polls the router until the app's page contains TEXT
serves() {
  until curl -s --max-time 5 -H "Host: $1.localhost" "http://127.0.0.1:$HTTP_PORT/" | grep -q "$2"; do
    sleep 0.02
  done
}

# measure EXAMPLE FILE: one row; FILE is the file whose "Hello" line each push changes
measure() {
  local example=$1 file=$2 app="$1-bench" repo="$BENCH_DIR/$1" t0 log stamp
  cp -r "$BENCH_ROOT/examples/$example" "$repo"
  (cd "$repo" && git init -q -b main && git add -A && git -c user.name=b -c user.email=b@b commit -qm v0 &&
    "$flynn" create "$app" >/dev/null 2>&1)
  push "$repo" >"$BENCH_DIR/cold.log"
  serves "$app" "Hello"
  : >"$BENCH_DIR/total"; : >"$BENCH_DIR/pack"
  for i in $(seq "$runs"); do
    sed -i "s/Hello[^<\"]* from/Hello $i from/" "$repo/$file"
    (cd "$repo" && git -c user.name=b -c user.email=b@b commit -qam "v$i")
    log="$BENCH_DIR/push-$i.log"
    t0=$(now_ms)
    push "$repo" >"$log"
    serves "$app" "Hello $i from"
    echo $(($(now_ms) - t0)) >>"$BENCH_DIR/total"
    stamp() { grep -m1 -- "$1" "$log" | cut -d' ' -f1; }
    echo $(($(stamp 'Compressing') - $(stamp 'remote: ----->'))) >>"$BENCH_DIR/pack"
  done
  local total pack
  total=$(median <"$BENCH_DIR/total"); pack=$(median <"$BENCH_DIR/pack")
  echo "| $example | ${total} ms | ${pack} ms | $((total - pack)) ms |"
}

cluster_up
echo "| example (median of $runs warm pushes) | push to new release answering | buildpack (detect, compile, release) | platform's share |"
echo "|---|---|---|---|"
measure static public/index.html
measure nodejs server.js
