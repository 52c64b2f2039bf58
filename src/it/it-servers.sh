#!/usr/bin/env bash
# it-servers.sh: the Payara Server domains for the integration tests (src/it).
#
#   it-servers.sh start   starts, in parallel, two fresh domains with -Duser.timezone=UTC:
#                           motcua-it-h2          port base 28000 (HTTP 28080, admin 28048), embedded H2
#                           motcua-it-postgresql  port base 29000 (HTTP 29080, admin 29048), on a new
#                                                 database motcua_it_<epoch>_<pid> in the local PostgreSQL,
#                                                 only when PostgreSQL answers (else: SKIPPED line)
#   it-servers.sh stop    stops both domains and drops the test database.
#
# Maven runs it in pre-/post-integration-test (src/it/pom.xml); it can also be run by hand.
# The tests deploy the EAR themselves (Arquillian); motcua-server.sh deploys only the maintenance gate (src/gate,
# context root "/", MOTCUA_GATE_WAR) on each domain it starts, which MaintenanceGateIT checks.
#
# Environment (defaults in brackets):
#   PAYARA_HOME            [src/it/target/payara6]  Payara installation for the test domains
#   MOTCUA_IT_STATE_DIR    [src/it/target/it-servers] marker files read by the tests
#   MOTCUA_IT_H2_PORTBASE  [28000]   MOTCUA_IT_PG_PORTBASE [29000]
#   MOTCUA_IT_PEER_PORTBASE [30000]  the second system of TwoSystemsTransferIT (Maven: -Dmotcua.it.peer.portbase)
#   MOTCUA_IT_PG_HOST [127.0.0.1]  MOTCUA_IT_PG_PORT [5432]  MOTCUA_IT_PG_USER [postgres]
#   MOTCUA_IT_PG_PASSWORD  [empty: trust authentication]
#   MOTCUA_IT_HEAP [1g]  heap limit of the test domains (each test class redeploys the EAR: some 45 deployments a round)
set -euo pipefail

IT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$IT_DIR/../.." && pwd)
SERVER_SH="$ROOT/config/payara/motcua-server.sh"

export PAYARA_HOME=${PAYARA_HOME:-$IT_DIR/target/payara6}
export MOTCUA_DIST_DIR=${MOTCUA_DIST_DIR:-$IT_DIR/target/payara-dist}
STATE_DIR=${MOTCUA_IT_STATE_DIR:-$IT_DIR/target/it-servers}
H2_PORTBASE=${MOTCUA_IT_H2_PORTBASE:-28000}
PG_PORTBASE=${MOTCUA_IT_PG_PORTBASE:-29000}
PG_HOST=${MOTCUA_IT_PG_HOST:-127.0.0.1}
PG_PORT=${MOTCUA_IT_PG_PORT:-5432}
PG_USER=${MOTCUA_IT_PG_USER:-postgres}
PG_PASSWORD=${MOTCUA_IT_PG_PASSWORD:-}
H2_DOMAIN=motcua-it-h2
PG_DOMAIN=motcua-it-postgresql
PEER_DOMAIN=motcua-it-peer   # TwoSystemsTransferIT's second system (PeerSystem.java)
PEER_PORTBASE=${MOTCUA_IT_PEER_PORTBASE:-30000}
SKIP_MESSAGE="PostgreSQL tests SKIPPED: no PostgreSQL at $PG_HOST:$PG_PORT"

log() { printf '[it-servers] %s\n' "$*"; }

pg() { # psql on the maintenance database, no prompts
  PGPASSWORD=$PG_PASSWORD PGCONNECT_TIMEOUT=5 psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -w -d postgres -v ON_ERROR_STOP=1 "$@" </dev/null
}

