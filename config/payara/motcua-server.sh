#!/usr/bin/env bash
# motcua-server.sh: run the motcua EAR on a local Payara Server 6 domain.
#
# Usage: config/payara/motcua-server.sh <command>
#
#   run           Foreground: unpack Payara if needed, create the domain if missing, (re)start it,
#                 deploy the EAR, print the URLs, follow the server log. Ctrl-C (or TERM) stops
#                 the domain cleanly. This is what `./mvnw -Prun package` runs.
#   start         Background: as run, but returns once the application answers.
#   start-domain  Start (or restart) the domain without deploying anything (integration tests).
#   deploy        Deploy (or redeploy) the EAR on the running domain and wait until it answers.
#   stop          Stop the domain (also a stray server process left from an earlier run).
#   status        Say whether the domain is running, and where.
#   delete-domain Stop and delete the domain (its embedded H2 data goes with it).
#   prepare       Only unpack the Payara distribution (if needed).
#   portal-sim start|stop|status
#                 The domain's simulator of the national portal (config/portal-sim.sh, on MOTCUA_PORTBASE + 90).
#
# Settings (environment variables):
#   MOTCUA_DB          h2 (default: the server's embedded H2) | postgresql
#   MOTCUA_DB_HOST, MOTCUA_DB_PORT, MOTCUA_DB_NAME, MOTCUA_DB_USER, MOTCUA_DB_PASSWORD
#                      PostgreSQL connection (defaults 127.0.0.1, 5432, motcua, postgres, empty)
#   MOTCUA_DOMAIN      domain name (default motcua)
#   MOTCUA_PORTBASE    asadmin --portbase (admin = base+48, HTTP = base+80); default: standard
#                      ports (HTTP 8080, admin 4848)
#   PAYARA_HOME        Payara installation (default ear/target/payara6, unpacked on demand from
#                      fish.payara.distributions:payara:<payara.version>:zip, obtained through Maven)
#   MOTCUA_EAR         EAR to deploy (default ear/target/motcua.ear)
#   MOTCUA_GATE_WAR    maintenance gate deployed at context root "/" after every start, when not there yet (default
#                      src/gate/target/motcua-gate.war; skipped with a warning when missing): while the EAR is not
#                      deployed (restart, redeployment, start-up) it answers /motcua/... 503 with Retry-After (README)
#   MOTCUA_JVM_OPTIONS extra JVM options, space separated, written into the domain when it is
#                      created (tests use -Duser.timezone=UTC)
#   MOTCUA_FRESH_DOMAIN=true   start from a brand-new domain (tests); default false
#   MOTCUA_START_TIMEOUT       seconds to wait for the application (default 300)
#   MOTCUA_AUTH_TOKEN_KEY_FILE signing key of the API's bearer tokens (default: motcua-token-key.pem in the
#                      domain's config directory, created by the application on first use, because this script
#                      also sets MOTCUA_AUTH_TOKEN_GENERATE_KEY=true; never on production)
#   MOTCUA_INTERAGENCY_ALLOW_HTTP_HOSTS, MOTCUA_INTERAGENCY_ALLOW_LOOPBACK  partners this server may call over
#                      plain http / at loopback addresses; default here localhost,127.0.0.1 and true (two systems on
#                      one machine); never on production (docs/configuration.md)
#   MOTCUA_SAMPLE_DATA         `run` and `start` default it to true: the application then creates a few
#                      demonstration dossiers on an empty database (MicroProfile Config key
#                      motcua.sample-data, read from the server's environment) and the demonstration
#                      accounts of README. Never on production.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)

