using System.IO.Hashing;
using System.Text.Json;
using System.Text.Json.Nodes;
using Segue.Data;
using Segue.Factorisation;
using Segue.IO;
using Segue.Model;
using Segue.Retrieval;
using Segue.Runs;
using Segue.Statistics;

namespace Segue.Ranking;

/// <summary>
/// The folder of a fitted ranker, tracked like a training run:
/// <code>
///   config.json               { "ranker": RankerOptions, "dataset": { "path", "fingerprint" } } (<see cref="RunConfig"/>)
///   lambdarank.zip            the LightGBM LambdaRank model (ML.NET's format)
///   track_factors.npy         the implicit factorisation's track factors (tracks x als_factors, float32)
///   ranker.json               format version, feature names, the checksums of the three files above and
///                             of the trained model whose affinities are features (options "model"), when there is one
///   feature_importance.json   each feature's gain in the model relative to the largest, largest first
///   validation.json           the validation figures of every generator alone and of the ranker
///   metrics.jsonl, run.json, summary.json   as a training run's
/// </code>
/// The folder appears whole or not at all: it is written under a temporary name and renamed.
/// </summary>
public static class RankerFolder
{
    // 4: the trained model gives features, not candidates; the artist generator's rank.
    public const int Format = 4;
    public const string ManifestFile = "ranker.json", ConfigFile = "config.json", ModelFile = "lambdarank.zip";
    public const string ImportanceFile = "feature_importance.json", ValidationFile = "validation.json";
    /// <summary>The config.json section of the ranker's settings.</summary>
    public const string ConfigSection = "ranker";

    /// <summary>True when <paramref name="path"/> is a folder with a ranker manifest.</summary>
    public static bool IsRanker(string path) => File.Exists(Path.Combine(path, ManifestFile));

    /// <summary>The settings and dataset a ranker folder's config records (the run folder's own reader).</summary>
    public static (RankerOptions Options, string DatasetPath, ulong Fingerprint) ReadConfig(string folder)
    {
        var config = RunConfig.Read(new RunFolder(folder));
        var options = config.Section<RankerOptions>(ConfigSection, o => o.Validate());
        var dataset = config.Dataset;
        if (!ulong.TryParse(dataset.Fingerprint, System.Globalization.NumberStyles.HexNumber, null, out ulong fingerprint))
            throw new SegueException($"{config.Path}: dataset: fingerprint '{dataset.Fingerprint}' is not a hexadecimal number");
        return (options, dataset.Path, fingerprint);
    }

