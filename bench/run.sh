#!/usr/bin/env bash
# Directory-sync benchmark, not part of the test suite. The sandbox generates USERS users (default 100,000) over
# 5 profiles; the server (heap capped at 512 MB, H2 file database) syncs them twice with pre-creation on: a first
# run that creates every operator and its MASK memberships, then a no-change run. Beside it, the floor: a raw
# JDBC batch insert of the same operator and membership rows into an empty H2 file database (bench/Floor.java).
# Prints users/s for each and the ratios. Needs the jars built: mvn -B -DskipTests package. SERVER_OPTS adds JVM
# options to the server (a JFR recording: SERVER_OPTS=-XX:StartFlightRecording=filename=sync.jfr,settings=profile).
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS:-100000}
PROFILES=5
PORT=${PORT:-18080}
version=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' pom.xml | head -1)
work=$(mktemp -d)
h2=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | sort -V | tail -1)
org=B3C4D5E6F7A8B9C0D1E2F3A4@AdobeOrg

java -Xmx2g -jar "sandbox/target/imsconnect-sandbox-${version}-exec.jar" --server.port=0 \
    --sandbox.port-file="$work/sandbox.port" --sandbox.umapi.requests-per-minute=0 \
    --sandbox.generate.users="$USERS" --sandbox.generate.profiles=$PROFILES > "$work/sandbox.log" 2>&1 &
sandbox=$!
java -Xmx512m ${SERVER_OPTS:-} -jar "server/target/imsconnect-server-${version}.jar" --server.port="$PORT" \
    --imsconnect.data-dir="$work/data" --imsconnect.admin.password=bench-admin \
    --imsconnect.security.allow-insecure-loopback=true \
    --imsconnect.sync.schedule-check=24h > "$work/server.log" 2>&1 &
server=$!
trap 'kill $sandbox $server 2>/dev/null || true' EXIT
until [ -s "$work/sandbox.port" ]; do sleep 0.5; done
sandbox_url="http://localhost:$(cat "$work/sandbox.port")"
api() { curl -sf -u admin:bench-admin -H 'Content-Type: application/json' "$@"; }
until api "http://localhost:$PORT/api/v1/version" > /dev/null 2>&1; do sleep 0.5; done

api -X POST "http://localhost:$PORT/api/v1/packages/ims/install" > /dev/null
for j in $(seq 0 $((PROFILES - 1))); do
    api -X POST -d "{\"internalName\":\"group$j\",\"label\":\"Bench $j\",\"rights\":[\"delivery\"]}" \
        "http://localhost:$PORT/api/v1/security-groups" > /dev/null
done
api -X PUT -d "{\"label\":\"Bench\",\"type\":\"adobe-ims\",\"enabled\":true,\"imsServer\":\"$sandbox_url\",
  \"imsClientId\":\"imsconnect-demo\",\"imsClientSecret\":\"demo-secret\",\"callbackServer\":\"http://localhost:$PORT\",
  \"imsOrganizationId\":\"$org\",\"associationMask\":\"Campaign - bench - (.*)\",\"directoryServer\":\"$sandbox_url\",
  \"directoryClientId\":\"imsconnect-directory\",\"directoryClientSecret\":\"directory-secret\",
  \"syncPreCreate\":true}" \
  "http://localhost:$PORT/api/v1/external-accounts/bench" > /dev/null

run() {
    local id state
    id=$(api -X POST -d '{}' "http://localhost:$PORT/api/v1/external-accounts/bench/directory-sync" \
        | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
    while :; do
        state=$(api "http://localhost:$PORT/api/v1/directory-sync/runs/$id")
        # Timed by the run's own startedAt and endedAt; a slow poll keeps the Basic sign-in's bcrypt off the CPU.
        case "$state" in *'"state":"RUNNING"'*) sleep 3 ;; *) break ;; esac
    done
    echo "$state"
}
seconds() { # startedAt and endedAt of a run's JSON
    python3 -c 'import json,sys,datetime as d; r=json.loads(sys.argv[1]); p=lambda s: d.datetime.fromisoformat(s.replace("Z","+00:00")); print((p(r["endedAt"])-p(r["startedAt"])).total_seconds())' "$1"
}
first=$(run); first_s=$(seconds "$first")
second=$(run); second_s=$(seconds "$second")
floor=$(java -cp "$h2" bench/Floor.java "jdbc:h2:file:$work/floor/db;MODE=PostgreSQL" "$USERS" $PROFILES)
floor_ups=$(echo "$floor" | sed -n 's/.*= \([0-9]*\) users\/s/\1/p')
echo "first run:     $(echo "$first" | sed -n 's/.*"state":"\([A-Z_]*\)".*"usersRead":\([0-9]*\).*"appliedChanges":\([0-9]*\).*/\1, \2 users read, \3 changes applied/p') in ${first_s} s = $(python3 -c "print(round($USERS/$first_s))") users/s"
echo "no-change run: $(echo "$second" | sed -n 's/.*"state":"\([A-Z_]*\)".*"plannedChanges":\([0-9]*\).*/\1, \2 changes planned/p') in ${second_s} s = $(python3 -c "print(round($USERS/$second_s))") users/s"
echo "$floor"
echo "first run / floor: $(python3 -c "print(round($first_s / ($USERS/$floor_ups), 1))")× the floor's time"
echo "server heap: -Xmx512m; logs in $work"