MOTCUA_DB=${MOTCUA_DB:-h2}
MOTCUA_DOMAIN=${MOTCUA_DOMAIN:-motcua}
MOTCUA_PORTBASE=${MOTCUA_PORTBASE:-}
PAYARA_HOME=${PAYARA_HOME:-$ROOT/ear/target/payara6}
MOTCUA_DIST_DIR=${MOTCUA_DIST_DIR:-$(dirname "$PAYARA_HOME")/payara-dist}
MOTCUA_EAR=${MOTCUA_EAR:-$ROOT/ear/target/motcua.ear}
MOTCUA_GATE_WAR=${MOTCUA_GATE_WAR:-$ROOT/src/gate/target/motcua-gate.war}
GATE_NAME=motcua-gate
MOTCUA_JVM_OPTIONS=${MOTCUA_JVM_OPTIONS:-}
MOTCUA_FRESH_DOMAIN=${MOTCUA_FRESH_DOMAIN:-false}
MOTCUA_START_TIMEOUT=${MOTCUA_START_TIMEOUT:-300}
APP_NAME=motcua

ASADMIN="$PAYARA_HOME/bin/asadmin"
DOMAINS_DIR="$PAYARA_HOME/glassfish/domains"
DOMAIN_DIR="$DOMAINS_DIR/$MOTCUA_DOMAIN"
PRISTINE_DIR="$PAYARA_HOME/motcua-pristine-domains"

if [[ -n "$MOTCUA_PORTBASE" ]]; then
  ADMIN_PORT=$((MOTCUA_PORTBASE + 48))
  HTTP_PORT=$((MOTCUA_PORTBASE + 80))
else
  ADMIN_PORT=4848
  HTTP_PORT=8080
fi
BASE_URL="http://localhost:$HTTP_PORT"

log() { printf '[motcua-server] %s\n' "$*"; }
die() { printf '[motcua-server] ERROR: %s\n' "$*" >&2; exit 1; }

# asadmin talking to this domain; never reads stdin (CI has none).
adm() { "$ASADMIN" --port "$ADMIN_PORT" "$@" </dev/null; }

pom_property() { # $1 = property name in the root pom
  sed -n "s:.*<$1>\\(.*\\)</$1>.*:\\1:p" "$ROOT/pom.xml" | head -n 1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

http_status() { curl -s -o /dev/null -m 10 -w '%{http_code}' "$1" 2>/dev/null || true; }

# --- Payara distribution -----------------------------------------------------------------------

# Prints the path of a Maven artifact, fetching it through Maven (dependency:copy) when it is
# neither in the dist directory nor in the local repository.  $1=groupId $2=artifactId $3=version $4=type
maven_artifact() {
  local g=$1 a=$2 v=$3 t=$4 file="$2-$3.$4"
  if [[ -f "$MOTCUA_DIST_DIR/$file" ]]; then echo "$MOTCUA_DIST_DIR/$file"; return; fi
  local repo=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}
  local cached="$repo/${g//.//}/$a/$v/$file"
  if [[ -f "$cached" ]]; then echo "$cached"; return; fi
  log "Fetching $g:$a:$v:$t through Maven ..." >&2
  mkdir -p "$MOTCUA_DIST_DIR"
  "$ROOT/mvnw" -B -q -N -f "$ROOT/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    "-Dartifact=$g:$a:$v:$t" "-DoutputDirectory=$MOTCUA_DIST_DIR" </dev/null >&2 \
    || die "Maven could not fetch $g:$a:$v:$t"
  echo "$MOTCUA_DIST_DIR/$file"
}

ensure_payara() {
  [[ -x "$ASADMIN" ]] && return
  local version zip tmp
  version=${PAYARA_VERSION:-$(pom_property payara.version)}
  [[ -n "$version" ]] || die "cannot read payara.version from $ROOT/pom.xml"
  zip=$(maven_artifact fish.payara.distributions payara "$version" zip)
  log "Unpacking Payara Server $version into $PAYARA_HOME ..."
  tmp="$PAYARA_HOME.unpack.$$"
  rm -rf "$tmp" && mkdir -p "$tmp"
  if command -v unzip >/dev/null; then
    unzip -q "$zip" -d "$tmp"
  else # the JDK's jar tool does not keep the execute bits
    (cd "$tmp" && jar xf "$zip")
    find "$tmp" -path '*/bin/*' -type f -exec chmod +x {} +
  fi
  [[ -x "$tmp/payara6/bin/asadmin" ]] || die "unexpected content in $zip"
  rm -rf "$PAYARA_HOME"
  mv "$tmp/payara6" "$PAYARA_HOME"
  rm -rf "$tmp"
}

