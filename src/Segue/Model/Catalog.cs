namespace Segue.Model;

/// <summary>
/// What the model needs to know of every catalogue track: its album, its artist and its
/// duration, plus the vocabulary sizes and the dataset fingerprint a model is bound to.
/// Built from a dataset, or directly from arrays (tests, and the benchmarks' synthetic
/// MPD-scale catalogues).
/// </summary>
public sealed class Catalog
{
    private readonly int[] _trackAlbums;
    private readonly int[] _trackArtists;
    private readonly int[] _durationsMs;

    public Catalog(int[] trackAlbums, int[] trackArtists, int[] durationsMs, int albumCount, int artistCount, ulong fingerprint)
    {
        if (trackArtists.Length != trackAlbums.Length || durationsMs.Length != trackAlbums.Length)
            throw new ArgumentException("one album, artist and duration per track");
        if (trackAlbums.Any(a => (uint)a >= (uint)albumCount) || trackArtists.Any(r => (uint)r >= (uint)artistCount))
            throw new ArgumentException("album or artist id out of range");
        _trackAlbums = trackAlbums;
        _trackArtists = trackArtists;
        _durationsMs = durationsMs;
        AlbumCount = albumCount;
        ArtistCount = artistCount;
        Fingerprint = fingerprint;
    }

    /// <summary>The catalogue of a dataset (copied out of the map: 12 bytes per track).</summary>
    public static Catalog FromDataset(Data.Dataset dataset) => new(
        dataset.TrackAlbums.ToArray(), dataset.TrackArtists.ToArray(), dataset.TrackDurationsMs.ToArray(),
        dataset.AlbumCount, dataset.ArtistCount, dataset.Fingerprint);

    public int TrackCount => _trackAlbums.Length;
    public int AlbumCount { get; }
    public int ArtistCount { get; }
    public ulong Fingerprint { get; }
    public ReadOnlySpan<int> TrackAlbums => _trackAlbums;
    public ReadOnlySpan<int> TrackArtists => _trackArtists;
    public ReadOnlySpan<int> DurationsMs => _durationsMs;

    /// <summary>Mean and standard deviation of the track durations (seconds), the standardisation
    /// of the duration feature; the deviation is 1 when all durations are equal.</summary>
    public (double Mean, double Std) DurationStatistics()
    {
        double sum = 0, sumSq = 0;
        foreach (int ms in _durationsMs)
        {
            double s = ms / 1000.0;
            sum += s;
            sumSq += s * s;
        }
        int n = Math.Max(_durationsMs.Length, 1);
        double mean = sum / n;
        double std = Math.Sqrt(Math.Max(sumSq / n - mean * mean, 0));
        return (mean, std > 1e-9 ? std : 1);
    }
}