    /// <summary>Opens the ranker in <paramref name="folder"/> over <paramref name="statistics"/> (those
    /// of its dataset's training split, shared with whatever else is served): checks
    /// the files against the manifest and the dataset against the one it was fitted on, loads the
    /// model it names and the factors it saved, and builds its generators from the whole training
    /// split.</summary>
    public static RankerRecommender Open(string folder, TrainingStatistics statistics)
    {
        var dataset = statistics.Dataset;
        if (!Directory.Exists(folder)) throw new SegueException($"{folder}: no such ranker folder");
        string manifestPath = Path.Combine(folder, ManifestFile);
        if (!File.Exists(manifestPath)) throw new SegueException($"{folder}: not a ranker folder (no {ManifestFile})");
        Manifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<Manifest>(ReadBytes(manifestPath), ModelConfig.Json) ?? throw new JsonException("null");
            if (manifest.Features is null) throw new JsonException("no 'features'");
        }
        catch (JsonException e)
        {
            throw new SegueException($"{manifestPath}: damaged ranker manifest ({JsonErrors.Describe(e)})", e);
        }
        if (manifest.Format != Format)
            throw new SegueException($"{manifestPath}: ranker format {manifest.Format}; this build reads format {Format}");
        if (!manifest.Features.SequenceEqual(RankingFeatures.Names))
            throw new SegueException($"{manifestPath}: fitted with other features than this build computes ({FeatureDifference(manifest.Features)}); fit it again");
        CheckSum(Path.Combine(folder, ConfigFile), manifest.ConfigChecksum, "config");
        string modelPath = Path.Combine(folder, ModelFile);
        var bytes = ReadBytes(modelPath);
        if (Checksum(bytes) != manifest.ModelChecksum)
            throw new SegueException($"{modelPath}: damaged ranker model (checksum mismatch)");
        var (options, datasetPath, fingerprint) = ReadConfig(folder);
        if (fingerprint != dataset.Fingerprint)
            throw new SegueException($"{folder}: fitted on another dataset ({datasetPath}, fingerprint {fingerprint:x16}), " +
                $"not {dataset.FilePath} (fingerprint {dataset.Fingerprint:x16}): another split or other URIs; fit it again");
        var model = options.Model is null ? null : Model.ModelFile.Load(options.Model, dataset);
        if (options.Model is not null) CheckTrainedModel(options.Model, manifest.TrainedModelChecksum, manifestPath);
        string factorsPath = Path.Combine(folder, TrackFactors.FileName);
        CheckSum(factorsPath, manifest.FactorsChecksum, "track factors");
        var generators = options.Generators;
        var factors = TrackFactors.Load(factorsPath, dataset.TrackCount, generators.Als.Factors, generators.Als.Alpha, generators.Als.Regularization,
            Environment.ProcessorCount);
        var sources = new CandidateSources(statistics, generators, model, factors);
        return new RankerRecommender(sources, LambdaRankModel.Load(bytes, modelPath), options.Depth);
    }

    /// <summary>The checksum a manifest records of the trained model a ranker is fitted with
    /// (<see cref="RankerOptions.Model"/>), taken when the fit opens it.</summary>
    internal static string TrainedModelChecksum(string modelPath) => FileChecksum(modelPath);

    // The trained model is read from where the fit found it: another file there (retrained, or
    // another run's copied over) would give other features than the ranker learned from.
    private static void CheckTrainedModel(string modelPath, string? expected, string manifestPath)
    {
        if (expected is null)
            throw new SegueException($"{manifestPath}: no checksum of the trained model {modelPath} (fitted by an older build); fit it again");
        string actual = FileChecksum(modelPath);
        if (actual != expected)
            throw new SegueException($"{modelPath}: not the model this ranker was fitted with (checksum {actual}, the ranker's {expected}); " +
                "fit the ranker again with this model");
    }

    /// <summary>Writes the folder's own files into <paramref name="folder"/> (a fresh temporary folder);
    /// <paramref name="trainedModelChecksum"/> is that of the trained model the options name, if any.</summary>
    internal static void Write(string folder, RankerOptions options, Dataset dataset, LambdaRankModel model, TrackFactors factors, float[] importance,
        string? trainedModelChecksum)
    {
        RunConfig.Write(new RunFolder(folder), [new(ConfigSection, JsonSerializer.SerializeToNode(options, ModelConfig.Json))],
            dataset.FilePath, dataset.Fingerprint);
        var configBytes = File.ReadAllBytes(Path.Combine(folder, ConfigFile));
        AtomicFile.WriteAllBytes(Path.Combine(folder, ModelFile), model.Bytes);
        string factorsPath = Path.Combine(folder, TrackFactors.FileName);
        factors.Save(factorsPath);
        var manifest = new Manifest(Format, [.. RankingFeatures.Names], Checksum(configBytes), Checksum(model.Bytes), FileChecksum(factorsPath),
            trainedModelChecksum);
        AtomicFile.WriteAllText(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(manifest, ModelConfig.Json) + "\n");
        var ranked = new JsonObject();
        foreach (var (name, gain) in RankingFeatures.Names.Zip(importance).OrderByDescending(p => p.Second).ThenBy(p => p.First, StringComparer.Ordinal))
            ranked[name] = gain;
        AtomicFile.WriteAllText(Path.Combine(folder, ImportanceFile), ranked.ToJsonString(ModelConfig.Json) + "\n");
    }

    // How a fitted ranker's features differ from this build's, by name.
    private static string FeatureDifference(string[] fitted)
    {
        var missing = RankingFeatures.Names.Except(fitted).ToList();
        var unknown = fitted.Except(RankingFeatures.Names).ToList();
        var parts = new List<string>();
        if (missing.Count > 0) parts.Add($"without {string.Join(", ", missing)}");
        if (unknown.Count > 0) parts.Add($"with {string.Join(", ", unknown)}, which this build does not compute");
        return parts.Count > 0 ? string.Join("; ", parts) : "the same names in another order";
    }

    private static void CheckSum(string path, string expected, string what)
    {
        if (FileChecksum(path) != expected)
            throw new SegueException($"{path}: damaged ranker {what} (checksum mismatch)");
    }

    private static string FileChecksum(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var hash = new XxHash64();
            hash.Append(stream);
            return hash.GetCurrentHashAsUInt64().ToString("x16");
        }
        catch (FileNotFoundException) { throw new SegueException($"{path}: no such file (the ranker folder is incomplete)"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SegueException($"{path}: cannot read: {e.Message}", e);
        }
    }

    private static string Checksum(ReadOnlySpan<byte> bytes) => XxHash64.HashToUInt64(bytes).ToString("x16");

    private static byte[] ReadBytes(string path)
    {
        try { return File.ReadAllBytes(path); }
        catch (FileNotFoundException) { throw new SegueException($"{path}: no such file (the ranker folder is incomplete)"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SegueException($"{path}: cannot read: {e.Message}", e);
        }
    }

    /// <summary>The manifest, <c>ranker.json</c>: <see cref="ModelChecksum"/> is LambdaRank's,
    /// <see cref="TrainedModelChecksum"/> that of the trained model whose affinities are features (null without one).</summary>
    private sealed record Manifest(int Format, string[] Features, string ConfigChecksum, string ModelChecksum, string FactorsChecksum,
        string? TrainedModelChecksum = null);
}
