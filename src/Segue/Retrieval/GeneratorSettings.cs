using System.Text.Json.Serialization;
using Segue.Factorisation;
using Segue.Settings;

namespace Segue.Retrieval;

/// <summary>The settings of every candidate generator and of the factorisation, each in its own record and each defaulting to
/// its best measured value; a baseline run and a ranker record them (one flat object of keys).</summary>
[JsonConverter(typeof(FlatSettingsConverter<GeneratorSettings>))]
public sealed record GeneratorSettings
{
    /// <summary>The largest popularity exponent (co-occurrence a and b, playlist kNN rho and alpha):
    /// a playlist count below 2^31 raised to -10 is still a positive double, so no seed's weight
    /// rounds to 0 (which the score buffers read as "not touched").</summary>
    public const float MaxExponent = 10;

    public CoOccurrenceSettings CoOccurrence { get; init; } = new();
    public PlaylistKnnSettings PlaylistKnn { get; init; } = new();
    public TitleSettings Title { get; init; } = new();
    public AlsSettings Als { get; init; } = new();

    /// <summary>Throws a one-line <see cref="SettingException"/> naming the first setting out of
    /// its range by its config key; every number must be finite.</summary>
    public void Validate() => SettingTable.Of<GeneratorSettings>().Validate(this);
}
