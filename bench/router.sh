#!/usr/bin/env bash
# Router throughput and latency: wrk through our router, through nginx and HAProxy (Debian
# packages, reverse proxies with keep-alive to the same backend) and straight to the backend, in
# one run: req/s, p50, p99 and CPU time per request for a 100-byte and a 1 MiB response, plain
# and TLS, each as a ratio to nginx's: nginx with its access log off and, as Debian ships it,
# on (the combined format to a file; our router logs every request too). The backend is nginx serving two static files, run as the app's web
# job (process runner), so the router finds it in discoverd like any app.
# Needs root to install nginx, haproxy and wrk with apt when they are missing.
# The machine is shared and noisy: ROUNDS rounds, each measuring every target in turn
# (interleaved), and the table shows each figure's median over the rounds.
# Knobs: DURATION (5s), WARMUP (2s), CONNS (32), THREADS (1), ROUNDS (3), BODIES ("small 1m"),
# TARGETS ("backend nginx nginx-log haproxy router": fewer targets make a shorter run),
# ROUTER_TRANSPORT (flynn-host's --router-transport; default: what it picks), JIT_WARMUP (10s: wrk
# through the router, plain and TLS, before the first round, so that its rounds measure the
# JIT-compiled router a long-running flynn-host is, not the compiler at work).
RUNNER=process # the baselines reach the backend job's port on the host
[ -n "${ROUTER_TRANSPORT:-}" ] && UP_FLAGS="--router-transport $ROUTER_TRANSPORT"
. "$(dirname "$(readlink -f "$0")")/common.sh"
duration="${DURATION:-5s}"; warmup="${WARMUP:-2s}"; conns="${CONNS:-32}"; threads="${THREADS:-1}"
rounds="${ROUNDS:-3}"; bodies="${BODIES:-small 1m}"; targets=" ${TARGETS:-backend nginx nginx-log haproxy router} "
flynn="$BENCH_ROOT/bin/flynn"
host_header="bench.localhost"
PROXY_PIDS=""

install_tools() {
  local missing=""
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$missing nginx"
  command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || missing="$missing haproxy"
  command -v wrk >/dev/null || missing="$missing wrk"
  [ -z "$missing" ] && return 0
  [ "$(id -u)" = 0 ] || { echo "router.sh: install$missing (apt) or run as root" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing >/dev/null
}

# files: the static bodies, a TLS certificate for the baseline proxies, nginx's scratch dirs
prepare_files() {
  mkdir -p "$BENCH_DIR/www" "$BENCH_DIR/tmp"
  head -c 100 /dev/zero | tr '\0' 'x' >"$BENCH_DIR/www/small"
  head -c 1048576 /dev/urandom >"$BENCH_DIR/www/1m"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -subj "/CN=$host_header" -keyout "$BENCH_DIR/tls.key" -out "$BENCH_DIR/tls.crt" 2>/dev/null
  cat "$BENCH_DIR/tls.crt" "$BENCH_DIR/tls.key" >"$BENCH_DIR/tls.pem"
}

# nginx_conf NAME SERVER-BLOCK [ACCESS-LOG]: an nginx config in the bench dir, started in the
# foreground; ACCESS-LOG is the access_log directive's argument (off unless given)
nginx_conf() {
  local user=""; [ "$(id -u)" = 0 ] && user="user root root;"
  cat >"$BENCH_DIR/$1.conf" <<CONF
$user
worker_processes auto;
daemon off;
pid $BENCH_DIR/$1.pid;
error_log $BENCH_DIR/$1.error.log warn;
events { worker_connections 8192; }
http {
  access_log ${3:-off};
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $BENCH_DIR/tmp/body; proxy_temp_path $BENCH_DIR/tmp/proxy;
  fastcgi_temp_path $BENCH_DIR/tmp/fcgi; uwsgi_temp_path $BENCH_DIR/tmp/uwsgi; scgi_temp_path $BENCH_DIR/tmp/scgi;
  $2
}
CONF
}

# the backend: the app's web job runs this with PORT set
start_backend_job() {
  cat >"$BENCH_DIR/backend.sh" <<SH
set -e
sed "s/BACKEND_PORT/\$PORT/" "$BENCH_DIR/backend.template" >"$BENCH_DIR/backend.conf"
echo "\$PORT" >"$BENCH_DIR/backend.port"
exec /usr/sbin/nginx -p "$BENCH_DIR" -e "$BENCH_DIR/backend.error.log" -c "$BENCH_DIR/backend.conf"
SH
  nginx_conf backend "server { listen BACKEND_PORT; listen $BACKEND_TLS_PORT ssl;
    ssl_certificate $BENCH_DIR/tls.crt; ssl_certificate_key $BENCH_DIR/tls.key; root $BENCH_DIR/www; }"
  mv "$BENCH_DIR/backend.conf" "$BENCH_DIR/backend.template"
  deploy_web_app "exec sh $BENCH_DIR/backend.sh"
  "$flynn" -a bench scale web=1 >/dev/null
  for _ in $(seq 300); do [ -s "$BENCH_DIR/backend.port" ] && break; sleep 0.1; done
  BACKEND_PORT=$(cat "$BENCH_DIR/backend.port")
  wait_200 "http://127.0.0.1:$BACKEND_PORT/small" || { echo "backend job did not answer" >&2; exit 1; }
}

