using System.CommandLine;
using Segue.Retrieval;

namespace Segue.Cli;

/// <summary>The command-line options of the candidate generators' settings, shared by
/// <c>segue eval</c> (a generator alone) and <c>segue fit</c> (the ranker's generators).</summary>
public sealed class GeneratorOptions
{
    private static readonly GeneratorSettings Defaults = new();
    private readonly Option<float> _a = new("--cooc-a") { Description = "Co-occurrence: exponent of the seed's popularity", DefaultValueFactory = _ => Defaults.CooccurrenceA };
    private readonly Option<float> _b = new("--cooc-b") { Description = "Co-occurrence: exponent of the candidate's popularity (a = b = 0.5: cosine; 0, 0: raw counts)", DefaultValueFactory = _ => Defaults.CooccurrenceB };
    private readonly Option<int> _maxPlaylists = new("--cooc-max-playlists") { Description = "Co-occurrence: a seed in more playlists walks an even sample of this many (bounds the cost of popular seeds at MPD scale)", DefaultValueFactory = _ => Defaults.CooccurrenceMaxPlaylistsPerSeed };
    private readonly Option<int> _k = new("--pknn-k") { Description = "Playlist kNN: neighbour playlists", DefaultValueFactory = _ => Defaults.PknnK };
    private readonly Option<float> _rho = new("--pknn-rho") { Description = "Playlist kNN: seed weight 1/((pop-1)^rho+1)", DefaultValueFactory = _ => Defaults.PknnRho };
    private readonly Option<float> _alpha = new("--pknn-alpha") { Description = "Playlist kNN: power of the normalised neighbour similarity", DefaultValueFactory = _ => Defaults.PknnAlpha };
    private readonly Option<float> _tokenWeight = new("--title-token-weight") { Description = "Title model: weight of the title's words beside the whole title", DefaultValueFactory = _ => Defaults.TitleTokenWeight };

    private readonly Option<int> _factors = new("--als-factors") { Description = "Implicit ALS: number of factors", DefaultValueFactory = _ => Defaults.AlsFactors };
    private readonly Option<int> _iterations = new("--als-iterations") { Description = "Implicit ALS: alternating iterations", DefaultValueFactory = _ => Defaults.AlsIterations };
    private readonly Option<float> _confidence = new("--als-alpha") { Description = "Implicit ALS: a held track's confidence is 1 + alpha", DefaultValueFactory = _ => Defaults.AlsAlpha };
    private readonly Option<float> _regularization = new("--als-regularization") { Description = "Implicit ALS: L2 regularisation of the factors", DefaultValueFactory = _ => Defaults.AlsRegularization };

    public IEnumerable<Option> All => [_a, _b, _maxPlaylists, _k, _rho, _alpha, _tokenWeight, _factors, _iterations, _confidence, _regularization];

    public GeneratorSettings Read(ParseResult parse) => new()
    {
        CooccurrenceA = parse.GetValue(_a),
        CooccurrenceB = parse.GetValue(_b),
        CooccurrenceMaxPlaylistsPerSeed = parse.GetValue(_maxPlaylists),
        PknnK = parse.GetValue(_k),
        PknnRho = parse.GetValue(_rho),
        PknnAlpha = parse.GetValue(_alpha),
        TitleTokenWeight = parse.GetValue(_tokenWeight),
        AlsFactors = parse.GetValue(_factors),
        AlsIterations = parse.GetValue(_iterations),
        AlsAlpha = parse.GetValue(_confidence),
        AlsRegularization = parse.GetValue(_regularization),
    };
}
