using Segue.Model;

namespace Segue.Retrieval;

/// <summary>
/// Ranks the catalogue with a trained model's affinity: every seed is a context item, and
/// <c>aff(x) = agg_i &lt;e_x, c_i&gt; + 0.1 [album(x) among the seeds' albums] + 0.1 [artist(x) among
/// the seeds' artists]</c>, agg the model's max or mean. With <c>cosine</c> (the book's
/// exercise) the dot products become cosines at inference. Seeds without any: no ranking.
/// <para>
/// Scoring uses the model's structure instead of building a 2F vector per track. A dot product
/// with a context item is an album-slot part plus an artist part (plus track and duration
/// parts), so each table is scored once per context item. In the book's model a track's score
/// depends only on its (album slot, artist) pair, and the catalogue has far fewer pairs than
/// tracks, so those pairs are the scoring units; with a track table or the duration feature
/// each track is its own unit. The bonuses are added afterwards to the few tracks of the seeds'
/// albums and artists, found through album-to-tracks and artist-to-tracks indexes.
/// </para>
/// </summary>
public sealed class ModelRecommender : IRecommender
{
    private readonly int[] _unitOfTrack;          // empty when every track is its own unit
    private readonly int[] _albumTrackStart, _albumTracks, _artistTrackStart, _artistTracks;

    public ModelRecommender(EmbeddingModel model, bool cosine = false)
    {
        Model = model;
        Cosine = cosine;
        var catalog = model.Catalog;
        int tracks = catalog.TrackCount;
        bool perTrack = model.Tracks is not null || model.DurationVector is not null;
        int[] representative;
        if (perTrack)
        {
            _unitOfTrack = [];
            representative = Enumerable.Range(0, tracks).ToArray();
        }
        else
        {
            _unitOfTrack = new int[tracks];
            var unitOfPair = new Dictionary<long, int>();
            var first = new List<int>();
            for (int t = 0; t < tracks; t++)
            {
                long pair = (long)model.AlbumRow(t) << 32 | (uint)catalog.TrackArtists[t];
                if (!unitOfPair.TryGetValue(pair, out int unit))
                {
                    unit = first.Count;
                    unitOfPair.Add(pair, unit);
                    first.Add(t);
                }
                _unitOfTrack[t] = unit;
            }
            representative = first.ToArray();
        }
        UnitCount = representative.Length;
        UnitAlbumRows = representative.Select(model.AlbumRow).ToArray();
        UnitArtists = representative.Select(t => catalog.TrackArtists[t]).ToArray();
        UnitTrackRows = model.Tracks is null ? [] : representative.Select(model.TrackRow).ToArray();
        UnitDurations = model.DurationVector is null ? [] : representative.Select(model.DurationZ).ToArray();
        UnitInverseNorms = [];
        if (cosine)
        {
            var e = new float[2 * model.F];
            UnitInverseNorms = representative.Select(t =>
            {
                model.Represent(t, e);
                float norm = System.Numerics.Tensors.TensorPrimitives.Norm(e);
                return norm > 0 ? 1 / norm : 0f;
            }).ToArray();
        }
        (_albumTrackStart, _albumTracks) = Invert(catalog.TrackAlbums, catalog.AlbumCount);
        (_artistTrackStart, _artistTracks) = Invert(catalog.TrackArtists, catalog.ArtistCount);
    }

    /// <summary>Loads <paramref name="path"/> for <paramref name="dataset"/> (a SegueException when the
    /// model belongs to another dataset).</summary>
    public static ModelRecommender Open(string path, Data.Dataset dataset, bool cosine = false) =>
        new(ModelFile.Load(path, Catalog.FromDataset(dataset)), cosine);

    public EmbeddingModel Model { get; }
    public bool Cosine { get; }
    public string Name => Cosine ? "model (cosine)" : "model";

    internal int UnitCount { get; }
    internal int[] UnitAlbumRows { get; }
    internal int[] UnitArtists { get; }
    internal int[] UnitTrackRows { get; }
    internal float[] UnitDurations { get; }
    internal float[] UnitInverseNorms { get; }
    /// <summary>The unit of each track; empty when units are tracks.</summary>
    internal ReadOnlySpan<int> UnitOfTrack => _unitOfTrack;

    internal ReadOnlySpan<int> TracksOfAlbum(int album) =>
        _albumTracks.AsSpan(_albumTrackStart[album], _albumTrackStart[album + 1] - _albumTrackStart[album]);

    internal ReadOnlySpan<int> TracksOfArtist(int artist) =>
        _artistTracks.AsSpan(_artistTrackStart[artist], _artistTrackStart[artist + 1] - _artistTrackStart[artist]);

    public IQueryScorer CreateScorer() => new ModelQueryScorer(this);

    /// <summary>Groups the tracks by key (album or artist): offsets per key and the tracks in id order.</summary>
    private static (int[] Start, int[] Tracks) Invert(ReadOnlySpan<int> keyOfTrack, int keys)
    {
        var start = new int[keys + 1];
        foreach (int k in keyOfTrack) start[k + 1]++;
        for (int k = 0; k < keys; k++) start[k + 1] += start[k];
        var fill = start[..^1].ToArray();
        var tracks = new int[keyOfTrack.Length];
        for (int t = 0; t < keyOfTrack.Length; t++) tracks[fill[keyOfTrack[t]]++] = t;
        return (start, tracks);
    }
}
