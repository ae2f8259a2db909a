#!/usr/bin/env bash
# Job start latency: `flynn scale web=0 -> 1` repeated RUNS times, the time from the host starting
# the job to its port accepting (the host log's starting -> up), with the runner in RUNNER (runc
# here). Baseline in the same run: the same server started from a shell until its port accepts.
. "$(dirname "$(readlink -f "$0")")/common.sh"
runs="${RUNS:-9}"
flynn="$BENCH_ROOT/bin/flynn"
cmd='exec /usr/bin/python3 -m http.server $PORT --bind 0.0.0.0'

cluster_up
deploy_web_app "$cmd"
for i in $(seq "$runs"); do
  "$flynn" -a bench scale web=1 >/dev/null
  "$flynn" -a bench scale web=0 >/dev/null
done
cluster_down

ms() { awk -F'[:.]' '{print (($1*60+$2)*60+$3)*1000+$4}'; }
grep -E ' job=[^ ]+ .*state=(starting|up) ' "$BENCH_DIR/flynn-host.log" |
  sed -E 's/^([0-9:.]+) .* job=([^ ]+) .*state=([a-z]+) .*/\1 \2 \3/' >"$BENCH_DIR/states"
: >"$BENCH_DIR/lat"
while read -r t job state; do
  [ "$state" = up ] || continue
  start=$(awk -v j="$job" '$2 == j && $3 == "starting" {print $1; exit}' "$BENCH_DIR/states")
  [ -n "$start" ] && echo $(( $(echo "$t" | ms) - $(echo "$start" | ms) )) >>"$BENCH_DIR/lat"
done <"$BENCH_DIR/states"

: >"$BENCH_DIR/base"
for i in $(seq "$runs"); do
  p=$(free_port); t0=$(now_ms)
  PORT=$p sh -c "$cmd" >/dev/null 2>&1 & pid=$!
  until (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do sleep 0.005; done
  echo $(($(now_ms) - t0)) >>"$BENCH_DIR/base"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done

pct() { sort -n "$1" | awk -v q="$2" '{a[NR]=$1} END {i=int(NR*q+0.5); if (i<1) i=1; print a[i]}'; }
p50=$(pct "$BENCH_DIR/lat" 0.5); p90=$(pct "$BENCH_DIR/lat" 0.9); b50=$(pct "$BENCH_DIR/base" 0.5)
echo "| measure ($runs starts, runner $RUNNER) | flynn | baseline | ratio |"
echo "|---|---|---|---|"
echo "| job start, host starting -> port accepts, p50 (p90) | ${p50} ms (${p90} ms) | ${b50} ms (same server from a shell) | $(awk "BEGIN{printf \"%.1f\", $p50/$b50}") |"
