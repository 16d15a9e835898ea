# Shared by the sign-in benchmarks (scripts/bench, bench/signin-ab, bench/profile-saturation): sourced from the
# repository's root, after `pids=()`. Starting the sandbox IMS, the instance's account and groups, waiting for a
# process, and its CPU by thread.

BENCH_ORG=B3C4D5E6F7A8B9C0D1E2F3A4@AdobeOrg
BENCH_ADMIN_PASSWORD=bench-admin
version=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' pom.xml | head -1)

wait_for() { # url, pid, log
    for _ in $(seq 1 1200); do
        curl -fs -o /dev/null "$1" && return 0
        kill -0 "$2" 2>/dev/null || { echo "exited before it was ready: see $3" >&2; exit 1; }
        sleep 0.05
    done
    echo "not ready after 60 s: see $3" >&2; exit 1
}

start_sandbox() { # port, users, log, JVM options: the sandbox IMS with a generated org over 50 profiles, ready
    java $4 -jar "sandbox/target/imsconnect-sandbox-${version}-exec.jar" --server.port="$1" \
        --sandbox.generate.users="$2" --sandbox.generate.profiles=50 > "$3" 2>&1 &
    pids+=($!)
    wait_for "http://localhost:$1/ims/.well-known/openid-configuration" "${pids[-1]}" "$3"
}

accounts_file() { # file, instance port, sandbox port: the instance's external account "bench" on the sandbox
    cat > "$1" <<YAML
accounts:
  - internalName: bench
    label: Adobe ID (bench)
    type: adobe-ims
    enabled: true
    imsServer: http://localhost:$3
    imsClientId: imsconnect-demo
    imsClientSecret: demo-secret
    callbackServer: http://localhost:$2
    imsOrganizationId: $BENCH_ORG
    associationMask: Campaign - bench - (.*)
YAML
}

create_groups() { # instance port: group0..group49, the groups the mask maps the generated profiles onto
    for j in $(seq 0 49); do
        curl -fs -o /dev/null -u admin:$BENCH_ADMIN_PASSWORD -H 'Content-Type: application/json' \
            -d "{\"internalName\":\"group$j\",\"label\":\"Bench group $j\",\"rights\":[]}" \
            "http://localhost:$1/api/v1/security-groups"
    done
}

# The CPU a process has used so far (user + system, all its threads), in ms: unlike the wall time it does not grow
# when other work shares the machine's cores (Linux /proc; "-" elsewhere).
cpu_millis() { # pid
    awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$1/stat" 2>/dev/null || echo -
}

threads() { # pid: "ticks kind" for each kind of the process's threads (its name without the number)
    for t in /proc/$1/task/*; do echo "$(sed 's/[-#]*[0-9]*$//' $t/comm) $(awk '{ print $14 + $15 }' $t/stat)"; done \
        | awk '{ n = $NF; $NF = ""; cpu[$0] += n } END { for (k in cpu) print cpu[k], k }'
}