# --- Domain ------------------------------------------------------------------------------------

domain_running() {
  [[ -d "$DOMAIN_DIR" ]] || return 1
  "$ASADMIN" list-domains </dev/null 2>/dev/null | grep -Eq "^$MOTCUA_DOMAIN running"
}

# PIDs of server JVMs whose instance root is this domain (they survive `mvn clean`).
stray_pids() {
  command -v pgrep >/dev/null || return 0
  local re
  re=$(printf '%s' "$DOMAIN_DIR" | sed 's/[][\.*^$+?(){}|]/\\&/g')
  pgrep -f -- "-Dcom\\.sun\\.aas\\.instanceRoot=$re( |\$)" || true
}

# The simulator of the National Public Service Portal (issue 15 §3, config/portal-sim.sh): one per domain, on
# MOTCUA_PORTBASE + 90 (8090 by default), its data in the domain, started before the domain and stopped with it. The
# application then synchronises every dossier with it. Not with MOTCUA_PORTAL_SIM=false, nor when
# MOTCUA_PORTAL_BASE_URL names a real portal (then also set MOTCUA_PORTAL_USERNAME and MOTCUA_PORTAL_PASSWORD).
PORTAL_SIM_PORT=${MOTCUA_PORTAL_SIM_PORT:-$(( ${MOTCUA_PORTBASE:-8000} + 90 ))}
portal_sim() {
  PORTAL_SIM_PORT=$PORTAL_SIM_PORT PORTAL_SIM_DATA="$DOMAIN_DIR/portal-sim-data" "$ROOT/config/portal-sim.sh" "$@"
}
start_portal_sim() {
  if [[ "${MOTCUA_PORTAL_SIM:-true}" == false || -n "${MOTCUA_PORTAL_BASE_URL:-}" ]]; then
    return 0
  fi
  portal_sim start || { log "WARNING: the portal simulator did not start; dossiers are kept for synchronisation"; return 0; }
  export MOTCUA_PORTAL_BASE_URL="http://localhost:$PORTAL_SIM_PORT"
  export MOTCUA_PORTAL_USERNAME=motcua
  export MOTCUA_PORTAL_PASSWORD=motcua-portal-dev
  # A stopped simulator is a demonstration: retry at least every 30 s (a real portal's default is 15 minutes).
  export MOTCUA_PORTAL_RETRY_MAX_DELAY=${MOTCUA_PORTAL_RETRY_MAX_DELAY:-PT30S}
}

stop_domain() {
  if [[ -d "$DOMAIN_DIR/portal-sim-data" ]]; then
    portal_sim stop || true
  fi
  if domain_running; then
    log "Stopping domain $MOTCUA_DOMAIN ..."
    "$ASADMIN" stop-domain "$MOTCUA_DOMAIN" </dev/null >/dev/null \
      || "$ASADMIN" stop-domain --kill=true "$MOTCUA_DOMAIN" </dev/null >/dev/null || true
  fi
  local pids
  pids=$(stray_pids)
  if [[ -n "$pids" ]]; then
    log "Stopping a stray server process of domain $MOTCUA_DOMAIN (pid $(echo $pids)) ..."
    kill $pids 2>/dev/null || true
    for _ in $(seq 1 60); do
      [[ -z "$(stray_pids)" ]] && break
      sleep 0.5
    done
    pids=$(stray_pids)
    [[ -z "$pids" ]] || kill -9 $pids 2>/dev/null || true
  fi
}

# Always in a new domain: no product name and version on the container's own error pages (issue 16; the post-boot
# files also turn off the Server and X-Powered-By headers).
DOMAIN_JVM_OPTIONS="-Dproduct.name="

pristine_key() { echo "portbase=${MOTCUA_PORTBASE:-default} jvm=$DOMAIN_JVM_OPTIONS $MOTCUA_JVM_OPTIONS admin-xpowered-by=false listeners-xpowered-by=false"; }

