#!/usr/bin/env bash
# Memory per job: N jobs of `sleep` (no port) with the runner in RUNNER (runc here), counted where
# it goes: the flynn-host JVM's RSS growth, the `runc run` supervisors (PSS), and the containers'
# memory cgroups (the app, its init and the kernel memory charged to the container). Baseline in
# the same run: the PSS of the same N `sleep` processes started from a shell. MemAvailable is not
# used: on a shared machine it moves by more than the whole measure.
. "$(dirname "$(readlink -f "$0")")/common.sh"
n="${N:-20}"
flynn="$BENCH_ROOT/bin/flynn"
settle=5

pss_kb() { for p in "$@"; do awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null; done | awk '{s+=$1} END {print s+0}'; }
jvm_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$HOST_PID/status"; }
runc_kb() { pss_kb $(pgrep -f "runc --root $BENCH_DIR/state" || true); }
cgroup_kb() {
  { cat /sys/fs/cgroup/memory/flynn/flynn-*/memory.usage_in_bytes /sys/fs/cgroup/flynn/flynn-*/memory.current 2>/dev/null || true; } |
    awk '{s+=$1} END {print int(s/1024)}'
}

cluster_up
"$flynn" create bench >/dev/null 2>&1
cat >"$BENCH_DIR/release.json" <<JSON
{"processes": {"worker": {"args": ["sleep", "100000"]}}}
JSON
"$flynn" -a bench release add -f "$BENCH_DIR/release.json" >/dev/null 2>&1
sleep "$settle"
jvm0=$(jvm_kb)
"$flynn" -a bench scale worker="$n" >/dev/null
sleep "$settle"
jvm=$(($(jvm_kb) - jvm0)); runc=$(runc_kb); cg=$(cgroup_kb)
"$flynn" -a bench scale worker=0 >/dev/null
cluster_down

pids=()
for i in $(seq "$n"); do sleep 100000 & pids+=($!); done
sleep 1
base=$(pss_kb "${pids[@]}")
kill "${pids[@]}"; wait 2>/dev/null || true

per() { awk -v kb="$1" -v n="$n" 'BEGIN {printf "%.2f MB", kb/n/1024}'; }
total=$((jvm + runc + cg))
echo "| measure ($n jobs of \`sleep\`, runner $RUNNER) | per job | baseline | ratio |"
echo "|---|---|---|---|"
echo "| memory per job, all parts below | $(per $total) | $(per "$base") (PSS of \`sleep\` from a shell) | $(awk -v a=$total -v b="$base" 'BEGIN {printf "%.0f", a/(b>0?b:1)}') |"
echo "| the flynn-host JVM (RSS growth) | $(per $jvm) | | |"
echo "| \`runc run\` supervisors (PSS) | $(per "$runc") | | |"
echo "| the containers' memory cgroups | $(per "$cg") | | |"
