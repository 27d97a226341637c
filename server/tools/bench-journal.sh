#!/usr/bin/env bash
# What the room journal costs: the classroom bench against a fresh server with the journal on,
# then off, interleaved, RUNS times each (default 3). Prints one line per run and the medians.
# Usage (from the repository root, after `mvn -B -o package -DskipTests -pl server,server/tools`):
#   server/tools/bench-journal.sh [RUNS] [ROOMS]
# Needs curl, jq, sqlite3, bc and python3 (for free ports). Reports and server logs go to a temp directory, printed at the start.
set -euo pipefail
RUNS=${1:-3}
ROOMS=${2:-1000}
source server/tools/bench-common.sh bench-journal
cpu_ns() { curl -sf "http://127.0.0.1:$1/metrics" | awk '$1=="process_cpu_time_ns_total"{printf "%.0f\n", $2}'; }
figure() { jq -r --arg m "$2" '.figures[] | select(.metric==$m) | .value' "$1"; }
busy_s() { awk -v hz="$(getconf CLK_TCK)" '$1=="cpu"{print ($2+$3+$4+$7+$8)/hz}' /proc/stat; } # the whole box's busy CPU seconds so far
# The box is shared: wait (up to QUIET_WAIT s, default 600) until it is under 15 % busy over 3 s.
wait_quiet() {
    local waited=0 a b
    while ((waited < ${QUIET_WAIT:-600})); do
        a=$(busy_s); sleep 3; b=$(busy_s); waited=$((waited + 3))
        (($(echo "($b - $a) / 3 / $(nproc) < 0.15" | bc -l))) && return 0
    done
    echo "     (the box stayed busy; running anyway)"
}

# server CPU s: Δprocess_cpu_time_ns_total from just before the bench to just after it (join and play);
# µs/sent and µs/acked: that over the answers sent and acked; playing %: the bench's "server CPU while playing"
printf '%-4s %-4s %-6s %10s %10s %13s %12s %10s %10s %10s %9s\n' run mode result "ack p50 ms" "ack p99 ms" "acked/late" "server CPU s" "µs/sent" "µs/acked" "playing %" "others %"
for i in $(seq 1 "$RUNS"); do
    for mode in on off; do
        http=$(free_port); tcp=$(free_port); data=$(mktemp -d -p "$OUT" "data-$i-$mode.XXXX")
        flag=(); [[ $mode == off ]] && flag=(--no-journal)
        java -Xmx2g -jar "$SERVER_JAR" --host 127.0.0.1 --http-port "$http" --tcp-port "$tcp" --data-dir "$data" "${flag[@]}" >"$OUT/server-$i-$mode.log" 2>&1 &
        SERVER_PID=$!
        for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$http/health" >/dev/null && break; sleep 0.5; done
        wait_quiet
        report="$OUT/classroom-$i-$mode.json"
        before=$(cpu_ns "$http"); box_before=$(busy_s); start=$(date +%s.%N)
        TIMEFORMAT='%U %S'
        client=$({ time java -Xmx4g -jar "$TOOLS_JAR" bench --scenario classroom --rooms "$ROOMS" --http-port "$http" --tcp-port "$tcp" --out "$report" >"$OUT/bench-$i-$mode.txt" 2>&1; } 2>&1) && result=ok || result=failed
        after=$(cpu_ns "$http"); box_after=$(busy_s); end=$(date +%s.%N)
        # CPU of everything else on the box during the run: the box's − the server's − the load client's, in % of one core
        others=$(echo "100 * (($box_after - $box_before) - ($after - $before) / 10^9 - (${client% *} + ${client#* })) / ($end - $start)" | bc -l)
        stop_server
        acked=$(figure "$report" "answers acked"); sent=$(figure "$report" "answers sent")
        printf '%-4s %-4s %-6s %10.1f %10.1f %13s %12.1f %10.0f %10.0f %10.1f %9.0f\n' "$i" "$mode" "$result" \
            "$(figure "$report" "answer-ack latency p50")" "$(figure "$report" "answer-ack latency p99")" \
            "$(printf '%.0f/%.0f' "$acked" "$(figure "$report" "answers refused as late")")" "$(echo "($after - $before) / 10^9" | bc -l)" \
            "$(echo "($after - $before) / 1000 / $sent" | bc -l)" "$(echo "($after - $before) / 1000 / $acked" | bc -l)" \
            "$(figure "$report" "server CPU while playing")" "$others" | tee -a "$OUT/runs.txt"
        if [[ $mode == on ]]; then
            echo "     recorded: $(sqlite3 "$data/partyline.db" 'SELECT count(*) || " games, " || count(ended_at) || " ended" FROM games'), $(sqlite3 "$data/partyline.db" 'SELECT count(*) FROM journal') journal lines"
        fi
    done
done

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
for mode in on off; do
    col() { awk -v m=$mode -v c="$1" '$2==m{print $c}' "$OUT/runs.txt" | median; }
    echo "median, journal $mode: ack p99 $(col 5) ms, server CPU $(col 7) s, $(col 8) µs per answer sent, $(col 9) µs per answer acked, $(col 10) % of a core while playing"
done
