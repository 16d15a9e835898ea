"""Where in the sign-in journey the instance's request threads spend CPU (issue 9): reads a JFR recording (from
bench/profile-saturation, or scripts/bench with a recording in BENCH_JVM_OPTS) and prints the share of Tomcat's
request-thread samples with a given frame on the stack, a sample counting for every frame it holds (lines overlap).

    python3 bench/profile-parts.py /tmp/jfr-out/ours.jfr

Samples of the benchmark's setup (HTTP Basic password checks) are left out. Shares only: absolute times depend on
the machine. A recording made with JFR's default stack depth (64) cuts the outer frames off deep stacks.
"""
import json
import subprocess
import sys

PARTS = [
    ("rendering the landing page", ["ThymeleafView.render"]),
    ("  of it, links through the resource chain", ["ResourceUrlProvider"]),
    ("  of it, the class path", ["ClassLoader.getResource"]),
    ("saving sessions", ["SessionRepositoryRequestWrapper.commitSession"]),
    ("reading sessions", ["JdbcIndexedSessionRepository.findById"]),
    ("deleting sessions", ["JdbcIndexedSessionRepository.deleteById"]),
    ("the start's redirect (authorization request)", ["sendRedirectForAuthorization"]),
    ("the account at start and callback", ["SignInAccounts", "AccountClientRegistrations"]),
    ("the sign-in's transaction", ["SignInService"]),
    ("the page's operator read", ["OperatorService.get"]),
    ("H2", ["org.h2."]),
    ("  of it, parsing statements", ["org.h2.command.Parser"]),
    ("  of it, commits written to the file", ["MVStore.commit"]),
    ("Java serialization", ["ObjectOutputStream", "ObjectInputStream"]),
]


def stacks(path):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    for event in json.loads(out)["recording"]["events"]:
        thread = (event["values"].get("sampledThread") or {}).get("javaName") or ""
        frames = [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".")
                  for f in (event["values"].get("stackTrace") or {}).get("frames", [])]
        if thread.startswith("http-nio-") and not any("BasicAuthenticationFilter" in f for f in frames):
            yield frames


def main(path):
    samples = list(stacks(path))
    total = max(len(samples), 1)
    print(f"{len(samples)} request-thread samples")
    for name, markers in PARTS:
        n = sum(1 for s in samples if any(m in f for f in s for m in markers))
        print(f"  {100 * n / total:5.1f} %  {name}")
    start_save = sum(1 for s in samples if any("commitSession" in f for f in s)
                     and any("sendRedirectForAuthorization" in f for f in s))
    print(f"  {100 * start_save / total:5.1f} %  the start's session save (committed by its redirect)")


if __name__ == "__main__":
    main(sys.argv[1])
