using System.Text.RegularExpressions;
using Segue.Ranking;
using Segue.Retrieval;
using Segue.Runs;
using Segue.Statistics;

namespace Segue.Serving;

/// <summary>
/// What a served recommender is, as the command line names it: <c>baseline:popularity</c>,
/// <c>baseline:cooccurrence</c>, a model file, a run folder (its final model) or a ranker folder,
/// under a name (<c>book=runs/book</c>; by default the folder's name, the model file's, or the
/// baseline's).
/// </summary>
public sealed partial record RecommenderSpec(string Name, string Source)
{
    public const string BaselinePrefix = "baseline:";

    /// <summary>A spec as given: <c>NAME=SOURCE</c> or a bare <c>SOURCE</c>, which takes its default
    /// name. <paramref name="setting"/> names where it came from in errors.</summary>
    public static RecommenderSpec Parse(string text, string setting)
    {
        int equals = text.IndexOf('=');
        // A path may hold '=' (a sweep's run folders do): NAME=SOURCE only when NAME is a plain name.
        if (equals > 0 && NamePattern().IsMatch(text[..equals]))
            return new RecommenderSpec(text[..equals], CheckSource(text[(equals + 1)..], setting));
        string source = CheckSource(text, setting);
        string name = source.StartsWith(BaselinePrefix, StringComparison.Ordinal)
            ? source[BaselinePrefix.Length..]
            : DefaultModelName(source);
        if (!DefaultNamePattern().IsMatch(name))
            throw new RequestFieldException(setting, $"{text}: cannot name it '{name}' (a name is letters, digits and -_.=,); give NAME={text}");
        return new RecommenderSpec(name, source);
    }

    /// <summary>The baseline this spec names, or null for a model.</summary>
    public string? Baseline => Source.StartsWith(BaselinePrefix, StringComparison.Ordinal) ? Source[BaselinePrefix.Length..] : null;

    /// <summary>True when this spec names a ranker folder (<c>segue fit</c>'s output).</summary>
    public bool IsRanker => Baseline is null && RankerFolder.IsRanker(Source);

    /// <summary>The model file a model spec stands for (a run folder's <c>model.segue</c>).</summary>
    public string ModelPath => ModelFile(Source);

    /// <summary>The dataset a model's run folder, or a ranker's config, records; null for a baseline or a
    /// model without a run config beside it.</summary>
    public string? RecordedDatasetPath =>
        Baseline is not null ? null
        : IsRanker ? RankerFolder.ReadConfig(Source).DatasetPath
        : Path.GetDirectoryName(Path.GetFullPath(ModelPath)) is { } folder ? new RunFolder(folder).ReadDatasetPath() : null;

    /// <summary>The recommender this spec names, over <paramref name="statistics"/> (see <see cref="OpenModel"/>).</summary>
    public ServedRecommender Open(TrainingStatistics statistics, bool cosine = false) =>
        Baseline is { } baseline
            ? new ServedRecommender(this, Baselines.Build(statistics, [baseline])[0],
                needsSeeds: baseline is not (PopularityRecommender.BaselineName or TitleRecommender.BaselineName),
                readsTitle: baseline == TitleRecommender.BaselineName)
            : new ServedRecommender(this, OpenModel(Source, statistics, cosine), needsSeeds: !IsRanker, readsTitle: IsRanker);

    /// <summary>The one place a model, run or ranker path becomes a recommender: a ranker folder is the
    /// ranker (full lists of its own, from the title too); a model is backed by popularity for what it
    /// cannot rank (title-only playlists have no seed to start from). <paramref name="cosine"/> scores
    /// a model by cosine similarity.</summary>
    public static IRecommender OpenModel(string path, TrainingStatistics statistics, bool cosine) =>
        RankerFolder.IsRanker(path)
            ? RankerFolder.Open(path, statistics)
            : new PopularityBackfill(ModelRecommender.Open(ModelFile(path), statistics.Dataset, cosine), new PopularityRecommender(statistics));

    /// <summary>The model file of <paramref name="path"/>: a run folder stands for its final model.</summary>
    public static string ModelFile(string path) => Directory.Exists(path) ? new RunFolder(path).ModelPath : path;

    private static string CheckSource(string source, string setting)
    {
        if (source.Length == 0) throw new RequestFieldException(setting, "empty: expected a model file, a run folder or baseline:NAME");
        if (source.StartsWith(BaselinePrefix, StringComparison.Ordinal) && !Baselines.Names.Contains(source[BaselinePrefix.Length..]))
            throw new RequestFieldException(setting, $"{source}: unknown baseline (known: {string.Join(", ", Baselines.Names.Select(n => BaselinePrefix + n))})");
        return source;
    }

    // A run folder is named by itself, a run's model.segue by its folder, any other model file by itself.
    private static string DefaultModelName(string source)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(source));
        if (Directory.Exists(full)) return Path.GetFileName(full);
        string? folder = Path.GetDirectoryName(full);
        return folder is not null && full == new RunFolder(folder).ModelPath ? Path.GetFileName(folder) : Path.GetFileNameWithoutExtension(full);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+$")]
    private static partial Regex NamePattern();

    // A default name may also hold what a sweep's run folder names do (optimizer=adam,feature_size=16).
    [GeneratedRegex(@"^[A-Za-z0-9_.=,-]+$")]
    private static partial Regex DefaultNamePattern();
}