# nginx_proxy NAME PORT TLS-PORT [ACCESS-LOG]: nginx as a keep-alive reverse proxy to the backend
nginx_proxy() {
  nginx_conf "$1" "upstream backend { server 127.0.0.1:$BACKEND_PORT; keepalive 64; }
    server { listen $2; listen $3 ssl;
      ssl_certificate $BENCH_DIR/tls.crt; ssl_certificate_key $BENCH_DIR/tls.key;
      location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection \"\";
        proxy_max_temp_file_size 0; } }" "${4:-}"
  /usr/sbin/nginx -p "$BENCH_DIR" -e "$BENCH_DIR/$1.error.log" -c "$BENCH_DIR/$1.conf" &
  PROXY_PIDS="$PROXY_PIDS $!"
}

start_proxies() {
  nginx_proxy proxy "$NGINX_PORT" "$NGINX_TLS_PORT"
  NGINX_PID=$!
  # Debian's nginx.conf: access_log /var/log/nginx/access.log; (the combined format, unbuffered)
  nginx_proxy proxy-log "$NGINX_LOG_PORT" "$NGINX_LOG_TLS_PORT" "$BENCH_DIR/nginx-access.log combined"
  NGINX_LOG_PID=$!
  cat >"$BENCH_DIR/haproxy.cfg" <<CFG
global
  nbthread 2
  maxconn 4096
defaults
  mode http
  option http-keep-alive
  http-reuse always
  timeout connect 5s
  timeout client 60s
  timeout server 60s
frontend in
  bind 127.0.0.1:$HAPROXY_PORT
  bind 127.0.0.1:$HAPROXY_TLS_PORT ssl crt $BENCH_DIR/tls.pem alpn http/1.1
  default_backend backend
backend backend
  server b1 127.0.0.1:$BACKEND_PORT
CFG
  /usr/sbin/haproxy -db -f "$BENCH_DIR/haproxy.cfg" &
  HAPROXY_PID=$!
  PROXY_PIDS="$PROXY_PIDS $!"
  wait_200 "http://127.0.0.1:$NGINX_PORT/small" && wait_200 "http://127.0.0.1:$NGINX_LOG_PORT/small" &&
    wait_200 "http://127.0.0.1:$HAPROXY_PORT/small"
}

stop_proxies() {
  local pid
  for pid in $PROXY_PIDS; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  PROXY_PIDS=""
  # the backend nginx is the job's; stop its master by pid before the cluster goes down
  [ -s "$BENCH_DIR/backend.pid" ] && kill -TERM "$(cat "$BENCH_DIR/backend.pid")" 2>/dev/null || true
}
trap 'stop_proxies; cleanup' EXIT

