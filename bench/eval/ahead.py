#!/usr/bin/python3
"""Is the first recommender of a `segue eval --json` report ahead of every other one?

Usage: bench/eval/ahead.py REPORT.json [--metrics r_precision,ndcg,clicks]

For the overall figures and each challenge category, prints the first recommender's value of
each metric beside the best of the others (higher is better, clicks lower), the relative margin,
and whether it is ahead. Exits 1 when it is behind anywhere, so it can gate a benchmark run.
"""
import argparse
import json
import sys

LOWER_IS_BETTER = {"clicks"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report")
    parser.add_argument("--metrics", default="r_precision,ndcg,clicks")
    args = parser.parse_args()
    try:
        with open(args.report) as f:
            reports = json.load(f)["reports"]
    except (OSError, ValueError, KeyError) as e:
        sys.exit(f"{args.report}: not a segue eval report ({e})")
    if len(reports) < 2:
        sys.exit(f"{args.report}: one recommender only; evaluate it with --baselines")
    ours, others = reports[0], reports[1:]
    metrics = args.metrics.split(",")
    groups = [("overall", lambda r: r["overall"])]
    for category in sorted(ours.get("by_category", {}), key=int):
        groups.append((f"category {category}", lambda r, c=category: r["by_category"][c]["metrics"]))
    behind = 0
    print(f"{ours['recommender']} against {', '.join(r['recommender'] for r in others)}")
    print(f"{'':14} {'metric':12} {'ours':>8} {'best other':>20} {'margin':>8}")
    for name, figures in groups:
        for metric in metrics:
            lower = metric in LOWER_IS_BETTER
            value = figures(ours)[metric]
            best = (min if lower else max)(others, key=lambda r: figures(r)[metric])
            other = figures(best)[metric]
            margin = (other - value) / other if lower else (value - other) / other
            ahead = value < other if lower else value > other
            behind += not ahead
            print(f"{name:14} {metric:12} {value:8.4f} {best['recommender']:>11} {other:8.4f} {margin:+8.1%}{'' if ahead else '  BEHIND'}")
    print("ahead everywhere" if behind == 0 else f"behind in {behind} place(s)")
    sys.exit(1 if behind else 0)


if __name__ == "__main__":
    main()