# Runs motcua-server.sh for one domain; output lines get a prefix.  $1=db $2=domain $3=portbase $4=command
# Each domain gets a temporary directory of its own: the admin REST interface saves an uploaded archive as
# <java.io.tmpdir>/<file name> (motcua.ear), so Payara servers sharing /tmp (another build's test domains,
# a developer's server) would overwrite or delete each other's upload in the middle of a deployment
# ("File source doesn't exist").
server() {
  local db=$1 domain=$2 portbase=$3 command=$4
  local tmp="$STATE_DIR/tmp/$domain"
  mkdir -p "$tmp"
  # Fast outbox settings for OutboxDispatchIT: a run every second, retries after 2 s, 4 s, 4 s …
  # Every test client signs in from 127.0.0.1, and several classes try 20 wrong passwords on purpose: the
  # per-address sign-in lock (100 failures, unit-tested in SignInThrottleTest) would lock the whole suite out.
  # The public address is taken from each request, as the tests compare links with the address they called.
  # Batch job test hooks (job parameters test.*: a failing writer, slow items, an orphaned lock) for BatchJobsIT.
  # Partners at plain-http loopback addresses (LoopbackTransferIT, TwoSystemsTransferIT, OutboxDispatchIT): allowed here
  # explicitly, as on no production server (PartnerPolicy, docs/configuration.md; security issue 16).
  MOTCUA_INTERAGENCY_ALLOW_HTTP_HOSTS=${MOTCUA_INTERAGENCY_ALLOW_HTTP_HOSTS-localhost,127.0.0.1} \
    MOTCUA_INTERAGENCY_ALLOW_LOOPBACK=${MOTCUA_INTERAGENCY_ALLOW_LOOPBACK-true} \
  MOTCUA_AUTH_ADDRESS_LOCK_AFTER_FAILURES=${MOTCUA_AUTH_ADDRESS_LOCK_AFTER_FAILURES:-100000} MOTCUA_PUBLIC_BASE_URL= \
    MOTCUA_INTERAGENCY_DISPATCH_INTERVAL=${MOTCUA_INTERAGENCY_DISPATCH_INTERVAL:-PT1S} \
    MOTCUA_OUTBOX_INITIAL_DELAY=${MOTCUA_OUTBOX_INITIAL_DELAY:-PT2S} MOTCUA_OUTBOX_MAX_DELAY=${MOTCUA_OUTBOX_MAX_DELAY:-PT4S} \
    MOTCUA_OUTBOX_MAX_ATTEMPTS=${MOTCUA_OUTBOX_MAX_ATTEMPTS:-50} \
    MOTCUA_INTERAGENCY_RECONCILIATION_GRACE=${MOTCUA_INTERAGENCY_RECONCILIATION_GRACE:-PT0S} \
    MOTCUA_BATCH_TEST_HOOKS=${MOTCUA_BATCH_TEST_HOOKS:-true} \
    MOTCUA_PORTAL_DISPATCH_INTERVAL=${MOTCUA_PORTAL_DISPATCH_INTERVAL:-PT1S} \
    MOTCUA_DB=$db MOTCUA_DOMAIN=$domain MOTCUA_PORTBASE=$portbase MOTCUA_DEMO_ACCOUNTS=true \
    MOTCUA_JVM_OPTIONS="-Duser.timezone=UTC -Djava.io.tmpdir=$tmp -Xmx${MOTCUA_IT_HEAP:-1g}" MOTCUA_FRESH_DOMAIN=true \
    "$SERVER_SH" "$command" 2>&1 | sed -u "s/^/[$domain] /"
}

# The mail session of the applicant notifications (NotificationIT): SMTP on 127.0.0.1:<portbase + 25>, where that
# test starts GreenMail inside the server; nothing listens there otherwise (the other tests' e-mails then fail and
# wait for a retry, which does them no harm).  $1=portbase
mail_session() {
  "$PAYARA_HOME/bin/asadmin" --port $(($1 + 48)) create-javamail-resource --mailhost 127.0.0.1 --mailuser motcua \
    --fromaddress motcua@localhost \
    --property "mail-smtp-port=$(($1 + 25)):mail-smtp-connectiontimeout=3000:mail-smtp-timeout=5000" mail/motcua \
    </dev/null 2>&1 | sed -u "s/^/[mail $1] /"
}

drop_database() { # $1 = name; ignores errors (for example: still in use by another build)
  command -v psql >/dev/null || return 0
  pg -qc "drop database if exists \"$1\" with (force)" >/dev/null 2>&1 || true
}