# Creates a never-started copy of the domain once (create-domain takes about 15 s), then copies it.
create_domain() {
  local src="$PRISTINE_DIR/$MOTCUA_DOMAIN"
  if [[ ! -f "$src/motcua-pristine.key" || "$(cat "$src/motcua-pristine.key")" != "$(pristine_key)" ]]; then
    rm -rf "$src"
    mkdir -p "$PRISTINE_DIR"
    log "Creating domain $MOTCUA_DOMAIN (${MOTCUA_PORTBASE:+port base $MOTCUA_PORTBASE, }admin port $ADMIN_PORT, HTTP port $HTTP_PORT) ..."
    local args=(create-domain --nopassword --checkports=false --domaindir "$PRISTINE_DIR")
    [[ -n "$MOTCUA_PORTBASE" ]] && args+=(--portbase "$MOTCUA_PORTBASE")
    "$ASADMIN" "${args[@]}" "$MOTCUA_DOMAIN" </dev/null >"$PRISTINE_DIR/$MOTCUA_DOMAIN.create.log" 2>&1 \
      || { cat "$PRISTINE_DIR/$MOTCUA_DOMAIN.create.log" >&2; die "create-domain failed"; }
    local opt
    for opt in $DOMAIN_JVM_OPTIONS $MOTCUA_JVM_OPTIONS; do
      # A heap limit replaces the domain's default one (-Xmx512m) rather than standing beside it.
      [[ "$opt" == -Xmx* ]] && sed -i '/<jvm-options>-Xmx[^<]*<\/jvm-options>/d' "$src/config/domain.xml"
      # Add the option to the server's own configuration (the first java-config, server-config).
      sed -i "0,/<java-config /{/<java-config /a\\
        <jvm-options>$opt</jvm-options>
}" "$src/config/domain.xml"
      grep -qF "<jvm-options>$opt</jvm-options>" "$src/config/domain.xml" || die "could not add JVM option $opt"
    done
    # The admin listener's HTTP codec reads xpowered-by when the listener is built at start-up, so the post-boot
    # files' `set` (which persists it) would only act from the second start: write it before the first (issue 16).
    sed -i '0,/<protocol name="admin-listener">/{/<protocol name="admin-listener">/{n;s/<http /<http xpowered-by="false" server-header="false" /}}' \
      "$src/config/domain.xml"
    grep -q '<http xpowered-by="false" server-header="false" default-virtual-server="__asadmin"' "$src/config/domain.xml" \
      || die "could not turn off X-Powered-By on the admin listener"
    # The same for the application's listeners: the post-boot `set` then finds the values already in place instead of
    # reconfiguring a listener that is starting (once seen leaving http-listener-1 closed on a loaded machine).
    sed -i '0,/<protocol name="http-listener-1">/{/<protocol name="http-listener-1">/{n;s/<http /<http xpowered-by="false" server-header="false" /}}' \
      "$src/config/domain.xml"
    sed -i '0,/<protocol security-enabled="true" name="http-listener-2">/{/<protocol security-enabled="true" name="http-listener-2">/{n;s/<http /<http xpowered-by="false" server-header="false" /}}' \
      "$src/config/domain.xml"
    [[ $(grep -c '<http xpowered-by="false" server-header="false" default-virtual-server="server"' "$src/config/domain.xml") -ge 2 ]] \
      || die "could not turn off X-Powered-By on the HTTP listeners"
    pristine_key >"$src/motcua-pristine.key"
  fi
  mkdir -p "$DOMAINS_DIR"
  cp -a "$src" "$DOMAIN_DIR"
  rm -f "$DOMAIN_DIR/motcua-pristine.key"
}

ensure_domain() {
  if [[ "$MOTCUA_FRESH_DOMAIN" == true && -d "$DOMAIN_DIR" ]]; then
    stop_domain
    log "Removing the old domain $MOTCUA_DOMAIN (fresh domain requested)"
    rm -rf "$DOMAIN_DIR"
  fi
  [[ -d "$DOMAIN_DIR" ]] || create_domain
}