# wait_200 URL: up to 30 s for a 200 (with the app's Host header, which the router routes by)
wait_200() {
  for _ in $(seq 300); do
    [ "$(curl -sk -o /dev/null -w '%{http_code}' -H "Host: $host_header" "$1")" = 200 ] && return 0
    sleep 0.1
  done
  return 1
}

to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.2f", v}'; }

# cpu_ticks PID...: user+system CPU ticks of the given processes and all their descendants
cpu_ticks() {
  local pids="$*" all="" p
  while [ -n "$pids" ]; do
    all="$all $pids"
    pids="$(for p in $pids; do pgrep -P "$p" || true; done | tr '\n' ' ' | xargs)"
  done
  for p in $all; do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || true; done | awk '{s+=$1} END {print s+0}'
}

# own_ticks PID: user+system CPU ticks of that process alone (all its threads), not its children
own_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# target_ticks NAME: the CPU ticks so far of the processes that serve target NAME
target_ticks() {
  case "$1" in
    backend) cpu_ticks "$(cat "$BENCH_DIR/backend.pid")" ;;
    nginx) cpu_ticks "$NGINX_PID" ;;
    nginx-log) cpu_ticks "$NGINX_LOG_PID" ;;
    haproxy) cpu_ticks "$HAPROXY_PID" ;;
    # the flynn-host JVM alone (GC and compiler threads count too): its children include the app's
    # jobs, here the backend nginx, whose CPU per request is the backend row's
    router) own_ticks "$HOST_PID" ;;
  esac
}

# measure NAME URL: one row of raw figures "name body proto rps p50 p99 cpu_us_per_request"
# into results. The CPU time per request is the target's own (its processes' user+system time over
# the run, divided by the requests served): a figure the other load on the machine disturbs far less
# than req/s.
measure() {
  case "$targets" in *" $1 "*) ;; *) return 0 ;; esac
  local out="$BENCH_DIR/wrk.$1.$3.$4.txt" ticks0 ticks1
  wrk -t"$threads" -c"$conns" -d"$warmup" -H "Host: $host_header" "$2" >/dev/null 2>&1
  ticks0=$(target_ticks "$1")
  wrk -t"$threads" -c"$conns" -d"$duration" --latency -H "Host: $host_header" "$2" >"$out" 2>&1
  ticks1=$(target_ticks "$1")
  local rps p50 p99 cpu
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$out")
  p50=$(awk '$1 == "50%" {print $2}' "$out" | to_ms)
  p99=$(awk '$1 == "99%" {print $2}' "$out" | to_ms)
  cpu=$(awk -v t=$((ticks1 - ticks0)) -v hz="$(getconf CLK_TCK)" '/ requests in / {if ($1 > 0) printf "%.1f", t * 1000000 / hz / $1}' "$out")
  echo "$1 $3 $4 ${rps:-0} ${p50:-0} ${p99:-0} ${cpu:-0}" >>"$BENCH_DIR/results"
}

install_tools
prepare_files
BACKEND_TLS_PORT=$(free_port); NGINX_PORT=$(free_port); NGINX_TLS_PORT=$(free_port)
NGINX_LOG_PORT=$(free_port); NGINX_LOG_TLS_PORT=$(free_port)
HAPROXY_PORT=$(free_port); HAPROXY_TLS_PORT=$(free_port)
cluster_up
start_backend_job
start_proxies
"$flynn" -a bench route add http -s bench-web "$host_header" >/dev/null 2>&1 || true # unless the default route exists
router=yes
wait_200 "http://127.0.0.1:$HTTP_PORT/small" || { router=no; echo "router.sh: the router does not answer on $HTTP_PORT; its rows are left out" >&2; }

if [ "$router" = yes ] && [ "${JIT_WARMUP:-10s}" != 0 ]; then
  for body in $bodies; do
    wrk -t"$threads" -c"$conns" -d"${JIT_WARMUP:-10s}" -H "Host: $host_header" "http://127.0.0.1:$HTTP_PORT/$body" >/dev/null 2>&1
    wrk -t"$threads" -c"$conns" -d"${JIT_WARMUP:-10s}" -H "Host: $host_header" "https://127.0.0.1:$HTTPS_PORT/$body" >/dev/null 2>&1
  done
