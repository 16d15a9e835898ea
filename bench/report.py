"""Prints the sign-in benchmark's table from Gatling's HTML reports and the figures scripts/bench measured.

Gatling 3.14 keeps its figures in a binary simulation.log and writes them into the report's statistics table;
that table is read here: per request, the count, OK and KO, requests a second, and the response-time
percentiles 50, 75, 95 and 99 (columns 2 to 11 of the table, in milliseconds).
"""
import argparse
import re
import statistics

COLUMNS = {"total": 2, "ok": 3, "ko": 4, "rate": 6, "p50": 8, "p75": 9, "p95": 10, "p99": 11}


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


def ratio(a, b):
    return f"{a / b:.2f}" if b else "n/a"


def main():
    parser = argparse.ArgumentParser()
    for step in ("floor-rate", "ours-rate-first", "ours-rate-returning", "floor-saturation", "ours-saturation",
                 "warmup-ours"):
        parser.add_argument("--" + step, required=True)
    parser.add_argument("--ready", required=True, help="ours: milliseconds of each start, space-separated")
    parser.add_argument("--floor-ready", required=True)
    parser.add_argument("--heap-start", type=int, required=True)
    parser.add_argument("--heap-filled", type=int, required=True)
    parser.add_argument("--rows", required=True, help="external operators, their memberships, login decisions, "
                        "operator audit events, sessions, session attributes, used nonces")
    parser.add_argument("--load", nargs=2, required=True, help="uptime's load averages at the start and the end")
    a = parser.parse_args()

    steps = [("fixed rate: floor", figures(a.floor_rate)), ("fixed rate: ours, first sign-ins", figures(a.ours_rate_first)),
             ("fixed rate: ours, returning", figures(a.ours_rate_returning)),
             ("saturation: floor", figures(a.floor_saturation)), ("saturation: ours (returning)", figures(a.ours_saturation))]
    print()
    print("| step | callback p50 ms | p95 ms | p99 ms | sign-ins/s | sign-ins | failed requests |")
    print("|---|---|---|---|---|---|---|")
    for name, f in steps:
        print(f"| {name} | {f['p50']} | {f['p95']} | {f['p99']} | {f['rate']:.1f} | {f['done']} | {f['ko']} |")
    fr, first, ret, fs, os_ = (f for _, f in steps)
    print()
    print("| ours / floor (p50 to added cost: at the fixed rate) | first sign-ins | returning |")
    print("|---|---|---|")
    print(f"| callback p50 | {ratio(first['p50'], fr['p50'])} | {ratio(ret['p50'], fr['p50'])} |")
    print(f"| callback p95 | {ratio(first['p95'], fr['p95'])} | {ratio(ret['p95'], fr['p95'])} |")
    print(f"| callback p99 | {ratio(first['p99'], fr['p99'])} | {ratio(ret['p99'], fr['p99'])} |")
    print(f"| added cost at the median (ours - floor), ms | {first['p50'] - fr['p50']} | {ret['p50'] - fr['p50']} |")
    print(f"| sign-ins/s at saturation | | {ratio(os_['rate'], fs['rate'])} |")
    print(f"| callback p99 at saturation | | {ratio(os_['p99'], fs['p99'])} |")

    warmup = figures(a.warmup_ours)
    ours_total = warmup["done"] + first["done"] + ret["done"] + os_["done"]
    ready = [int(x) for x in a.ready.split()]
    floor_ready = [int(x) for x in a.floor_ready.split()]
    operators, memberships, decisions, audit, sessions, attributes, nonces = (int(x) for x in a.rows.split())
    print()
    print(f"ready (process start to health UP), median of {len(ready)}: ours {statistics.median(ready):.0f} ms "
          f"(starts: {', '.join(map(str, ready))}); floor {statistics.median(floor_ready):.0f} ms "
          f"(starts: {', '.join(map(str, floor_ready))})")
    print(f"heap used after a full GC: {a.heap_start / 1048576:.0f} MB after start, "
          f"{a.heap_filled / 1048576:.0f} MB after {warmup['done']} more sign-ins (the warm-up of ours; "
          f"{warmup['rate']:.1f} sign-ins/s, {warmup['ko']} failed requests)")
    print(f"database rows after {ours_total} sign-ins of {operators} operators ({ours_total - operators} returning): "
          f"{operators} operators, {memberships} memberships, {decisions} login decisions, {audit} operator audit "
          f"events, {sessions} sessions with {attributes} attributes left, {nonces} used nonces")
    if operators:
        print(f"  a first sign-in adds {(operators + memberships + audit) / operators + 1:.1f} rows "
              f"(operator, {memberships / operators:.1f} memberships, {audit / operators:.1f} audit events, "
              f"a login decision); a returning one {max(decisions - operators, 0) / max(ours_total - operators, 1):.1f} "
              f"(its login decision) when its groups are unchanged; a signed-out session leaves none; and each "
              f"sign-in a used nonce (deleted 15 minutes later, docs/decisions/0025-sign-in-start-stores-nothing.md)")
    print(f"load average (1, 5, 15 min) at the start: {a.load[0]}; at the end: {a.load[1]}")


if __name__ == "__main__":
    main()