configure_database() {
  case "$MOTCUA_DB" in
    h2)
      POSTBOOT="$SCRIPT_DIR/post-boot-h2.asadmin"
      DB_DESCRIPTION="embedded H2 (H2Pool, files in $DOMAIN_DIR/lib/databases)"
      ;;
    postgresql)
      POSTBOOT="$SCRIPT_DIR/post-boot-postgresql.asadmin"
      export MOTCUA_DB_HOST=${MOTCUA_DB_HOST:-127.0.0.1}
      export MOTCUA_DB_PORT=${MOTCUA_DB_PORT:-5432}
      export MOTCUA_DB_NAME=${MOTCUA_DB_NAME:-motcua}
      export MOTCUA_DB_USER=${MOTCUA_DB_USER:-postgres}
      export MOTCUA_DB_PASSWORD=${MOTCUA_DB_PASSWORD:-}
      DB_DESCRIPTION="PostgreSQL $MOTCUA_DB_USER@$MOTCUA_DB_HOST:$MOTCUA_DB_PORT/$MOTCUA_DB_NAME (pool MotcuaPgPool)"
      check_postgresql
      # asadmin rejects an empty property value. PostgreSQL never accepts an empty password, so an
      # empty one only occurs with trust authentication, where any value is ignored.
      [[ -n "$MOTCUA_DB_PASSWORD" ]] || export MOTCUA_DB_PASSWORD='()'
      install_jdbc_driver
      ;;
    *) die "MOTCUA_DB must be h2 or postgresql (got '$MOTCUA_DB')" ;;
  esac
}

check_postgresql() {
  command -v psql >/dev/null || { log "psql not found: not checking the PostgreSQL database before start"; return; }
  local conn=(-h "$MOTCUA_DB_HOST" -p "$MOTCUA_DB_PORT" -U "$MOTCUA_DB_USER" -w)
  local err
  if ! err=$(PGPASSWORD=$MOTCUA_DB_PASSWORD PGCONNECT_TIMEOUT=5 psql "${conn[@]}" -d postgres -Atc 'select 1' 2>&1 </dev/null); then
    die "cannot connect to PostgreSQL at $MOTCUA_DB_HOST:$MOTCUA_DB_PORT as $MOTCUA_DB_USER: $err"
  fi
  if [[ "$(PGPASSWORD=$MOTCUA_DB_PASSWORD psql "${conn[@]}" -d postgres -Atc \
        "select 1 from pg_database where datname = '$MOTCUA_DB_NAME'" </dev/null)" != 1 ]]; then
    log "Creating PostgreSQL database $MOTCUA_DB_NAME"
    PGPASSWORD=$MOTCUA_DB_PASSWORD psql "${conn[@]}" -d postgres -qc "create database \"$MOTCUA_DB_NAME\"" </dev/null \
      || die "could not create database $MOTCUA_DB_NAME"
  fi
}

install_jdbc_driver() {
  local version jar
  version=$(pom_property postgresql.version)
  [[ -n "$version" ]] || die "cannot read postgresql.version from $ROOT/pom.xml"
  if [[ ! -f "$DOMAIN_DIR/lib/postgresql-$version.jar" ]]; then
    jar=$(maven_artifact org.postgresql postgresql "$version" jar)
    rm -f "$DOMAIN_DIR"/lib/postgresql-*.jar
    cp "$jar" "$DOMAIN_DIR/lib/"
    log "Installed PostgreSQL JDBC driver $version into $DOMAIN_DIR/lib"
  fi
}

