using System.Numerics.Tensors;
using Segue.Structures;

namespace Segue.Model;

/// <summary>
/// The model's parameters and the track representation. A track with album <c>a</c>, artist
/// <c>r</c> and standardised duration <c>z</c> is the 2F vector
/// <c>e = [A[a mod buckets] ; R[r]] + T[t mod trackBuckets] + z D</c>, where the track table
/// <c>T</c> and the duration vector <c>D</c> are optional (absent in the book's model). Every
/// part is a row of its own table, so a dot product with a context item splits into an album
/// part, an artist part, a track part and a duration part, which is what retrieval relies on.
/// </summary>
public sealed class EmbeddingModel
{
    private readonly float[] _durationZ;
    private readonly Table?[] _byId;   // by ModelTable

    /// <summary>A model with the given tables (from a file or a checkpoint), bound to <paramref name="catalog"/>.</summary>
    public EmbeddingModel(ModelConfig config, Catalog catalog, IReadOnlyList<Table> tables, double durationMean, double durationStd)
    {
        Config = config;
        Catalog = catalog;
        F = config.FeatureSize;
        Albums = Find(tables, ModelTable.Albums, config.AlbumRows(catalog.AlbumCount), F);
        Artists = Find(tables, ModelTable.Artists, catalog.ArtistCount, F);
        Tracks = config.TrackBuckets > 0 ? Find(tables, ModelTable.Tracks, config.TrackBuckets, 2 * F) : null;
        DurationVector = config.Duration ? Find(tables, ModelTable.Duration, 1, 2 * F) : null;
        _byId = [Albums, Artists, Tracks, DurationVector];
        TableIds = [.. Enum.GetValues<ModelTable>().Where(id => _byId[(int)id] is not null)];
        Tables = [.. TableIds.Select(id => _byId[(int)id]!)];
        DurationMean = durationMean;
        DurationStd = durationStd;
        _durationZ = new float[config.Duration ? catalog.TrackCount : 0];
        for (int t = 0; t < _durationZ.Length; t++)
            _durationZ[t] = (float)((catalog.DurationsMs[t] / 1000.0 - durationMean) / durationStd);
    }

    /// <summary>A freshly initialised model: album and artist entries drawn from N(0, 1/F) (Flax's
    /// default embedding initialiser, as in the book); the track table and duration vector start
    /// at zero so that switching them on starts from the book's model.</summary>
    public static EmbeddingModel Initialise(ModelConfig config, Catalog catalog, Rng rng)
    {
        config.Validate();
        int f = config.FeatureSize;
        var albums = new Table(ModelTable.Albums.FileName(), config.AlbumRows(catalog.AlbumCount), f);
        var artists = new Table(ModelTable.Artists.FileName(), catalog.ArtistCount, f);
        double std = 1.0 / Math.Sqrt(f);
        foreach (var table in new[] { albums, artists })
            for (int i = 0; i < table.Values.Length; i++)
                table.Values[i] = (float)(std * rng.NextGaussian());
        var tables = new List<Table> { albums, artists };
        if (config.TrackBuckets > 0) tables.Add(new Table(ModelTable.Tracks.FileName(), config.TrackBuckets, 2 * f));
        if (config.Duration) tables.Add(new Table(ModelTable.Duration.FileName(), 1, 2 * f));
        var (mean, sd) = catalog.DurationStatistics();
        return new EmbeddingModel(config, catalog, tables, mean, sd);
    }

    public ModelConfig Config { get; }
    public Catalog Catalog { get; }
    public int F { get; }
    public Table Albums { get; }
    public Table Artists { get; }
    public Table? Tracks { get; }
    public Table? DurationVector { get; }
    /// <summary>Every parameter table, in file order: albums, artists, then tracks and duration when present.</summary>
    public IReadOnlyList<Table> Tables { get; }
    /// <summary>The ids of <see cref="Tables"/>, in the same order.</summary>
    public ModelTable[] TableIds { get; }

