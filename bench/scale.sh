#!/usr/bin/env bash
# `flynn scale web=0 -> N` with the runner in RUNNER (default process), until every job is up (its port accepts), as
# the wall time of the CLI command and as the CLI's own "scale completed in" figure. Baseline in the
# same run: the same N processes started straight from this shell, waiting for each port to accept.
# Each side is measured RUNS times, alternating; medians are reported.
. "$(dirname "$(readlink -f "$0")")/common.sh"
n="${N:-50}"
runs="${RUNS:-3}"
flynn="$BENCH_ROOT/bin/flynn"
cmd='exec python3 -m http.server $PORT --bind 0.0.0.0' # 0.0.0.0: a container's port is probed on its own IP

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

baseline_once() {
  local ports=() pids=() p t0
  for i in $(seq "$n"); do ports+=("$(free_port)"); done
  t0=$(now_ms)
  for p in "${ports[@]}"; do PORT=$p sh -c "$cmd" >/dev/null 2>&1 & pids+=($!); done
  for p in "${ports[@]}"; do until (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do sleep 0.02; done; done
  echo $(($(now_ms) - t0))
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}

cluster_up
deploy_web_app "$cmd"

: >"$BENCH_DIR/wall"; : >"$BENCH_DIR/own"; : >"$BENCH_DIR/base"
for i in $(seq "$runs"); do
  t0=$(now_ms)
  out=$("$flynn" -a bench scale "web=$n")
  echo $(($(now_ms) - t0)) >>"$BENCH_DIR/wall"
  echo "$out" | sed -n 's/^scale completed in \([0-9.]*\)s$/\1/p' | awk '{print int($1*1000)}' >>"$BENCH_DIR/own"
  up=$("$flynn" -a bench ps | grep -c ' up ' || true)
  [ "$up" = "$n" ] || { echo "only $up of $n jobs up" >&2; exit 1; }
  "$flynn" -a bench scale web=0 >/dev/null
  baseline_once >>"$BENCH_DIR/base"
done
wall=$(median <"$BENCH_DIR/wall"); own=$(median <"$BENCH_DIR/own"); base=$(median <"$BENCH_DIR/base")

echo "| measure (median of $runs) | flynn | baseline | ratio |"
echo "|---|---|---|---|"
echo "| scale web=0 -> $n, CLI wall time until all up | ${wall} ms | ${base} ms ($n processes from a shell) | $(awk "BEGIN{printf \"%.1f\", $wall/$base}") |"
echo "| the same, as the CLI reports it (from the scale request) | ${own} ms | ${base} ms | $(awk "BEGIN{printf \"%.1f\", $own/$base}") |"
