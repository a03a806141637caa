#!/usr/bin/python3
"""Ranks a challenge set with the Python peers' playlist-kNN and item-kNN
(../shared/bench/peers/baselines.py: PlaylistKNN, ItemKNN) on exactly the data Segue
indexes: every training playlist of the slices (every tenth slice held out, as `segue ingest`
splits), track ids by first appearance, popularity = playlists holding a track. Writes, per
method, the ranked track URIs of every challenge playlist (no popularity fill), and, given
Segue's submissions of the same methods, compares them position by position.

  compare_rankings.py MPD_DIR PEERS_DIR --pknn SEGUE_PKNN.csv --iknn SEGUE_COOC.csv
      [--pknn-k 4000 --pknn-rho 0.4 --pknn-alpha 1 --iknn-a 0.3 --iknn-b 0.3]   (Segue's defaults)
"""
import argparse, glob, json, os, re, sys
import numpy as np
import scipy.sparse as sp


def load(mpd):
    files = glob.glob(os.path.join(mpd, "data", "mpd.slice.*.json"))
    files.sort(key=lambda f: int(re.search(r"slice\.(\d+)-", f).group(1)))
    ids, uris, rows, cols, dup = {}, [], [], [], 0
    n_train = 0
    for i, f in enumerate(files):
        test = i % 10 == 9
        for p in json.load(open(f))["playlists"]:
            seen = set()
            for t in p["tracks"]:
                u = t["track_uri"]
                if u not in ids:
                    ids[u] = len(uris)
                    uris.append(u)
                if test:
                    continue
                if ids[u] in seen:
                    dup += 1
                seen.add(ids[u])
            if not test:
                for t in seen:
                    rows.append(n_train)
                    cols.append(t)
                n_train += 1
    X = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n_train, len(uris)))
    return ids, uris, X, dup


def submission(path):
    out = {}
    for line in open(path):
        if line.startswith("#") or line.startswith("team_info") or not line.strip():
            continue
        parts = [x.strip() for x in line.split(",")]
        out[int(parts[0])] = parts[1:]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mpd")
    ap.add_argument("peers")
    ap.add_argument("--pknn")
    ap.add_argument("--iknn")
    ap.add_argument("--pknn-k", type=int, default=4000)
    ap.add_argument("--pknn-rho", type=float, default=0.4)
    ap.add_argument("--pknn-alpha", type=float, default=1.0)
    ap.add_argument("--iknn-a", type=float, default=0.3)
    ap.add_argument("--iknn-b", type=float, default=0.3)
    args = ap.parse_args()
    sys.path.insert(0, args.peers)
    from baselines import PlaylistKNN, ItemKNN

    ids, uris, X, dup = load(args.mpd)
    pop = np.diff(X.tocsc().indptr)
    methods = {"pknn": (PlaylistKNN(X, pop, k=args.pknn_k, rho=args.pknn_rho, alpha=args.pknn_alpha), args.pknn),
               "iknn": (ItemKNN(X, a=args.iknn_a, b=args.iknn_b), args.iknn)}
    cases = json.load(open(os.path.join(args.mpd, "challenge_set.json")))["playlists"]
    report = dict(train_playlists=X.shape[0], tracks=X.shape[1], repeated_tracks_in_training=dup)
    for name, (model, segue_path) in methods.items():
        if segue_path is None:
            continue
        segue = submission(segue_path)
        same = compared = identical_lists = with_seeds = tie_lists = 0
        first_diff = []
        for c in cases:
            seeds = np.array([ids[t["track_uri"]] for t in c["tracks"] if t["track_uri"] in ids], dtype=np.int64)
            if len(seeds) == 0:
                continue
            with_seeds += 1
            ours = [uris[t] for t in model.recommend(seeds, set(seeds.tolist()), 500)]
            theirs = segue[c["pid"]][:len(ours)]
            agree = sum(a == b for a, b in zip(ours, theirs))
            same += agree
            compared += len(ours)
            if agree == len(ours):
                identical_lists += 1
                tie_lists += 1
                continue
            # Equal up to ties: at every position Segue's track has the peer's score there (within
            # 1e-6 relative), i.e. the lists differ only in the order of (nearly) equal scores.
            scores = model.scores(seeds)
            if all(abs(scores[ids[b]] - scores[ids[a]]) <= 1e-6 * abs(scores[ids[a]]) for a, b in zip(ours, theirs)):
                tie_lists += 1
            elif len(first_diff) < 5:
                first_diff.append(dict(pid=c["pid"], position=next(i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b)))
        report[name] = dict(cases=with_seeds, identical_lists=identical_lists, equal_up_to_ties=tie_lists, positions_compared=compared,
                            positions_equal=same, first_differences=first_diff)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
