using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Segue.IO;
using Segue.Settings;
using static Segue.SettingException;

namespace Segue.Model;

public enum OptimizerKind { Sgd, Adam, RmsProp, Adagrad }

/// <summary>How the affinities of a candidate to the context items are combined: the book's
/// maximum, or their mean (one of the book's exercises).</summary>
public enum Aggregation { Max, Mean }

/// <summary>The weight of each of the six loss terms; 0 switches a term off (and skips its work).</summary>
public sealed record LossWeights(
    [property: Setting("weights.extremal_triplet", "Weight of the extremal triplet loss (0: off)", Option = "w-extremal", Min = 0)] float ExtremalTriplet = 1,
    [property: Setting("weights.mean_triplet", "Weight of the mean triplet loss (0: off)", Option = "w-mean", Min = 0)] float MeanTriplet = 1,
    [property: Setting("weights.reg", "Weight of the norm penalty (0: off)", Option = "w-reg", Min = 0)] float Reg = 1,
    [property: Setting("weights.context_self", "Weight of the context items' self-similarity term (0: off)", Option = "w-context-self", Min = 0)] float ContextSelf = 1,
    [property: Setting("weights.next_self", "Weight of the next track's self-similarity term (0: off)", Option = "w-next-self", Min = 0)] float NextSelf = 1,
    [property: Setting("weights.negative_self", "Weight of the negatives' self-similarity term (0: off)", Option = "w-negative-self", Min = 0)] float NegativeSelf = 1);

/// <summary>
/// Everything that defines a trained model: the representation, the loss and the optimiser.
/// The defaults are the book's model. Recorded in the run's <c>config.json</c>, in every
/// checkpoint and in the model file, so a model says exactly how it was made.
/// </summary>
public sealed record ModelConfig
{
    /// <summary>The constant added to the affinity when the candidate shares the album, and again
    /// when it shares the artist, with any context item (no gradient flows through it).</summary>
    public const float SharedBonus = 0.1f;

    [Setting("feature_size", "F: album and artist embeddings are F wide, tracks 2F", Min = 1, Max = 4096)]
    public int FeatureSize { get; init; } = 32;
    /// <summary>Album id <c>a</c> uses row <c>a mod AlbumBuckets</c>; 0 gives every album its own row.</summary>
    [Setting("album_buckets", "Album rows (album id mod N); 0: one row per album", Min = 0, Zero = "one row per album")]
    public int AlbumBuckets { get; init; } = 100_000;
    /// <summary>Rows of the optional per-track table (track id mod TrackBuckets, 2F wide, added to
    /// the representation); 0 means no track table, as in the book.</summary>
    [Setting("track_buckets", "Rows of a hashed per-track table added to the representation; 0: none", Min = 0, Zero = "no track table")]
    public int TrackBuckets { get; init; }
    /// <summary>Adds a learned 2F vector scaled by the track's standardised duration.</summary>
    [Setting("duration", "Add a learned vector scaled by the standardised track duration")]
    public bool Duration { get; init; }
    [Setting("aggregation", "max (book) or mean over the context")]
    public Aggregation Aggregation { get; init; } = Aggregation.Max;

    [Setting("context_length", "K: context tracks per example", Min = 1, Max = MaxContextLength)]
    public int ContextLength { get; init; } = 5;
    [Setting("min_length", "Shortest playlist used as an example")]
    public int MinLength { get; init; } = 10;
    [Setting("num_negatives", "Negatives drawn per step", Min = 1, Max = MaxNegatives)]
    public int NumNegatives { get; init; } = 64;
    /// <summary>Row norms above this are penalised (the book's <c>reg</c>).</summary>
    [Setting("reg", "Row norms above this are penalised", Min = 0)]
    public float Reg { get; init; } = 10;
    public LossWeights Weights { get; init; } = new();

    [Setting("optimizer", "sgd (momentum, dense-equivalent), adam (lazy), rmsprop (dense-equivalent), adagrad (lazy = dense)")]
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;
    /// <summary>The default is the optimiser's (<see cref="DefaultLearningRate"/>).</summary>
    [Setting("learning_rate", "Learning rate (default 1e-3; adagrad 1e-2)", Option = "lr", Min = 0, AboveMin = true)]
    public float LearningRate { get; init; } = 1e-3f;
    /// <summary>SGD's heavy-ball momentum.</summary>
    [Setting("momentum", "SGD momentum", Min = 0, Max = 1, BelowMax = true)]
    public float Momentum { get; init; } = 0.98f;
    [Setting("beta1", "Adam's decay of the mean gradient", Min = 0, Max = 1, BelowMax = true)]
    public float Beta1 { get; init; } = 0.9f;
    [Setting("beta2", "Adam's decay of the mean squared gradient", Min = 0, Max = 1, BelowMax = true)]
    public float Beta2 { get; init; } = 0.999f;
    /// <summary>RMSProp's decay of the mean squared gradient.</summary>
    [Setting("rms_decay", "RMSProp's decay of the mean squared gradient", Min = 0, Max = 1, BelowMax = true)]
    public float RmsDecay { get; init; } = 0.9f;
    [Setting("epsilon", "The optimisers' guard against division by zero", Min = 0, AboveMin = true)]
    public float Epsilon { get; init; } = 1e-8f;