start_domain() {
  ensure_payara
  if domain_running; then
    log "Domain $MOTCUA_DOMAIN is already running (left over from an earlier run?); restarting it so the current settings apply."
  fi
  stop_domain
  local p
  for p in "$ADMIN_PORT" "$HTTP_PORT"; do
    if port_open "$p"; then
      die "port $p is in use by another program (another Payara domain?). Stop it, or choose other ports with MOTCUA_PORTBASE=<n>."
    fi
  done
  ensure_domain
  configure_database
  # The script (re)deploys the EAR after every start. Keep the server from loading the copy deployed
  # earlier at start-up: that load would race with the redeployment ("Cannot create scratch directory").
  # The same for the maintenance gate, deployed again right after the start (deploy_gate): with an application loaded
  # at boot, a domain restarted right after its server was killed failed to bind its JMS port (TwoSystemsTransferIT).
  sed -i "/<application-ref ref=\"\($APP_NAME\|$GATE_NAME\)\"/d" "$DOMAIN_DIR/config/domain.xml"
  # Bearer tokens of the API (issue 12 §1): this development script lets the application create a signing key in
  # the domain's config directory on first use (never in the repository). A production server names its own key
  # file instead (README, docs/configuration.md).
  export MOTCUA_AUTH_TOKEN_KEY_FILE=${MOTCUA_AUTH_TOKEN_KEY_FILE:-$DOMAIN_DIR/config/motcua-token-key.pem}
  export MOTCUA_AUTH_TOKEN_GENERATE_KEY=${MOTCUA_AUTH_TOKEN_GENERATE_KEY:-true}
  # Two systems on one machine (docs/interagency.md) call each other at http://localhost: this development script
  # allows partners at plain-http loopback addresses. A production server sets neither (https partners only;
  # PartnerPolicy, docs/configuration.md; security issue 16). Set them empty to try the production policy.
  export MOTCUA_INTERAGENCY_ALLOW_HTTP_HOSTS=${MOTCUA_INTERAGENCY_ALLOW_HTTP_HOSTS-localhost,127.0.0.1}
  export MOTCUA_INTERAGENCY_ALLOW_LOOPBACK=${MOTCUA_INTERAGENCY_ALLOW_LOOPBACK-true}
  # The address citizens are sent to in e-mails and SMS (the background sender has no request to take it from).
  export MOTCUA_PUBLIC_BASE_URL=${MOTCUA_PUBLIC_BASE_URL-http://localhost:$HTTP_PORT/motcua}
  start_portal_sim
  log "Starting domain $MOTCUA_DOMAIN on $MOTCUA_DB: $DB_DESCRIPTION"
  # A new server.log per start (the last one is kept as server.log.previous); wait_for_post_boot reads it.
  mkdir -p "$DOMAIN_DIR/logs"
  [[ -s "$DOMAIN_DIR/logs/server.log" ]] && mv -f "$DOMAIN_DIR/logs/server.log" "$DOMAIN_DIR/logs/server.log.previous"
  : >"$DOMAIN_DIR/logs/server.log"
  # setsid: the server gets its own session, so a Ctrl-C in the terminal reaches only this script,
  # which then stops the domain cleanly.
  if ! setsid -w "$ASADMIN" start-domain --postbootcommandfile "$POSTBOOT" "$MOTCUA_DOMAIN" </dev/null \
      >"$DOMAIN_DIR/logs/start-domain.out" 2>&1; then
    cat "$DOMAIN_DIR/logs/start-domain.out" >&2
    die "start-domain failed; see $DOMAIN_DIR/logs/server.log"
  fi
  wait_for_post_boot
  deploy_gate
  log "Domain $MOTCUA_DOMAIN started (admin port $ADMIN_PORT, HTTP port $HTTP_PORT)."
}

# The maintenance gate (issue 16, src/gate): a WAR of its own at context root "/", never inside the EAR. Payara
# hands a request to the web module with the longest matching context root, so /motcua/... reaches the gate only
# while the EAR is not deployed; it then answers 503 with Retry-After instead of 404. Deployed after every start of
# this script (start_domain keeps the server from loading it at boot), a few seconds before the EAR; a production
# server deploys it once and loads it at boot (README).
deploy_gate() {
  local domain_xml="$DOMAIN_DIR/config/domain.xml"
  if [[ ! -f "$MOTCUA_GATE_WAR" ]]; then
    log "WARNING: $MOTCUA_GATE_WAR not found (build it: ./mvnw package -DskipTests); while the application is not deployed, /motcua answers 404 instead of 503."
    return 0
  fi
  if grep -q "<application [^>]*name=\"$GATE_NAME\"" "$domain_xml"; then
    adm undeploy --target domain "$GATE_NAME" >/dev/null 2>&1 || true # registered, not loaded (see start_domain)
  fi
  local out
  if ! out=$(adm deploy --force=true --name "$GATE_NAME" --contextroot / "$MOTCUA_GATE_WAR" 2>&1); then
    printf '%s\n' "$out" >&2
    log "WARNING: the maintenance gate could not be deployed; while the application is not deployed, /motcua answers 404."
    return 0
  fi
  log "Maintenance gate deployed at / (503 with Retry-After for /motcua/... while the application is not deployed)."
}

# start-domain returns while the server may still be running the post-boot commands. A deployment
# started meanwhile can deadlock with them (seen: set-batch-runtime-configuration against deploy, both
# waiting in hk2 config Transactions). So wait until each command has logged its result.
wait_for_post_boot() {
  local expected done_count deadline=$((SECONDS + 180)) server_log="$DOMAIN_DIR/logs/server.log"
  expected=$(grep -Evc '^[[:space:]]*(#|$)' "$POSTBOOT" || true)
  while :; do
    done_count=$(grep -Ec 'Boot Command [^ ]+ (returned with result|failed)' "$server_log" 2>/dev/null || true)
    ((done_count >= expected)) && break
    if ((SECONDS >= deadline)); then
      log "WARNING: only $done_count of $expected post-boot commands reported a result after 180 s; continuing."
      return 0
    fi
    sleep 0.5
  done
  # "delete-..." of something that is not there yet is expected; any other failure is worth a look.
  local failed
  failed=$(grep -Eo 'Boot Command [^ ]+ failed.*' "$server_log" | grep -v 'Boot Command delete-' || true)
  [[ -z "$failed" ]] || log "WARNING: post-boot command failed (see $server_log): $failed"
}

wait_for_app() {
  local deadline=$((SECONDS + MOTCUA_START_TIMEOUT)) code
  log "Waiting for the application ($BASE_URL/openapi) ..."
  while :; do
    code=$(http_status "$BASE_URL/openapi")
    [[ "$code" == 200 ]] && break
    ((SECONDS < deadline)) || die "the application did not answer within ${MOTCUA_START_TIMEOUT}s (last HTTP status of /openapi: $code); see $DOMAIN_DIR/logs/server.log"
    sleep 1
  done
  code=$(http_status "$BASE_URL/motcua/api/v1/agencies")
  if [[ "$code" == 200 ]]; then
    log "The application answers: /openapi and /motcua/api/v1/agencies return 200."
  else
    log "The application answers: /openapi returns 200 (/motcua/api/v1/agencies: HTTP $code, not there yet)."
  fi
}

deploy_app() {
  [[ -f "$MOTCUA_EAR" ]] || die "$MOTCUA_EAR not found; build it first: ./mvnw package -DskipTests"
  domain_running || die "domain $MOTCUA_DOMAIN is not running; start it with: $0 start"
  local out domain_xml="$DOMAIN_DIR/config/domain.xml"
  if grep -q "<application [^>]*name=\"$APP_NAME\"" "$domain_xml" \
      && ! grep -q "<application-ref ref=\"$APP_NAME\"" "$domain_xml"; then
    # Left from an earlier start (see start_domain): registered, but not loaded. Remove it first.
    adm undeploy --target domain "$APP_NAME" >/dev/null 2>&1 || true
  fi
  log "Deploying $MOTCUA_EAR as '$APP_NAME' (redeploys if already deployed) ..."
  if ! out=$(adm deploy --force=true --name "$APP_NAME" "$MOTCUA_EAR" 2>&1); then
    printf '%s\n' "$out" >&2
    die "deployment failed; see $DOMAIN_DIR/logs/server.log"
  fi
  wait_for_app
}

print_urls() {
  cat <<EOF

  motcua is running on Payara Server (domain $MOTCUA_DOMAIN, database: $MOTCUA_DB)
    Back office    $BASE_URL/motcua   (demo accounts: README, e.g. tiepnhan.vinhlinh / Motcua@2026)
    API base       $BASE_URL/motcua/api/v1
    OpenAPI        $BASE_URL/openapi
    Admin console  http://localhost:$ADMIN_PORT  (user admin, no password)
    Portal (sim.)  ${MOTCUA_PORTAL_BASE_URL:-not started}  (what the national portal received; README)
    Server log     $DOMAIN_DIR/logs/server.log

EOF
}

cmd_run() {
  local tail_pid="" stopping=false checks=0
  local parent=$PPID
  on_signal() {
    $stopping && return
    stopping=true
    # Finish stopping whatever happens to the terminal or to a pipe reading our output.
    set +e
    trap '' INT TERM HUP PIPE
    echo
    log "${1:-Interrupted}: stopping the domain ..."
    [[ -n "$tail_pid" ]] && kill "$tail_pid" 2>/dev/null || true
    stop_domain
    log "Domain $MOTCUA_DOMAIN stopped. Bye."
    exit 0
  }
  on_exit() {
    local rc=$?
    if [[ $rc -ne 0 ]] && ! $stopping; then
      stopping=true
      log "Start-up failed: stopping the domain (its log: $DOMAIN_DIR/logs/server.log) ..."
      stop_domain || true
    fi
  }
  trap on_signal INT TERM HUP
  trap on_exit EXIT
  export MOTCUA_SAMPLE_DATA=${MOTCUA_SAMPLE_DATA:-true}
  start_domain
  deploy_app
  print_urls
  log "Following the server log; press Ctrl-C to stop the server."
  tail -n 0 -F "$DOMAIN_DIR/logs/server.log" &
  tail_pid=$!
  # `wait` returns as soon as a trapped signal arrives; the trap then stops the domain. Also stop when
  # the parent ends without passing a signal on (Maven killed with TERM leaves this script running).
  while :; do
    if ! kill -0 "$tail_pid" 2>/dev/null; then # e.g. the log file was removed: follow it again
      tail -n 0 -F "$DOMAIN_DIR/logs/server.log" 2>/dev/null &
      tail_pid=$!
    fi
    if ! kill -0 "$parent" 2>/dev/null; then
      on_signal "The parent process (pid $parent) ended"
    fi
    # Stopped from elsewhere (`motcua-server.sh stop`): end too, every 10 s (checking costs a little).
    if (( ++checks % 10 == 0 )) && ! domain_running; then
      stopping=true
      [[ -n "$tail_pid" ]] && kill "$tail_pid" 2>/dev/null || true
      log "Domain $MOTCUA_DOMAIN was stopped from elsewhere. Bye."
      exit 0
    fi
    sleep 1 &
    wait $! || true
  done
}

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

cmd=${1:-}
case "$cmd" in
  run) cmd_run ;;
  start) export MOTCUA_SAMPLE_DATA=${MOTCUA_SAMPLE_DATA:-true}; start_domain; deploy_app; print_urls ;;
  start-domain) start_domain ;;
  portal-sim) portal_sim "${2:-status}" ;;
  prepare) ensure_payara ;;
  deploy) deploy_app ;;
  stop)
    if [[ -d "$DOMAIN_DIR" || -n "$(stray_pids)" ]]; then stop_domain; log "Domain $MOTCUA_DOMAIN is stopped."
    else log "No domain $MOTCUA_DOMAIN under $PAYARA_HOME: nothing to stop."; fi ;;
  status)
    if domain_running; then log "Domain $MOTCUA_DOMAIN is running: $BASE_URL (admin port $ADMIN_PORT)"
    else log "Domain $MOTCUA_DOMAIN is not running."; fi ;;
  delete-domain)
    stop_domain; rm -rf "$DOMAIN_DIR"; log "Domain $MOTCUA_DOMAIN deleted." ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
