#!/usr/bin/env python3
"""The order figures of MPD-format playlists, as `Segue.Bench synth` prints them for generated ones.

usage: bench/eval/order.py MPD_FOLDER_OR_ZIP

Adjacent tracks sharing an album or an artist (of all adjacent pairs), and for every track from
the 22nd on (0-based position 21) whether its artist is that of one of the three tracks before it
(recent) or of one of the playlist's first three (opening): in real playlists people add albums and
runs of one artist, and drift, so the recent share is far above the opening one.
"""
import glob, json, os, sys, zipfile

ORDER_FROM = 21


def slices(source):
    if source.endswith(".zip"):
        with zipfile.ZipFile(source) as z:
            for name in sorted(n for n in z.namelist() if n.endswith(".json") and "mpd.slice." in n):
                yield json.loads(z.read(name))
    else:
        folder = os.path.join(source, "data") if os.path.isdir(os.path.join(source, "data")) else source
        for name in sorted(glob.glob(os.path.join(folder, "mpd.slice.*.json"))):
            with open(name) as f:
                yield json.load(f)


def main(source):
    pairs = album = artist = cases = recent = opening = playlists = 0
    for doc in slices(source):
        for p in doc["playlists"]:
            playlists += 1
            albums = [t["album_uri"] for t in p["tracks"]]
            artists = [t["artist_uri"] for t in p["tracks"]]
            for i in range(1, len(artists)):
                pairs += 1
                album += albums[i] == albums[i - 1]
                artist += artists[i] == artists[i - 1]
                if i >= ORDER_FROM:
                    cases += 1
                    recent += artists[i] in artists[i - 3:i]
                    opening += artists[i] in artists[:3]
    print(f"playlists {playlists:,}; adjacent pairs sharing an album {album / pairs:.2%}, an artist {artist / pairs:.2%}; "
          f"a track's artist among the three before it {recent / cases:.2%}, among the first three {opening / cases:.2%}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