fi
router_transport=$(grep -o 'router started transport=[a-z_]*' "$BENCH_DIR/flynn-host.log" | head -1 | cut -d= -f2)

: >"$BENCH_DIR/results"
for _ in $(seq "$rounds"); do
  for body in $bodies; do
    for proto in plain tls; do
      if [ "$proto" = plain ]; then
        measure backend "http://127.0.0.1:$BACKEND_PORT/$body" "$body" "$proto"
        measure nginx "http://127.0.0.1:$NGINX_PORT/$body" "$body" "$proto"
        measure nginx-log "http://127.0.0.1:$NGINX_LOG_PORT/$body" "$body" "$proto"
        measure haproxy "http://127.0.0.1:$HAPROXY_PORT/$body" "$body" "$proto"
        [ "$router" = yes ] && measure router "http://127.0.0.1:$HTTP_PORT/$body" "$body" "$proto"
      else
        measure backend "https://127.0.0.1:$BACKEND_TLS_PORT/$body" "$body" "$proto"
        measure nginx "https://127.0.0.1:$NGINX_TLS_PORT/$body" "$body" "$proto"
        measure nginx-log "https://127.0.0.1:$NGINX_LOG_TLS_PORT/$body" "$body" "$proto"
        measure haproxy "https://127.0.0.1:$HAPROXY_TLS_PORT/$body" "$body" "$proto"
        [ "$router" = yes ] && measure router "https://127.0.0.1:$HTTPS_PORT/$body" "$body" "$proto"
      fi
    done
  done
done

# median NAME BODY PROTO COLUMN: the median over the rounds of one figure
median() {
  awk -v n="$1" -v b="$2" -v p="$3" -v c="$4" '$1 == n && $2 == b && $3 == p {print $c}' "$BENCH_DIR/results" |
    sort -g | awk '{v[NR]=$1} END {if (NR == 0) print 0; else if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'
}
: >"$BENCH_DIR/medians"
for body in $bodies; do
  for proto in plain tls; do
    for target in backend nginx nginx-log haproxy router; do
      grep -q "^$target $body $proto " "$BENCH_DIR/results" || continue
      echo "$target $body $proto $(for c in 4 5 6 7; do median $target $body $proto $c; done | xargs)" >>"$BENCH_DIR/medians"
    done
  done
done
[ -n "${RAW_OUT:-}" ] && cp "$BENCH_DIR/results" "$RAW_OUT" # every round's figures, when asked for

echo "wrk -t$threads -c$conns -d$duration (after a $warmup warm-up), medians of $rounds rounds, $(nproc) cores; backend: nginx static files (TLS rows: the backend terminates TLS itself); router transport: ${router_transport:-?}"
echo "| body | proto | target | req/s | p50 ms | p99 ms | CPU us/req | req/s / nginx | p99 / nginx | CPU / nginx | req/s / nginx-log | p99 / nginx-log | CPU / nginx-log |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
# ratio A B: A/B, or 0 when there is no B (that target was not measured)
awk 'function ratio(a, b) {return b > 0 ? a / b : 0}
  {k=$2" "$3; if ($1=="nginx" || $1=="nginx-log") {rps[$1,k]=$4; p99[$1,k]=$6; cpu[$1,k]=$7}; row[NR]=$0}
  END {for (i=1; i<=NR; i++) {split(row[i], f, " "); k=f[2]" "f[3];
    printf "| %s | %s | %s | %d | %.2f | %.2f | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", f[2], f[3], f[1], f[4], f[5], f[6], f[7],
      ratio(f[4], rps["nginx",k]), ratio(f[6], p99["nginx",k]), ratio(f[7], cpu["nginx",k]),
      ratio(f[4], rps["nginx-log",k]), ratio(f[6], p99["nginx-log",k]), ratio(f[7], cpu["nginx-log",k])}}' "$BENCH_DIR/medians"
