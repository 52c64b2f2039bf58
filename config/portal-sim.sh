#!/usr/bin/env bash
# Starts, stops or reports the simulator of the National Public Service Portal (src/portal-sim, issue 15 §3).
#
#   config/portal-sim.sh start|stop|status|run
#
# Environment (defaults in brackets):
#   PORTAL_SIM_PORT      [8090] port (on 127.0.0.1)
#   PORTAL_SIM_DATA      [./portal-sim-data] directory where it keeps what it received (survives restarts)
#   PORTAL_SIM_USER      [motcua] and PORTAL_SIM_PASSWORD [motcua-portal-dev]: the account motcua signs in with
#   PORTAL_SIM_JAR       [src/portal-sim/target/motcua-portal-sim.jar]
# The run command (config/payara/motcua-server.sh) starts one per domain on MOTCUA_PORTBASE + 90 (8090 by default)
# with its data in the domain's directory, and stops it with the domain. Its page: http://localhost:<port>/
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${PORTAL_SIM_PORT:-8090}
DATA=${PORTAL_SIM_DATA:-$PWD/portal-sim-data}
USER_NAME=${PORTAL_SIM_USER:-motcua}
PASSWORD=${PORTAL_SIM_PASSWORD:-motcua-portal-dev}
JAR=${PORTAL_SIM_JAR:-$ROOT/src/portal-sim/target/motcua-portal-sim.jar}
PID_FILE="$DATA/portal-sim.pid"
LOG_FILE="$DATA/portal-sim.log"

log() { echo "[portal-sim] $*" >&2; }

running() {
  [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

wait_up() {
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
      return 0
    fi
    running || { cat "$LOG_FILE" >&2; log "did not start"; return 1; }
    sleep 0.2
  done
  log "no answer on port $PORT after 20 s"
  return 1
}

case "${1:-}" in
  start)
    mkdir -p "$DATA"
    if running; then
      log "already running (pid $(cat "$PID_FILE")) on port $PORT"
      exit 0
    fi
    [[ -f "$JAR" ]] || { log "$JAR not found; build it: ./mvnw -pl src/portal-sim package"; exit 1; }
    nohup java -Xmx128m -jar "$JAR" --port "$PORT" --data "$DATA" --user "$USER_NAME" --password "$PASSWORD" \
      >"$LOG_FILE" 2>&1 </dev/null &
    echo $! >"$PID_FILE"
    wait_up
    log "started on http://localhost:$PORT/ (pid $(cat "$PID_FILE"), data in $DATA)"
    ;;
  run)
    mkdir -p "$DATA"
    exec java -Xmx128m -jar "$JAR" --port "$PORT" --data "$DATA" --user "$USER_NAME" --password "$PASSWORD"
    ;;
  stop)
    if running; then
      pid=$(cat "$PID_FILE")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      log "stopped (pid $pid)"
    fi
    rm -f "$PID_FILE"
    ;;
  status)
    if running; then echo "running (pid $(cat "$PID_FILE")) on port $PORT"; else echo "stopped"; exit 3; fi
    ;;
  *)
    echo "usage: $0 start|stop|status|run" >&2
    exit 2
    ;;
esac
