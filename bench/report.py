"""Prints the sign-in benchmark's table from Gatling's stats.json files (scripts/bench passes them)."""
import json
import sys

floor_rate, ours_rate, ours_returning, floor_sat, ours_sat = sys.argv[1:6]
ready_ms, floor_ready_ms, heap_bytes, rows = sys.argv[6:10]


def request(path, name):
    contents = json.load(open(path))["contents"]
    for entry in contents.values():
        if entry["name"] == name:
            return entry["stats"]
    raise SystemExit(f"{path}: no request named {name}")


def figures(path):
    callback = request(path, "callback")
    journey = request(path, "sign out")
    ko = sum(e["stats"]["numberOfRequests"]["ko"] for e in json.load(open(path))["contents"].values())
    return {
        "p50": callback["percentiles1"]["total"], "p95": callback["percentiles3"]["total"],
        "p99": callback["percentiles4"]["total"], "rate": journey["meanNumberOfRequestsPerSecond"]["ok"],
        "done": journey["numberOfRequests"]["ok"], "ko": ko,
    }


rows_out = [("fixed rate: floor", figures(floor_rate)), ("fixed rate: ours, first sign-ins", figures(ours_rate)),
            ("fixed rate: ours, returning", figures(ours_returning)), ("saturation: floor", figures(floor_sat)),
            ("saturation: ours (returning)", figures(ours_sat))]
print()
print("| step | callback p50 ms | p95 ms | p99 ms | sign-ins/s | sign-ins | failed requests |")
print("|---|---|---|---|---|---|---|")
for name, f in rows_out:
    print(f"| {name} | {f['p50']} | {f['p95']} | {f['p99']} | {f['rate']:.1f} | {f['done']} | {f['ko']} |")
fr, first, ret, fs, os_ = (f for _, f in rows_out)


def ratio(a, b):
    return f"{a / b:.2f}" if b else "n/a"


print()
print("| ours / floor | first sign-ins | returning |")
print("|---|---|---|")
print(f"| callback p50 | {ratio(first['p50'], fr['p50'])} | {ratio(ret['p50'], fr['p50'])} |")
print(f"| callback p99 | {ratio(first['p99'], fr['p99'])} | {ratio(ret['p99'], fr['p99'])} |")
print(f"| added cost at the median, ms | {first['p50'] - fr['p50']} | {ret['p50'] - fr['p50']} |")
print(f"| sign-ins/s at saturation | | {ratio(os_['rate'], fs['rate'])} |")
total = first["done"] + ret["done"] + os_["done"]
print()
print(f"ready (process start to health UP, median of 3): ours {ready_ms} ms; floor {floor_ready_ms} ms (one start)")
print(f"heap used after a full GC, after {total} measured sign-ins (plus the warm-up): {int(heap_bytes) / 1048576:.0f} MB")
print(f"database rows (operators, memberships, login decisions, audit, sessions) per sign-in: "
      f"{int(rows) / max(total, 1):.2f} ({rows} rows)")
