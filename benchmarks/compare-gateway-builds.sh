#!/usr/bin/env bash
# The gateway's CPU time a request, two builds side by side in one run: before changing a hot-path file, build the
# gateway as it was (e.g. `git worktree add /tmp/gw-base main` and `./mvnw -o -q -DskipTests package -pl gateway -am`
# there), copy both target/quarkus-app folders somewhere stable, and run
#   benchmarks/compare-gateway-builds.sh BASELINE_APP_DIR CANDIDATE_APP_DIR [pairs] [seconds] [warmup-seconds]
# A private devstack (ports +11000, built apps of this tree) supplies Keycloak and pairing-service. Both gateways run
# beside it with its gateway's environment (rate limits raised), each on its own port, and wrk (-t2 -c16) loads them
# in turn, the order swapped every pair, so drift in the machine's speed hits both alike. CPU a request is the
# gateway JVM's utime+stime over the run (/proc/PID/stat) divided by wrk's request count; the figure is the median,
# and the ratio the median of the pairs' candidate/baseline ratios. Other load on the machine barely changes CPU
# time a request, but it does change throughput, which is printed only to show the runs were alike.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BASE=$(cd "$1" && pwd); CAND=$(cd "$2" && pwd); PAIRS=${3:-6}; SECS=${4:-10}; WARMUP=${5:-60}
command -v wrk >/dev/null || { echo "needs wrk (Debian: apt-get install wrk)" >&2; exit 1; }
OFF=11000; GW=$((8080 + OFF)); PAIRING=$((8081 + OFF)); PORT_BASE=$((8090 + OFF)); PORT_CAND=$((8091 + OFF))
export XIETONG_PORT_OFFSET=$OFF XIETONG_HOME=$(mktemp -d /tmp/xietong-compare-XXXX)
LOGS=$XIETONG_HOME
CP="$ROOT/devstack/target/classes:$(cat "$ROOT/devstack/target/classes/org/xietong/devstack/runtime.classpath")"
java -Dxietong.root="$ROOT" -Dfile.encoding=UTF-8 -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$CP" org.xietong.devstack.Main up > "$LOGS/devstack.log" 2>&1 &
STACK=$!
cleanup() {
  kill ${PID_BASE:-} ${PID_CAND:-} 2>/dev/null
  kill $STACK 2>/dev/null && wait $STACK 2>/dev/null
}
trap cleanup EXIT
trap 'exit 1' TERM INT
for _ in $(seq 1 300); do
  curl -sf -o /dev/null http://127.0.0.1:$GW/q/health/ready && break
  kill -0 $STACK 2>/dev/null || break
  sleep 2
done
curl -sf -o /dev/null http://127.0.0.1:$GW/q/health/ready || { echo "devstack did not start:"; tail -20 "$LOGS/devstack.log"; exit 1; }
GWPID=$(for p in $(pgrep -f QuarkusEntryPoint); do
  [ "$(readlink /proc/$p/cwd)" = "$ROOT/gateway/target/quarkus-app" ] && echo $p; done | head -1)
mapfile -d '' ENVV < /proc/$GWPID/environ
BASE_ENV=()
for e in "${ENVV[@]}"; do
  case $e in QUARKUS_HTTP_PORT=*|QUARKUS_MANAGEMENT_PORT=*|QUARKUS_HTTP_HOST=*) ;; *) BASE_ENV+=("$e") ;; esac
