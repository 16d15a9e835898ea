"""Prints the sign-in benchmark's table from Gatling's HTML reports (scripts/bench passes their index.html).

Gatling 3.14 keeps its figures in a binary simulation.log and writes them into the report's statistics table;
that table is read here: per request, the count, OK and KO, requests a second, and the response-time
percentiles 50, 75, 95 and 99 (columns 2 to 11 of the table, in milliseconds).
"""
import re
import sys

COLUMNS = {"total": 2, "ok": 3, "ko": 4, "rate": 6, "p50": 8, "p75": 9, "p95": 10, "p99": 11}

floor_rate, ours_rate, ours_returning, floor_sat, ours_sat = sys.argv[1:6]
ready_ms, floor_ready_ms, heap_bytes, rows = sys.argv[6:10]


def table(path):
    """Request name -> {column: number} from the report's statistics table."""
    html = open(path).read()
    rows = {}
    for row in html.split("</tr>"):
        name = re.search(r'class="ellipsed-name">([^<]+)</span>', row)
        if not name:
            continue
        values = {}
        for column, index in COLUMNS.items():
            cell = re.search(r'col-%d">([^<]*)<' % index, row)
            text = cell.group(1).strip() if cell else "-"
            values[column] = float(text) if text not in ("-", "") else 0.0
        rows[name.group(1)] = values
    return rows


def figures(path):
    rows = table(path)
    if "callback" not in rows or "sign out" not in rows:
        raise SystemExit(f"{path}: the journey did not reach the callback and the sign-out; see the report")
    callback, journey = rows["callback"], rows["sign out"]
    return {"p50": int(callback["p50"]), "p95": int(callback["p95"]), "p99": int(callback["p99"]),
            "rate": journey["rate"], "done": int(journey["ok"]), "ko": int(sum(r["ko"] for r in rows.values()))}


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
