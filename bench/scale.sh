#!/usr/bin/env bash
# `flynn scale web=0 -> N` with the process runner, until every job is up (its port accepts).
# Baseline in the same run: the same N processes started straight from this shell, waiting for
# each port to accept.
. "$(dirname "$(readlink -f "$0")")/common.sh"
n="${N:-50}"
flynn="$BENCH_ROOT/bin/flynn"
cmd='exec python3 -m http.server $PORT --bind 127.0.0.1'

cluster_up
"$flynn" create bench >/dev/null
cat >"$BENCH_DIR/release.json" <<JSON
{"processes": {"web": {"args": ["sh", "-c", "$cmd"],
  "ports": [{"port": 8080, "proto": "tcp", "service": {"name": "bench-web", "create": true}}]}}}
JSON
"$flynn" -a bench release add -f "$BENCH_DIR/release.json" >/dev/null

t0=$(now_ms)
"$flynn" -a bench scale "web=$n" >/dev/null
scale_ms=$(($(now_ms) - t0))
up=$("$flynn" -a bench ps | grep -c ' up ' || true)
"$flynn" -a bench scale web=0 >/dev/null
cluster_down

ports=(); for i in $(seq "$n"); do ports+=("$(free_port)"); done
pids=()
t0=$(now_ms)
for p in "${ports[@]}"; do PORT=$p sh -c "$cmd" >/dev/null 2>&1 & pids+=($!); done
for p in "${ports[@]}"; do until (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do sleep 0.02; done; done
base_ms=$(($(now_ms) - t0))
kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true

echo "| measure | flynn | baseline | ratio |"
echo "|---|---|---|---|"
echo "| scale web=0 -> $n, all up ($up up) | ${scale_ms} ms | ${base_ms} ms ($n processes from a shell) | $(awk "BEGIN{printf \"%.1f\", $scale_ms/$base_ms}") |"