    [Setting("seed", "Random seed (initialisation, negatives)")]
    public ulong Seed { get; init; }

    /// <summary>The default learning rate of each optimiser: the book's 1e-3 for SGD, the usual
    /// 1e-3 for Adam and RMSProp, 1e-2 for Adagrad (whose steps shrink as squares accumulate).</summary>
    public static float DefaultLearningRate(OptimizerKind kind) => kind == OptimizerKind.Adagrad ? 1e-2f : 1e-3f;

    /// <summary>Rows of the album table for a catalogue with <paramref name="albumCount"/> albums.</summary>
    public int AlbumRows(int albumCount) => AlbumBuckets > 0 ? AlbumBuckets : Math.Max(albumCount, 1);

    /// <summary>The most negatives a step may draw, and the longest context: a step's scratch grows
    /// with their squares.</summary>
    public const int MaxNegatives = 4096, MaxContextLength = 1024;

    /// <summary>Throws a one-line <see cref="SettingException"/> naming the first bad setting by its key.</summary>
    public void Validate()
    {
        SettingTable.Of<ModelConfig>().Validate(this);
        RequireTable("album_buckets", AlbumBuckets, FeatureSize);
        RequireTable("track_buckets", TrackBuckets, 2 * FeatureSize);
        Require(MinLength > ContextLength, "min_length", MinLength, $"greater than context_length ({ContextLength}), so every example has a next track");
    }

    /// <summary>Throws a one-line <see cref="SettingException"/> when the model's tables for
    /// <paramref name="catalog"/> do not fit: a table beyond the largest array, or the tables and
    /// their optimiser state beyond the memory this process may use.</summary>
    public void ValidateSize(Catalog catalog)
    {
        Require(AlbumBuckets > 0 || (long)AlbumRows(catalog.AlbumCount) * FeatureSize <= Array.MaxLength, "album_buckets", AlbumBuckets,
            $"positive: one row per album ({catalog.AlbumCount} albums) at feature_size {FeatureSize} is more than a table holds ({Array.MaxLength} values)");
        long values = (long)AlbumRows(catalog.AlbumCount) * FeatureSize + (long)catalog.ArtistCount * FeatureSize
            + (long)TrackBuckets * 2 * FeatureSize + (Duration ? 2 * FeatureSize : 0);
        int copies = 1 + (Optimizer == OptimizerKind.Adam ? 2 : 1);   // the parameters and the optimiser's state slots
        long bytes = values * sizeof(float) * copies;
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        Require(bytes <= available, "feature_size", FeatureSize,
            FormattableString.Invariant($"smaller: the tables and optimiser state need {bytes / (double)(1 << 30):F1} GiB, more than the {available / (double)(1 << 30):F1} GiB available"));
    }

    /// <summary>A table of <paramref name="rows"/> x <paramref name="cols"/> values must fit in one array.</summary>
    private void RequireTable(string key, int rows, int cols)
    {
        long most = Array.MaxLength / cols;
        Require(rows <= most, key, rows, $"at most {most} at feature_size {FeatureSize}: a table holds at most {Array.MaxLength} values");
    }

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public JsonNode ToJsonNode() => JsonSerializer.SerializeToNode(this, Json)!;

    /// <summary>Reads a config written by <see cref="ToJson"/>; <paramref name="source"/> names the
    /// file in the error.</summary>
    public static ModelConfig FromJson(JsonNode? node, string source)
    {
        try
        {
            var config = node.Deserialize<ModelConfig>(Json) ?? throw new JsonException("null config");
            config.Validate();
            return config;
        }
        catch (Exception e) when (e is JsonException or SegueException)
        {
            throw new SegueException($"{source}: bad model config: {(e is JsonException ? JsonErrors.Describe(e) : e.Message)}", e);
        }
    }

    /// <summary>The first setting where <paramref name="other"/> differs, as "name: this vs other",
    /// or null when the two are the same model and optimiser.</summary>
    public string? FirstDifference(ModelConfig other)
    {
        var a = (JsonObject)ToJsonNode();
        var b = (JsonObject)other.ToJsonNode();
        foreach (var (name, value) in a)
        {
            var theirs = b[name];
            if (!JsonNode.DeepEquals(value, theirs))
                return $"{name}: {value?.ToJsonString()} vs {theirs?.ToJsonString()}";
        }
        return null;
    }
}
