"""Summarises a JFR recording of the instance under scripts/bench (issue 9): where the request threads spend CPU.

    BENCH_JVM_OPTS="-Xmx1g -XX:+UseG1GC -XX:StartFlightRecording=filename=/tmp/jfr/,settings=profile" scripts/bench
    python3 bench/profile.py /tmp/jfr/<the instance's recording>.jfr

Reads `jfr print --json` of the execution and allocation samples of the server's threads (Tomcat's
`http-nio-*-exec-*` and the provider calls' `provider-call-*`, the JDK HTTP client's `HttpClient-*`) and prints: the share of samples by library
(the first frame, from the top of the stack, in a package listed below, else "other"), the hottest methods
(self time: the top frame), the share of samples with a frame of the instance's own code anywhere on the stack,
and the allocation weight by top frame. Shares only: the recording's absolute times depend on the machine.
"""
import collections
import json
import subprocess
import sys

LIBRARIES = [
    ("org.h2.", "H2"), ("org.springframework.session.", "Spring Session"), ("com.zaxxer.hikari.", "HikariCP"),
    ("org.springframework.jdbc.", "Spring JDBC"), ("org.springframework.security.", "Spring Security"),
    ("com.nimbusds.", "Nimbus (JWT)"), ("org.thymeleaf.", "Thymeleaf"), ("io.micrometer.", "Micrometer"),
    ("tools.jackson.", "Jackson"), ("com.fasterxml.jackson.", "Jackson"), ("org.flywaydb.", "Flyway"),
    ("io.imsconnect.", "IMS Connect"), ("jdk.internal.net.http.", "JDK HTTP client"),
    ("java.net.http.", "JDK HTTP client"), ("sun.nio.", "JDK NIO"), ("java.io.ObjectOutputStream", "Java serialization"),
    ("java.io.ObjectInputStream", "Java serialization"), ("org.apache.catalina.", "Tomcat"),
    ("org.apache.coyote.", "Tomcat"), ("org.apache.tomcat.", "Tomcat"), ("org.springframework.web.", "Spring MVC"),
    ("org.springframework.", "Spring (other)"), ("jdk.internal.loader.", "class loading"),
    ("java.lang.ClassLoader", "class loading"), ("sun.security.", "JDK security (crypto)"),
    ("java.security.", "JDK security (crypto)"), ("javax.crypto.", "JDK security (crypto)"),
    ("com.sun.crypto.", "JDK security (crypto)"), ("java.util.regex.", "regex"),
]
THREADS = ("http-nio-", "provider-call-", "HttpClient-")
SETUP = "BasicAuthenticationFilter"


def events(path, kind, depth):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", str(depth), "--events", kind, path], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def frames(event):
    stack = event["values"].get("stackTrace") or {}
    return [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".")
            for f in stack.get("frames", [])]


def thread(event):
    t = event["values"].get("sampledThread") or event["values"].get("eventThread") or {}
    return t.get("javaName") or ""


def library(stack):
    for frame in stack:
        for prefix, name in LIBRARIES:
            if frame.startswith(prefix):
                return name
    return "other"


def table(title, counter, total, limit):
    print(f"\n{title}\n")
    for name, n in counter.most_common(limit):
        print(f"  {100 * n / total:5.1f} %  {name}")


def main(path):
    samples = [e for e in events(path, "jdk.ExecutionSample", 100) if thread(e).startswith(THREADS)]
    stacks = [frames(e) for e in samples]
    setup = [s for s in stacks if any(SETUP in f for f in s)]
    stacks = [s for s in stacks if not any(SETUP in f for f in s)]
    total = max(len(stacks), 1)
    print(f"{len(stacks)} execution samples on the request threads, without the {len(setup)} of the benchmark's "
          f"setup (HTTP Basic password checks of its security-group creation)")
    table("By library (first frame from the top in a known package):", collections.Counter(map(library, stacks)),
          total, 25)
    table("Hottest methods (self):", collections.Counter(s[0] for s in stacks if s), total, 25)
    own = collections.Counter()
    for s in stacks:
        mine = [f for f in s if f.startswith("io.imsconnect.")]
        if mine:
            own[mine[0]] += 1
    print(f"\nSamples with the instance's own code on the stack: {100 * sum(own.values()) / total:.1f} %")
    table("Of them, by the innermost own method:", own, total, 15)
    # Allocation stacks are read 3 frames deep (the whole recording's would not fit in memory); the setup's
    # share is the password hashes' (BCrypt frames).
    allocations = [e for e in events(path, "jdk.ObjectAllocationSample", 3) if thread(e).startswith(THREADS)
                   and not any("BCrypt" in f for f in frames(e))]
    weights = collections.Counter()
    for e in allocations:
        s = frames(e)
        weights[library(s) + "  " + (s[0] if s else "?")] += e["values"].get("weight", 0)
    all_weight = max(sum(weights.values()), 1)
    print(f"\nAllocation on the request threads: {all_weight / 1048576:.0f} MB sampled weight")
    table("By library and top frame:", weights, all_weight, 15)


if __name__ == "__main__":
    main(sys.argv[1])
