using Segue.Model;
using Segue.Structures;

namespace Segue.Retrieval;

/// <summary>
/// Ranks the catalogue with a trained model's affinity: every seed is a context item, and
/// <c>aff(x) = agg_i &lt;e_x, c_i&gt; + 0.1 [album(x) among the seeds' albums] + 0.1 [artist(x) among
/// the seeds' artists]</c>, agg the model's max or mean. With <c>cosine</c> (the book's
/// exercise) the dot products become cosines at inference. Seeds without any: no ranking.
/// <para>
/// Scoring uses the model's structure instead of building a 2F vector per track. A dot product
/// with a context item is an album-slot part plus an artist part (plus track and duration
/// parts), so each table is scored once per query, every row against all context items in one
/// pass (<see cref="PackedTable"/>). With the mean the context items are first averaged (the
/// mean of dot products is the dot product with the mean). In the book's model a track's score
/// depends only on its (album slot, artist) pair, and the catalogue has far fewer pairs than
/// tracks, so those pairs are the scoring units, ordered by artist so that the artist scores are
/// read in order; with a track table or the duration feature each track is its own unit. Top-K
/// selection runs over units, against the heap's threshold, and expands only the few units that
/// can enter into their tracks. The bonuses concern the few tracks of the seeds' albums and
/// artists, found through album-to-tracks and artist-to-tracks indexes and ranked on their own.
/// </para>
/// </summary>
public sealed class ModelRecommender : IRecommender
{
    private readonly int[] _unitOfTrack;   // empty when every track is its own unit
    private readonly InvertedIndex? _unitTracks;
    private readonly InvertedIndex _albumTracks, _artistTracks;

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
            var pairs = new long[tracks];
            for (int t = 0; t < tracks; t++)
                pairs[t] = (long)catalog.TrackArtists[t] << 32 | (uint)model.AlbumRow(t);
            var byPair = Enumerable.Range(0, tracks).ToArray();
            Array.Sort(pairs, byPair);
            _unitOfTrack = new int[tracks];
            var first = new List<int>();
            for (int j = 0; j < tracks; j++)
            {
                if (j == 0 || pairs[j] != pairs[j - 1]) first.Add(byPair[j]);
                _unitOfTrack[byPair[j]] = first.Count - 1;
            }
            representative = first.ToArray();
            _unitTracks = InvertedIndex.Build(representative.Length, _unitOfTrack);
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
        Albums = new PackedTable(model.Albums);
        Artists = new PackedTable(model.Artists);
        Tracks = model.Tracks is null ? null : new PackedTable(model.Tracks);
        DurationVector = model.DurationVector is null ? null : new PackedTable(model.DurationVector);
        _albumTracks = InvertedIndex.Build(catalog.AlbumCount, catalog.TrackAlbums.ToArray());
        _artistTracks = InvertedIndex.Build(catalog.ArtistCount, catalog.TrackArtists.ToArray());
    }

    /// <summary>Loads <paramref name="path"/> for <paramref name="dataset"/> (a SegueException when the
    /// model belongs to another dataset).</summary>
    public static ModelRecommender Open(string path, Data.Dataset dataset, bool cosine = false) =>
        new(ModelFile.Load(path, dataset), cosine);

    public EmbeddingModel Model { get; }
    public bool Cosine { get; }
    public string Name => Cosine ? "model (cosine)" : "model";

    // The model's tables, copied when the recommender is built (like the unit norms: a recommender
    // ranks with the model as it was then).
    internal PackedTable Albums { get; }
    internal PackedTable Artists { get; }
    internal PackedTable? Tracks { get; }
    internal PackedTable? DurationVector { get; }

    internal int UnitCount { get; }
    internal int[] UnitAlbumRows { get; }
    internal int[] UnitArtists { get; }
    internal int[] UnitTrackRows { get; }
    internal float[] UnitDurations { get; }
    internal float[] UnitInverseNorms { get; }

    /// <summary>True when every track is its own unit (unit id = track id).</summary>
    internal bool UnitsAreTracks => _unitOfTrack.Length == 0;

    internal int UnitOf(int track) => UnitsAreTracks ? track : _unitOfTrack[track];

    /// <summary>The tracks of a unit in id order, when units are pairs.</summary>
    internal ReadOnlySpan<int> TracksOfUnit(int unit) => _unitTracks!.Items(unit);

    internal ReadOnlySpan<int> TracksOfAlbum(int album) => _albumTracks.Items(album);

    internal ReadOnlySpan<int> TracksOfArtist(int artist) => _artistTracks.Items(artist);

    public IQueryScorer CreateScorer() => new ModelQueryScorer(this);
}
