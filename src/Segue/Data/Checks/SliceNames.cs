using System.IO.Hashing;

namespace Segue.Data.Checks;

/// <summary>
/// The names one kind of URI (tracks, albums or artists) has in one slice: each URI's first name
/// and how many occurrences repeat it, and every occurrence that names it otherwise. Slices are
/// read in parallel, each into its own, hashes included (see <see cref="DatasetNames"/>);
/// <see cref="DatasetNames"/> then adds them up in slice order, so that "first" is the dataset's
/// first, and an occurrence is counted against the name of the URI's first occurrence in the whole
/// dataset, as check.py does.
/// </summary>
internal sealed class SliceNames(int expected)
{
    public readonly Utf8Interner Uris = new(expected);
    public readonly Utf8StringList FirstNames = new();
    public readonly List<int> FirstCounts = [];
    /// <summary>Where each URI first occurs (<see cref="SliceCheckResult.Where"/> says it in words).</summary>
    public readonly List<long> FirstAt = [];
    public readonly List<UInt128> UriHashes = [];
    public readonly List<ulong> FirstNameHashes = [];
    public readonly List<(int Uri, byte[] Name, ulong Hash, long At)> Others = [];

    /// <summary>Empties these names for another slice, keeping their memory.</summary>
    public SliceNames Clear()
    {
        Uris.Clear();
        FirstNames.Clear();
        FirstCounts.Clear();
        FirstAt.Clear();
        UriHashes.Clear();
        FirstNameHashes.Clear();
        Others.Clear();
        return this;
    }

    /// <summary>Records one occurrence of <paramref name="uri"/> named <paramref name="name"/>, at
    /// <paramref name="at"/>; returns the URI's id in the slice.</summary>
    public int Add(ReadOnlySpan<byte> uri, ReadOnlySpan<byte> name, long at)
    {
        int id = Uris.Intern(uri, out bool added);
        if (added)
        {
            FirstNames.Add(name);
            FirstCounts.Add(1);
            FirstAt.Add(at);
            UriHashes.Add(XxHash128.HashToUInt128(uri));
            FirstNameHashes.Add(XxHash3.HashToUInt64(name));
        }
        else if (name.SequenceEqual(FirstNames[id])) FirstCounts[id]++;
        else Others.Add((id, name.ToArray(), XxHash3.HashToUInt64(name), at));
        return id;
    }
}

/// <summary>
/// A kind of URI's names over the whole dataset: each URI's first name, and the occurrences naming
/// it otherwise counted against the rule <c>names</c>. Merging is the one part of the check that
/// runs on one thread, once per URI a slice holds (some 60 million times for the MPD), so it looks
/// URIs up by the hashes each slice's thread computed: a URI by its 128-bit XxHash (two URIs alike
/// in 128 bits: never, in practice), a name by its 64-bit XxHash3 (a different name passing for
/// the first: odds of 2^-64 a comparison). A lookup touches one cache line where comparing bytes
/// would touch four.
/// </summary>
internal sealed class DatasetNames(string kind)
{
    private struct Entry
    {
        public UInt128 Uri;
        public ulong Name;
        public int Id;   // id + 1; 0 is empty
    }

    private Entry[] _table = new Entry[1 << 16];
    private readonly Utf8StringList _firstNames = new();

    public int Count => _firstNames.Count;

    public void Add(SliceNames slice, Func<long, string> where, RuleTallies tallies)
    {
        var local = new int[slice.Uris.Count];
        for (int i = 0; i < local.Length; i++)
        {
            ref var entry = ref Find(slice.UriHashes[i]);
            if (entry.Id == 0)
            {
                entry.Uri = slice.UriHashes[i];
                entry.Name = slice.FirstNameHashes[i];
                entry.Id = _firstNames.Add(slice.FirstNames[i]) + 1;
                local[i] = entry.Id - 1;
                if (2 * _firstNames.Count > _table.Length) Grow();
                continue;
            }
            local[i] = entry.Id - 1;
            if (entry.Name != slice.FirstNameHashes[i])
                Mismatch(tallies, where(slice.FirstAt[i]), slice.Uris[i].ToArray(), slice.FirstNames[i].ToArray(), entry.Id - 1, slice.FirstCounts[i]);
        }
        foreach (var (uri, name, hash, at) in slice.Others)
            if (Find(slice.UriHashes[uri]).Name != hash)
                Mismatch(tallies, where(at), slice.Uris[uri].ToArray(), name, local[uri], 1);
    }

    private ref Entry Find(UInt128 uri)
    {
        int mask = _table.Length - 1;
        int slot = (int)(ulong)uri & mask;
        while (_table[slot].Id != 0 && _table[slot].Uri != uri) slot = (slot + 1) & mask;
        return ref _table[slot];
    }

    private void Grow()
    {
        var old = _table;
        _table = new Entry[old.Length * 2];
        foreach (var entry in old)
            if (entry.Id != 0) Find(entry.Uri) = entry;
    }

    private void Mismatch(RuleTallies tallies, string where, byte[] uri, byte[] name, int id, int occurrences) =>
        tallies.Add(CheckRules.Names, () => $"{where}: {kind} {Text(uri)} is named {PlaylistRules.Quote(Text(name))} here but {PlaylistRules.Quote(Text(_firstNames[id]))} where first met", occurrences);

    private static string Text(ReadOnlySpan<byte> utf8) => System.Text.Encoding.UTF8.GetString(utf8);
}
