# What the bench scripts share (sourced, from the repository root): the jars, a report directory
# ($OUT, printed), the server under test ($SERVER_PID, stopped on exit) and free ports.
# Usage: source server/tools/bench-common.sh NAME
SERVER_JAR=${SERVER_JAR:-server/target/partyline.jar}  # another build: SERVER_JAR=path/to/partyline.jar
TOOLS_JAR=server/tools/target/partyline-tools.jar
OUT=$(mktemp -d -t "$1.XXXXXX")
SERVER_PID=""
echo "reports and logs: $OUT"

stop_server() {
    if [[ -n "$SERVER_PID" ]]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; fi
}
trap stop_server EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
