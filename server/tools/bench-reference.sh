#!/usr/bin/env bash
# Partyline against the Node `ws` reference (peers/ws-reference.js) in one batch: for each
# scenario, a fresh reference server, then a fresh Partyline, each driven by the same bench
# command; prints each figure for both and the ratio Partyline / ws.
# Usage (from the repository root, after `mvn -B -o package -DskipTests -pl server,server/tools`
# and `npm ci --prefix server/tools/peers`):
#   server/tools/bench-reference.sh [PLAYERS]      (default 10000)
# Needs node, curl, jq and python3 (for free ports). Reports and logs go to a temp directory, printed at the start.
set -euo pipefail
PLAYERS=${1:-10000}
source server/tools/bench-common.sh bench-reference
figure() { jq -r --arg m "$2" '[.figures[] | select(.metric==$m) | .value][0] // "n/a"' "$1"; }

# run NAME SERVER(ws|partyline) BENCH-ARGS...: starts the server, runs the bench, stops the server
run() {
    local name=$1 kind=$2; shift 2
    local http tcp
    http=$(free_port); tcp=$(free_port)
    if [[ $kind == ws ]]; then
        node server/tools/peers/ws-reference.js --http-port "$http" >"$OUT/server-$name.log" 2>&1 &
    else
        java -Xmx2g -jar "$SERVER_JAR" --host 127.0.0.1 --http-port "$http" --tcp-port "$tcp" --data-dir "$(mktemp -d -p "$OUT")" >"$OUT/server-$name.log" 2>&1 &
    fi
    SERVER_PID=$!
    for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$http/metrics" >/dev/null && break; sleep 0.5; done
    java -Xmx4g -jar "$TOOLS_JAR" bench "$@" --players "$PLAYERS" --http-port "$http" --tcp-port "$tcp" --out "$OUT/$name.json" >"$OUT/bench-$name.txt" 2>&1 || true
    stop_server
}

# row LABEL METRIC SCENARIO: one figure of a scenario for both servers, and Partyline / ws
row() {
    python3 - "$1" "$(figure "$OUT/$3-ws.json" "$2")" "$(figure "$OUT/$3-partyline.json" "$2")" <<'PY'
import sys
label, ws, pl = sys.argv[1:]
num = lambda v: None if v == "n/a" else float(v)
a, b = num(ws), num(pl)
show = lambda v: "n/a" if v is None else f"{v:,.3g}" if abs(v) < 100 else f"{v:,.0f}"
ratio = f"{b / a:.2f}" if a and b is not None else "n/a"
print(f"{label:<44} {show(a):>12} {show(b):>12} {ratio:>8}")
PY
}

for kind in ws partyline; do
    run "idle-$kind" "$kind" --scenario idle --transport ws
    run "fanout1-$kind" "$kind" --scenario fanout --transport ws --rate 1 --warmup 5
    run "fanout3-$kind" "$kind" --scenario fanout --transport ws --rate 3 --warmup 5
done

printf '%-44s %12s %12s %8s\n' "figure ($PLAYERS WebSocket clients, rooms of 10)" "ws" "Partyline" "ratio"
row "idle: RSS per connection (KiB)" "server RSS per connection" idle
row "idle: connect+join of all (s)" "connect+join, all clients" idle
row "idle: server CPU over the hold (% core)" "server idle CPU over the hold" idle
row "fanout 1/s: CPU per delivery (µs)" "server CPU per delivery" fanout1
row "fanout 1/s: delivery p50 (ms)" "delivery latency p50" fanout1
row "fanout 1/s: delivery p99 (ms)" "delivery latency p99" fanout1
row "fanout 1/s: lost deliveries" "lost deliveries" fanout1
row "fanout 3/s: CPU per delivery (µs)" "server CPU per delivery" fanout3
row "fanout 3/s: delivery p99 (ms)" "delivery latency p99" fanout3
row "fanout 3/s: deliveries/s arriving" "deliveries/s arriving in the window" fanout3