done
start_gateway() { # app dir, port; prints the JVM's pid
  cd "$1" || exit 1
  env -i "${BASE_ENV[@]}" QUARKUS_HTTP_PORT=$2 QUARKUS_MANAGEMENT_PORT=$(($2 + 1000)) QUARKUS_HTTP_HOST=127.0.0.1 \
    XIETONG_GATEWAY_LIMITS_READ_USER_REQUESTS=100000000 XIETONG_GATEWAY_LIMITS_READ_CLIENT_REQUESTS=100000000 \
    java -Xms32m -Xmx256m -XX:+UseSerialGC -Dfile.encoding=UTF-8 -jar quarkus-run.jar > "$LOGS/gateway-$2.log" 2>&1 &
  echo $!
}
PID_BASE=$(start_gateway "$BASE" $PORT_BASE)
PID_CAND=$(start_gateway "$CAND" $PORT_CAND)
for port in $PORT_BASE $PORT_CAND; do
  for _ in $(seq 1 120); do curl -sf -o /dev/null http://127.0.0.1:$port/q/health/ready && break; sleep 1; done
done
TOKEN=$(java -Dxietong.root="$ROOT" -cp "$CP" org.xietong.devstack.Main token edu-chaoyang 2>/dev/null | tail -1)
for n in $(seq 0 19); do
  curl -s -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    --data "{\"code\":\"7700$(printf %06d $n)\",\"name\":\"网关对比学校$n\",\"regionCode\":\"110105\",\"locationType\":\"URBAN\",\"level\":\"PRIMARY\"}" \
    http://127.0.0.1:$PAIRING/api/v1/pairing/schools
done
TARGET="/api/v1/pairing/schools?size=20"
echo "baseline  $BASE: pid $PID_BASE, port $PORT_BASE"
echo "candidate $CAND: pid $PID_CAND, port $PORT_CAND"
for port in $PORT_BASE $PORT_CAND; do
  echo "GET $TARGET on $port: $(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes' -H "Authorization: Bearer $TOKEN" http://127.0.0.1:$port$TARGET)"
done
ticks() { awk '{ s = $0; sub(/^.*\) /, "", s); split(s, f, " "); print f[12] + f[13] }' /proc/$1/stat; }
LAST=0
run() { # label, pid, port, seconds; sets LAST to the µs of CPU a request
  local before after out requests non2xx rps
  before=$(ticks $2)
  out=$(wrk -t2 -c16 -d${4}s --timeout 5s -H "Authorization: Bearer $TOKEN" http://127.0.0.1:$3$TARGET)
  after=$(ticks $2)
  requests=$(echo "$out" | grep -o '[0-9]* requests in' | awk '{print $1}')
  non2xx=$(echo "$out" | grep -o 'Non-2xx or 3xx responses: [0-9]*' | awk '{print $NF}')
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  LAST=$(awk -v t=$((after - before)) -v r=$requests 'BEGIN { printf "%.1f", t * 1e6 / 100 / r }')
  printf '%-9s %9d requests %7.0f req/s  non-2xx %s  %5d ticks  %6s µs CPU a request\n' "$1" "$requests" "$rps" \
    "${non2xx:-0}" $((after - before)) "$LAST"
}
echo "warm-up, ${WARMUP} s each (not counted)"
run baseline $PID_BASE $PORT_BASE $WARMUP; run candidate $PID_CAND $PORT_CAND $WARMUP
echo "measured: $PAIRS pairs of ${SECS} s runs, wrk -t2 -c16"
B=(); C=()
for i in $(seq 1 $PAIRS); do
  if [ $((i % 2)) -eq 1 ]; then
    run baseline $PID_BASE $PORT_BASE $SECS; B+=($LAST); run candidate $PID_CAND $PORT_CAND $SECS; C+=($LAST)
  else
    run candidate $PID_CAND $PORT_CAND $SECS; C+=($LAST); run baseline $PID_BASE $PORT_BASE $SECS; B+=($LAST)
  fi
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
RATIOS=(); for i in "${!B[@]}"; do RATIOS+=($(awk -v b=${B[$i]} -v c=${C[$i]} 'BEGIN { printf "%.3f", c / b }')); done
echo "gateway CPU a request, median of $PAIRS: baseline $(median "${B[@]}") µs, candidate $(median "${C[@]}") µs;" \
  "candidate/baseline $(median "${RATIOS[@]}") (pairs: ${RATIOS[*]})"
