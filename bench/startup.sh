#!/usr/bin/env bash
# Warm start-up to ready, and idle memory of the whole platform (JVM + PostgreSQL + ZooKeeper).
# Baselines in the same run: a bare JVM with the same flags (start to exit, and idle RSS).
. "$(dirname "$(readlink -f "$0")")/common.sh"
. "$BENCH_ROOT/bin/java-env.sh"; flynn_require_java
runs="${RUNS:-3}"

cluster_up; cold=$UP_MS; cluster_down
echo "cold start (first, creates state): ${cold} ms"

total=0
for i in $(seq "$runs"); do
  cluster_up; t=$UP_MS
  echo "warm start $i: ${t} ms"
  total=$((total + t))
  if [ "$i" = "$runs" ]; then
    sleep 10 # let start-up garbage be collected and caches settle
    platform_rss=$(rss_kb "$HOST_PID")
  fi
  cluster_down
done
warm=$((total / runs))

cat >"$BENCH_DIR/Idle.java" <<'JAVA'
public class Idle { public static void main(String[] a) throws Exception { if (a.length > 0) Thread.sleep(Long.parseLong(a[0])); } }
JAVA
"$(dirname "$JAVA")/javac" -d "$BENCH_DIR" "$BENCH_DIR/Idle.java"
flags=(-XX:+UseSerialGC -Xms32m -Xmx320m -XX:TieredStopAtLevel=1 -Xss512k -cp "$BENCH_DIR")
b0=$(now_ms); "$JAVA" "${flags[@]}" Idle; jvm_start=$(($(now_ms) - b0))
"$JAVA" "${flags[@]}" Idle 20000 & idle=$!
sleep 8; idle_rss=$(rss_kb "$idle"); kill "$idle"; wait "$idle" 2>/dev/null || true

echo
echo "| measure | flynn-host | baseline | ratio |"
echo "|---|---|---|---|"
echo "| warm start to ready (mean of $runs) | ${warm} ms | ${jvm_start} ms (bare JVM start+exit) | $(awk "BEGIN{printf \"%.1f\", $warm/$jvm_start}") |"
echo "| idle RSS, whole platform | $((platform_rss / 1024)) MB | $((idle_rss / 1024)) MB (idle bare JVM) | $(awk "BEGIN{printf \"%.1f\", $platform_rss/$idle_rss}") |"
