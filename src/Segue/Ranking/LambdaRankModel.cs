using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Segue.Ranking;

/// <summary>
/// The learned re-ranker: LightGBM LambdaRank through ML.NET, one query group per playlist, label 1
/// for a withheld track. Fitting is reproducible for a seed and a thread count (LightGBM's default
/// uses every core, so the count is always set). The model is kept as ML.NET's zip with every
/// entry's timestamp fixed, so the same fit gives the same bytes. It scores through its trees
/// flattened (<see cref="TreeEnsemble"/>), which gives ML.NET's prediction engine's scores in
/// about 60% of its time. Immutable and thread-safe.
/// </summary>
public sealed class LambdaRankModel
{
    private static readonly DateTimeOffset ZipTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly MLContext _ml;
    private readonly ITransformer _transformer;

    private LambdaRankModel(MLContext ml, ITransformer transformer, byte[] bytes)
    {
        _ml = ml;
        _transformer = transformer;
        Bytes = bytes;
        var parameters = (transformer as ISingleFeaturePredictionTransformer<object>)?.Model as LightGbmRankingModelParameters
            ?? throw new InvalidDataException("not a LightGBM ranking model");
        Trees = new TreeEnsemble(parameters.TrainedTreeEnsemble);
    }

    /// <summary>The fitted trees, flattened for scoring.</summary>
    public TreeEnsemble Trees { get; }

    /// <summary>The model as its file holds it.</summary>
    public byte[] Bytes { get; }

    /// <summary>Options of a fit.</summary>
    public sealed record Options(int Trees, int Leaves, double LearningRate, int MinLeafRows, int Seed, int Threads);

    /// <summary>Fits on <paramref name="rows"/> (grouped by query, groups contiguous); returns the
    /// model and each feature's gain, by feature position.</summary>
    public static (LambdaRankModel Model, float[] Importance) Fit(IReadOnlyList<TrainingRow> rows, Options options)
    {
        var ml = new MLContext(options.Seed);
        var data = ml.Data.LoadFromEnumerable(rows, Schema<TrainingRow>());
        var trainer = ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
        {
            LabelColumnName = nameof(TrainingRow.Label),
            FeatureColumnName = nameof(TrainingRow.Features),
            RowGroupColumnName = nameof(TrainingRow.Group),
            NumberOfIterations = options.Trees,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinLeafRows,
            Seed = options.Seed,
            NumberOfThreads = options.Threads,
            Silent = true,
        });
        var fitted = trainer.Fit(data);
        VBuffer<float> weights = default;
        fitted.Model.GetFeatureWeights(ref weights);
        var importance = new float[RankingFeatures.Count];
        weights.CopyTo(importance);
        using var raw = new MemoryStream();
        ml.Model.Save(fitted, ml.Data.LoadFromEnumerable(Array.Empty<FeatureRow>(), Schema<FeatureRow>()).Schema, raw);
        var bytes = FixTimestamps(raw.ToArray());
        return (new LambdaRankModel(ml, fitted, bytes), importance);
    }

    /// <summary>The model of <paramref name="bytes"/> (a file written from <see cref="Bytes"/>).</summary>
    public static LambdaRankModel Load(byte[] bytes, string path)
    {
        var ml = new MLContext(0);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return new LambdaRankModel(ml, ml.Model.Load(stream, out _), bytes);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or ArgumentException or IOException)
        {
            throw new SegueException($"{path}: damaged ranker model ({e.Message})", e);
        }
    }

    /// <summary>ML.NET's own scorer of feature rows (not thread-safe): the reference the flattened
    /// trees are tested against.</summary>
    public PredictionEngine<FeatureRow, Prediction> CreateEngine() => _ml.Model.CreatePredictionEngine<FeatureRow, Prediction>(_transformer, inputSchemaDefinition: Schema<FeatureRow>());

    // A row's features are a vector as wide as the feature table, which an attribute cannot say.
    private static SchemaDefinition Schema<TRow>()
    {
        var schema = SchemaDefinition.Create(typeof(TRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, RankingFeatures.Count);
        return schema;
    }

    // ML.NET stamps each zip entry with the time of saving; a fixed time makes the bytes a
    // function of the model alone.
    private static byte[] FixTimestamps(byte[] zip)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = ZipTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }

    /// <summary>A feature row as the model reads it.</summary>
    public sealed class FeatureRow
    {
        public float[] Features { get; set; } = new float[RankingFeatures.Count];
    }

    /// <summary>A training row: features, label (1 for a withheld track) and query group (1-based).</summary>
    public sealed class TrainingRow
    {
        public float[] Features { get; set; } = [];
        public float Label { get; set; }
        [KeyType(int.MaxValue)]
        public uint Group { get; set; }
    }

    public sealed class Prediction
    {
        public float Score { get; set; }
    }
}