cmd_start() {
  mkdir -p "$STATE_DIR"
  rm -f "$STATE_DIR"/*.properties "$STATE_DIR"/*.skipped
  # Unpack Payara once, before the two domains start in parallel.
  "$SERVER_SH" prepare

  local pg_db="" pg_error=""
  if ! command -v psql >/dev/null; then
    pg_error="psql not installed"
  elif ! pg_error=$(pg -Atc 'select 1' 2>&1); then
    :
  else
    pg_error=""
    # Databases left by interrupted earlier runs: only those created more than 6 hours ago (the epoch in the name),
    # so that a parallel run on the same PostgreSQL (another checkout, other port bases) keeps its database even
    # while no connection happens to be open on it.
    local old created
    local oldest_kept=$(( $(date +%s) - 6 * 3600 ))
    for old in $(pg -Atc "select datname from pg_database where datname ~ '^motcua_it_[0-9]+(_[0-9]+)?$'" 2>/dev/null); do
      created=${old#motcua_it_}
      created=${created%%_*}
      (( created < oldest_kept )) || continue
      PGPASSWORD=$PG_PASSWORD psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -w -d postgres -qc "drop database \"$old\"" </dev/null >/dev/null 2>&1 \
        && log "Dropped the database $old left by an earlier run"
    done
    pg_db="motcua_it_$(date +%s)_$$"
    pg -qc "create database \"$pg_db\"" || { log "ERROR: could not create database $pg_db"; exit 1; }
    log "Created PostgreSQL database $pg_db at $PG_HOST:$PG_PORT"
  fi

  log "Starting $H2_DOMAIN${pg_db:+ and $PG_DOMAIN, in parallel} ..."
  local started=$SECONDS h2_pid pg_pid="" rc=0
  server h2 "$H2_DOMAIN" "$H2_PORTBASE" start-domain &
  h2_pid=$!
  if [[ -n "$pg_db" ]]; then
    MOTCUA_DB_HOST=$PG_HOST MOTCUA_DB_PORT=$PG_PORT MOTCUA_DB_NAME=$pg_db MOTCUA_DB_USER=$PG_USER \
      MOTCUA_DB_PASSWORD=$PG_PASSWORD server postgresql "$PG_DOMAIN" "$PG_PORTBASE" start-domain &
    pg_pid=$!
    {
      echo "database=$pg_db"
      echo "host=$PG_HOST"
      echo "port=$PG_PORT"
      echo "domain=$PG_DOMAIN"
    } >"$STATE_DIR/postgresql.properties.tmp"
  else
    # Stop a test domain left running by an interrupted earlier run.
    server postgresql "$PG_DOMAIN" "$PG_PORTBASE" stop >/dev/null 2>&1 || true
    log "(PostgreSQL check: ${pg_error//$'\n'/ })"
    log "$SKIP_MESSAGE"
    echo "$SKIP_MESSAGE" >"$STATE_DIR/postgresql.skipped"
  fi

  wait "$h2_pid" || rc=1
  if [[ -n "$pg_pid" ]]; then wait "$pg_pid" || rc=1; fi
  if [[ $rc -ne 0 ]]; then
    log "ERROR: a test domain did not start; stopping the test domains."
    [[ -f "$STATE_DIR/postgresql.properties.tmp" ]] && mv "$STATE_DIR/postgresql.properties.tmp" "$STATE_DIR/postgresql.properties"
    cmd_stop
    exit 1
  fi
  mail_session "$H2_PORTBASE"
  if [[ -n "$pg_db" ]]; then mail_session "$PG_PORTBASE"; fi
  echo "domain=$H2_DOMAIN" >"$STATE_DIR/h2.properties"
  [[ -f "$STATE_DIR/postgresql.properties.tmp" ]] && mv "$STATE_DIR/postgresql.properties.tmp" "$STATE_DIR/postgresql.properties"
  log "Test domains up after $((SECONDS - started)) s: h2 on http://localhost:$((H2_PORTBASE + 80))${pg_db:+, postgresql on http://localhost:$((PG_PORTBASE + 80)) (database $pg_db)}"
}

cmd_stop() {
  local h2_pid pg_pid
  server h2 "$H2_DOMAIN" "$H2_PORTBASE" stop &
  h2_pid=$!
  server postgresql "$PG_DOMAIN" "$PG_PORTBASE" stop &
  pg_pid=$!
  wait "$h2_pid" || true
  wait "$pg_pid" || true
  # The second system TwoSystemsTransferIT starts (and deletes) itself; here in case a run was interrupted.
  if [[ -d "$PAYARA_HOME/glassfish/domains/$PEER_DOMAIN" ]]; then
    server h2 "$PEER_DOMAIN" "$PEER_PORTBASE" delete-domain || true
  fi
  local db
  if [[ -f "$STATE_DIR/postgresql.properties" ]]; then
    db=$(sed -n 's/^database=//p' "$STATE_DIR/postgresql.properties")
    if [[ -n "$db" ]]; then
      drop_database "$db"
      log "Dropped PostgreSQL database $db"
    fi
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac
