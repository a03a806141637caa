#!/usr/bin/python3
"""Segue's ranker beside the Python peers' plain two-stage reference, on the same held-out cases.

  two_stage_compare.py --mpd MPD_DIR --dataset DATASET.segue --ranker RANKER_DIR
      [--two-stage SAVED.json] [--cases 1000] [--peers ../shared/bench/peers] [--segue "CMD"]

1. Checks that `segue eval` and the peers evaluate the same cases: the peers' test examples
   (mpd_data.py: every tenth slice by first pid, playlists of num_tracks >= 10, first 5 tracks as
   seeds) and Segue's held-out cases (HeldOutCases.FromTestSplit, read from the dataset file) must
   agree in pid, seeds and withheld tracks, case by case; it stops if they do not.
2. Runs the peers' two_stage.py on MPD_DIR/data (16 min for 100k playlists on 2 shared cores),
   or reads the JSON it printed before (--two-stage); its generators (iknn a 0.5 b 0.3, pknn
   k 4000 rho 0.4 alpha 2, raw cooc) are scored on the same cases with all training statistics.
   The peers build those from the training playlists of 10+ tracks only (86,470 of Segue's 90,000
   at 100k) and count repeated tracks in popularity, so with the same settings their figures
   differ from Segue's in the fourth decimal.
3. Runs `segue eval RANKER --dataset DATASET --limit N --baselines --json F` (the ranker and each
   of its generators alone).
Prints one table: R-precision, NDCG, clicks and track recall@500 (|top 500 ∩ G| / |G|, G the
distinct withheld tracks, as Segue's track_recall@500 and the peers' set_recall_500).
Needs numpy, scipy and xgboost (Debian: python3-numpy python3-scipy python3-xgboost).
"""
import argparse
import glob
import json
import mmap
import os
import re
import shlex
import struct
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def peer_cases(data_dir, n):
    """(pid, seed URIs, withheld URIs) of the peers' first n test examples (mpd_data.py's rules),
    reading only the test slices."""
    files = glob.glob(os.path.join(data_dir, "mpd.slice.*.json"))
    files.sort(key=lambda f: [int(x) for x in re.search(r"slice\.(\d+)-(\d+)\.json$", f).groups()])
    cases = []
    for f in files[9::10]:
        for p in json.load(open(f))["playlists"]:
            uris = [t["track_uri"] for t in p["tracks"]]
            if p["num_tracks"] >= 10 and len(uris) > 5:
                cases.append((p["pid"], uris[:5], uris[5:]))
                if len(cases) == n:
                    return cases
    return cases


def segue_cases(path, n):
    """The same for Segue's held-out cases, read from the dataset file (src/Segue/IO/SectionFile.cs,
    src/Segue/Data/DatasetSection.cs: version 1)."""
    with open(path, "rb") as f:
        buf = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    magic, version, count = struct.unpack_from("<8sII", buf, 0)
    if magic != b"SEGUEDS\0" or version != 1:
        sys.exit("%s: not a version 1 Segue dataset (update segue_cases)" % path)
    sections = {}
    for i in range(count):
        sid, _, offset, size, _ = struct.unpack_from("<IIqqQ", buf, 32 + 32 * i)
        sections[sid] = (offset, size)

    def arr(sid, dtype):
        offset, size = sections[sid]
        return np.frombuffer(buf, dtype=dtype, count=size // np.dtype(dtype).itemsize, offset=offset)

    uri_bytes, uri_offsets = arr(10, np.uint8), arr(11, np.int64)
    offsets, tracks, pids, test = arr(40, np.int64), arr(41, np.int32), arr(42, np.int32), arr(51, np.int32)

    def uri(t):
        return bytes(uri_bytes[uri_offsets[t]:uri_offsets[t + 1]]).decode()
    cases = []
    for p in test:
        ts = tracks[offsets[p]:offsets[p + 1]]
        if len(ts) < 10:
            continue
        cases.append((int(pids[p]), [uri(t) for t in ts[:5]], [uri(t) for t in ts[5:]]))
        if len(cases) == n:
            break
    return cases


def check_cases(args):
    ours, theirs = segue_cases(args.dataset, args.cases), peer_cases(os.path.join(args.mpd, "data"), args.cases)
    if len(ours) != len(theirs):
        sys.exit("case sets differ: Segue has %d held-out cases, the peers %d" % (len(ours), len(theirs)))
    for i, (a, b) in enumerate(zip(ours, theirs)):
        if a != b:
            sys.exit("case sets differ at case %d: Segue pid %d, peers pid %d (seeds or withheld tracks differ)"
                     % (i, a[0], b[0]))
    print("cases: the same %d held-out cases in Segue and the peers (pid, seeds, withheld tracks)" % len(ours),
          file=sys.stderr)
    return len(ours)


def two_stage(args):
    if args.two_stage and os.path.exists(args.two_stage):
        return json.load(open(args.two_stage))
    cmd = ["nice", "/usr/bin/python3", os.path.join(args.peers, "two_stage.py"), "--mpd", os.path.join(args.mpd, "data"),
           "--cache", args.cache, "--eval-examples", str(args.cases)]
    print("running " + " ".join(cmd), file=sys.stderr)
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout
    if args.two_stage:
        tmp = args.two_stage + ".tmp"
        with open(tmp, "wb") as f:
            f.write(out)
        os.replace(tmp, args.two_stage)
    return json.loads(out)


def segue_eval(args):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "eval.json")
        cmd = shlex.split(args.segue) + ["eval", args.ranker, "--dataset", args.dataset, "--limit", str(args.cases),
                                         "--baselines", "--json", path]
        print("running " + " ".join(cmd), file=sys.stderr)
        subprocess.run(cmd, check=True, cwd=REPO, stdout=sys.stderr)
        return json.load(open(path))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mpd", required=True, help="the MPD folder (data/mpd.slice.*.json) the dataset was ingested from")
    ap.add_argument("--dataset", required=True, help="the ingested dataset (.segue)")
    ap.add_argument("--ranker", required=True, help="a ranker folder written by `segue fit`")
    ap.add_argument("--two-stage", help="the peers' two_stage.py JSON: read if it exists, else written")
    ap.add_argument("--cases", type=int, default=1000, help="the first N held-out cases")
    ap.add_argument("--peers", help="the peers' folder (default: ../shared/bench/peers beside the repository"
                    " or beside its worktree folder)")
    ap.add_argument("--cache", default="/tmp/peer-cache", help="the peers' parsed-data cache")
    ap.add_argument("--segue", default="nice dotnet run -c Release --project src/Segue.Cli --",
                    help="how to run segue (from the repository root)")
    args = ap.parse_args()
    if args.peers is None:
        args.peers = next((p for p in (os.path.join(REPO, "..", d, "shared", "bench", "peers") for d in (".", ".."))
                           if os.path.exists(p)), None)
    if args.peers is None or not os.path.exists(os.path.join(args.peers, "two_stage.py")):
        sys.exit("no two_stage.py in %s: give the peers' folder with --peers" % args.peers)

    cases = check_cases(args)
    peers = two_stage(args)
    if peers["eval_examples"] != cases:
        sys.exit("the two-stage JSON was measured on %d cases, not %d" % (peers["eval_examples"], cases))
    segue = segue_eval(args)

    rows = []
    for r in segue["reports"]:
        m = r["overall"]
        rows.append(("segue " + r["recommender"], m["r_precision"], m["ndcg"], m["clicks"], m["track_recall@500"]))
    test = peers["test"]["all"]
    for name, m in test["two_stage"].items():
        rows.append(("peers two-stage %s%s" % (name, " (picked)" if m.get("picked") else ""),
                     m["r_precision"], m["ndcg"], m["clicks"], m["set_recall_500"]))
    for name, m in test["generators"].items():
        rows.append(("peers " + name, m["r_precision"], m["ndcg"], m["clicks"], m["set_recall_500"]))
    print("%d held-out cases; the peers' iknn %s, pknn %s, cooc raw counts"
          % (cases, json.dumps(peers["settings"]["iknn"]), json.dumps(peers["settings"]["pknn"])))
    print("| method | R-precision | NDCG | clicks | track recall@500 |")
    print("|---|---:|---:|---:|---:|")
    for name, rp, ndcg, clicks, recall in rows:
        print("| %s | %.4f | %.4f | %.3f | %.4f |" % (name, rp, ndcg, clicks, recall))


if __name__ == "__main__":
    try:
        main()
    except subprocess.CalledProcessError as e:
        sys.exit("%s failed (exit %d)" % (" ".join(e.cmd), e.returncode))