    /// <summary>The table <paramref name="id"/>; null when this model has none.</summary>
    public Table? TableOf(ModelTable id) => _byId[(int)id];
    public double DurationMean { get; }
    public double DurationStd { get; }

    public int AlbumRow(int track) => (int)((uint)Catalog.TrackAlbums[track] % (uint)Albums.Rows);
    public int TrackRow(int track) => (int)((uint)track % (uint)Tracks!.Rows);
    /// <summary>The standardised duration of a track (0 when the duration feature is off).</summary>
    public float DurationZ(int track) => _durationZ.Length > 0 ? _durationZ[track] : 0f;

    /// <summary>Writes the 2F representation of <paramref name="track"/> into <paramref name="e"/>.</summary>
    public void Represent(int track, Span<float> e)
    {
        Albums.Row(AlbumRow(track)).CopyTo(e[..F]);
        Artists.Row(Catalog.TrackArtists[track]).CopyTo(e[F..(2 * F)]);
        if (Tracks is not null)
            TensorPrimitives.Add(e, Tracks.Row(TrackRow(track)), e);
        if (DurationVector is not null)
            TensorPrimitives.MultiplyAdd(DurationVector.Values, DurationZ(track), e, e);
    }

    /// <summary>Starts loading the catalogue entries that say which rows <paramref name="track"/> uses.</summary>
    public void PrefetchRowsOf(int track)
    {
        CacheLines.Prefetch(Catalog.TrackAlbums.Slice(track, 1));
        CacheLines.Prefetch(Catalog.TrackArtists.Slice(track, 1));
    }

    /// <summary>Registers the rows <paramref name="track"/> is made of in <paramref name="rows"/>,
    /// each with a zero gradient.</summary>
    public void MarkRows(int track, ModelGradients rows)
    {
        rows.For(ModelTable.Albums).Accumulate(AlbumRow(track));
        rows.For(ModelTable.Artists).Accumulate(Catalog.TrackArtists[track]);
        if (Tracks is not null) rows.For(ModelTable.Tracks).Accumulate(TrackRow(track));
        if (DurationVector is not null) rows.For(ModelTable.Duration).Accumulate(0);
    }

    /// <summary>Adds <paramref name="de"/>, the gradient of a representation of <paramref name="track"/>,
    /// to the rows it was made of.</summary>
    public void ScatterGradient(int track, ReadOnlySpan<float> de, ModelGradients gradients)
    {
        var g = gradients.For(ModelTable.Albums).Accumulate(AlbumRow(track));
        TensorPrimitives.Add(g, de[..F], g);
        g = gradients.For(ModelTable.Artists).Accumulate(Catalog.TrackArtists[track]);
        TensorPrimitives.Add(g, de[F..(2 * F)], g);
        if (Tracks is not null)
        {
            g = gradients.For(ModelTable.Tracks).Accumulate(TrackRow(track));
            TensorPrimitives.Add(g, de, g);
        }
        if (DurationVector is not null)
        {
            g = gradients.For(ModelTable.Duration).Accumulate(0);
            TensorPrimitives.MultiplyAdd(de, DurationZ(track), g, g);
        }
    }

    /// <summary>True when every parameter is finite.</summary>
    public bool AllFinite()
    {
        foreach (var table in Tables)
            foreach (float v in table.Values)
                if (!float.IsFinite(v))
                    return false;
        return true;
    }

    private static Table Find(IReadOnlyList<Table> tables, ModelTable id, int rows, int cols)
    {
        string name = id.FileName();
        var table = tables.FirstOrDefault(t => t.Name == name)
            ?? throw new SegueException($"model has no {name} table");
        if (table.Rows != rows || table.Cols != cols)
            throw new SegueException($"model table {name} is {table.Rows} x {table.Cols}, expected {rows} x {cols}");
        return table;
    }
}
