using Segue.Factorisation;
using Segue.Retrieval;

namespace Segue.Tests.Retrieval;

public class GeneratorSettingsTests
{
    public static TheoryData<GeneratorSettings, string> OutOfRange => new()
    {
        { new() { CoOccurrence = new() { SeedExponent = 1e30f } }, "cooccurrence_a 1E+30: must be between 0 and 10" },
        { new() { CoOccurrence = new() { SeedExponent = float.PositiveInfinity } }, "cooccurrence_a Infinity: must be between 0 and 10" },
        { new() { CoOccurrence = new() { CandidateExponent = float.NaN } }, "cooccurrence_b NaN: must be between 0 and 10" },
        { new() { CoOccurrence = new() { CandidateExponent = -0.5f } }, "cooccurrence_b -0.5: must be between 0 and 10" },
        { new() { CoOccurrence = new() { MaxPlaylistsPerSeed = 0 } }, "cooccurrence_max_playlists_per_seed 0: must be positive" },
        { new() { PlaylistKnn = new() { K = 1_000_000_000 } }, "pknn_k 1000000000: must be between 1 and 1000000" },
        { new() { PlaylistKnn = new() { Rho = 1e30f } }, "pknn_rho 1E+30: must be between 0 and 10" },
        { new() { PlaylistKnn = new() { Alpha = float.PositiveInfinity } }, "pknn_alpha Infinity: must be between 0 and 10" },
        { new() { PlaylistKnn = new() { MaxPlaylistsPerSeed = -1 } }, "pknn_max_playlists_per_seed -1: must be 0 (all) or positive" },
        { new() { Title = new() { TokenWeight = float.PositiveInfinity } }, "title_token_weight Infinity: must be between 0 and 1000" },
        { new() { Title = new() { MaxPlaylists = -1 } }, "title_max_playlists -1: must be positive" },
        { new() { Als = new(Factors: 0) }, "als_factors 0: must be between 1 and 1024" },
        { new() { Als = new(Iterations: 2_000_000_000) }, "als_iterations 2000000000: must be between 0 and 1000" },
        { new() { Als = new(Alpha: 3e38f) }, "als_alpha 3E+38: must be between 0 and 10000" },
        { new() { Als = new(Regularization: 1e30f) }, "als_regularization 1E+30: must be positive and at most 10000" },
        { new() { Als = new(Regularization: 0) }, "als_regularization 0: must be positive and at most 10000" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Every_setting_out_of_its_range_is_refused_by_its_config_key(GeneratorSettings settings, string message)
    {
        var e = Assert.Throws<SettingException>(settings.Validate);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void The_defaults_and_the_bounds_themselves_are_accepted()
    {
        new GeneratorSettings().Validate();
        new GeneratorSettings
        {
            CoOccurrence = new() { SeedExponent = GeneratorSettings.MaxExponent, CandidateExponent = 0 },
            PlaylistKnn = new() { K = PlaylistKnnSettings.MaxNeighbours, Rho = GeneratorSettings.MaxExponent, Alpha = 0 },
            Title = new() { TokenWeight = TitleSettings.MaxTokenWeight },
            Als = new(AlsSettings.MaxFactors, AlsSettings.MaxIterations, AlsSettings.MaxAlpha, AlsSettings.MaxRegularization),
        }.Validate();
    }
}
