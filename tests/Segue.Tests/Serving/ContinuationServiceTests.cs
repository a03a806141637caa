using Segue.Data;
using Segue.Model;
using Segue.Retrieval;
using Segue.Serving;
using Segue.Structures;
using Segue.Tests.Evaluation;

namespace Segue.Tests.Serving;

public sealed class ContinuationServiceTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _dataset;
    private readonly string _model;

    public ContinuationServiceTests()
    {
        _dataset = EvalDatasets.Random(_dir);
        using var dataset = Dataset.Open(_dataset);
        var model = EmbeddingModel.Initialise(new ModelConfig { AlbumBuckets = 0, Seed = 4 }, Catalog.FromDataset(dataset), new Rng(4));
        _model = _dir.File("book.segue");
        ModelFile.Save(_model, model);
    }

    public void Dispose() => _dir.Dispose();

    private ContinuationService Open() =>
        ContinuationService.Open([RecommenderSpec.Parse(_model, "recommenders"), RecommenderSpec.Parse("cooc=baseline:cooccurrence", "--model"),
            RecommenderSpec.Parse("baseline:popularity", "recommenders")], _dataset, ContinuationLimits.Server);

    private static string Uri(int n) => EvalDatasets.T(n).TrackUri;

    [Fact]
    public void Continue_ranks_as_the_recommenders_own_scorer_with_the_catalogue_entries()
    {
        using var service = Open();
        var dataset = service.Dataset;
        foreach (var served in service.Recommenders)
        {
            string[] uris = [Uri(3), "spotify:track:unknown", Uri(40), Uri(3)];
            var answer = service.Continue(new ContinuationRequest("t", uris, 25, served.Name));

            // The reference: the recommender's own scorer on the known seeds' ids.
            int[] seeds = [.. uris.Where(u => dataset.TryGetTrack(u, out _)).Select(u => dataset.TryGetTrack(u, out int id) ? id : -1)];
            var expected = new ScoredTrack[25];
            int n = served.Recommender.CreateScorer().Recommend(new PlaylistQuery(seeds, "t", SeedOrder.First), excludeSeeds: true, expected);
            Assert.Equal(25, n);
            Assert.Equal(served.Name, answer.Recommender);
            Assert.Equal(expected.Select(e => dataset.TrackUri(e.Track)), answer.Tracks.Select(t => t.Uri));
            Assert.Equal(expected.Select(e => e.Score), answer.Tracks.Select(t => t.Score));
            Assert.All(answer.Tracks.Zip(expected), p => Assert.Equal(
                (dataset.TrackName(p.Second.Track), dataset.ArtistName(dataset.TrackArtists[p.Second.Track]), dataset.AlbumName(dataset.TrackAlbums[p.Second.Track])),
                (p.First.Name, p.First.Artist, p.First.Album)));
            Assert.Equal(["spotify:track:unknown"], answer.Unknown);
            Assert.False(answer.Fallback);
        }
    }

    [Fact]
    public void A_tables_ids_are_any_text_but_empty_and_an_MPD_datasets_are_spotify_uris()
    {
        string path = _dir.File("table.segue");
        var builder = new DatasetBuilder(testEvery: 0, testOffset: 0, format: DatasetMeta.Table);
        for (int p = 0; p < 20; p++)
            builder.AddPlaylist(p, "mix", 0, [.. Enumerable.Range(0, 6).Select(i => (p + i) % 9)
                .Select(t => new TrackRecord($"id {t}, b-side", $"al {t}", $"ar {t}", $"Song {t}", "Album", "Artist", 1000))]);
        builder.Write(path);
        using var table = ContinuationService.Open([RecommenderSpec.Parse("baseline:cooccurrence", "model")], path, ContinuationLimits.Server);
        var answer = table.Continue(new ContinuationRequest(null, ["id 1, b-side", "spotify:track:x"], 3));
        Assert.Equal(3, answer.Tracks.Count);
        Assert.All(answer.Tracks, t => Assert.Matches(@"^id \d, b-side$", t.Uri));
        Assert.Equal(["spotify:track:x"], answer.Unknown);
        Assert.Null(table.TrackIdProblem("spotify:album:1"));
        Assert.Equal("tracks[1]: expected a track id, got \"\"", Assert.Throws<RequestFieldException>(() => table.Continue(new(null, ["id 1, b-side", ""]))).Message);
        Assert.Equal("expected a track id, got null", table.TrackIdProblem(null));
        using var mpd = Open();
        Assert.Equal("expected a spotify:track: URI, got \"id 1, b-side\"", mpd.TrackIdProblem("id 1, b-side"));
    }

    [Fact]
    public void With_no_known_seed_seed_based_recommenders_say_the_fallback_answered()
    {
        using var service = Open();
        var popular = service.Popularity.Ranking[..10].ToArray().Select(service.Dataset.TrackUri).ToList();
        foreach (var (name, fallback) in new[] { ("book", true), ("cooc", true), ("popularity", false) })
        {
            var answer = service.Continue(new ContinuationRequest("a title", ["spotify:track:nope"], 10, name));
            Assert.Equal(fallback, answer.Fallback);
            Assert.Equal(popular, answer.Tracks.Select(t => t.Uri));
        }
        Assert.True(service.Continue(new ContinuationRequest()).Fallback);   // nothing at all: the first served, book
    }

    [Theory]
    [InlineData(0, null, null, "k: must be between 1 and 500, got 0")]
    [InlineData(501, null, null, "k: must be between 1 and 500, got 501")]
    [InlineData(5, "nope", null, "recommender: unknown recommender 'nope' (served: book, cooc, popularity)")]
    [InlineData(5, null, "spotify:album:al1", "tracks[2]: expected a spotify:track: URI, got \"spotify:album:al1\"")]
    [InlineData(5, null, "", "tracks[2]: expected a spotify:track: URI, got \"\"")]
    [InlineData(5, null, "spotify:track:", "tracks[2]: expected a spotify:track: URI, got \"spotify:track:\"")]
    public void Bad_requests_name_the_field(int k, string? recommender, string? third, string message)
    {
        using var service = Open();
        List<string> tracks = [Uri(1), Uri(2)];
        if (third is not null) tracks.Add(third);
        var e = Assert.Throws<RequestFieldException>(() => service.Continue(new ContinuationRequest(null, tracks, k, recommender)));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Too_many_tracks_a_null_uri_and_a_long_title_are_refused()
    {
        using var service = Open();
        var many = Enumerable.Repeat(Uri(1), 251).ToList();
        Assert.Equal("tracks: at most 250 tracks, got 251", Assert.Throws<RequestFieldException>(() => service.Continue(new(null, many))).Message);
        var withNull = new List<string> { Uri(1), null! };
        Assert.Equal("tracks[1]: expected a spotify:track: URI, got null", Assert.Throws<RequestFieldException>(() => service.Continue(new(null, withNull))).Message);
        Assert.Equal("title: longer than 200 characters", Assert.Throws<RequestFieldException>(() => service.Continue(new(new string('x', 201)))).Message);
        var e = Assert.Throws<RequestFieldException>(() => service.Continue(new(null, ["spotify:album:" + new string('y', 100)])));
        Assert.Equal($"expected a spotify:track: URI, got \"spotify:album:{new string('y', 66)}...\"", e.Problem);
        Assert.Equal("tracks[0]", e.Field);
    }

    [Fact]
    public void Queries_reuse_pooled_scratch_instead_of_creating_it_per_request()
    {
        using var service = Open();
        for (int i = 0; i < 30; i++) service.Continue(new ContinuationRequest(null, [Uri(i)], 10, "book"));
        Assert.Equal(1, service.Recommender("book").ScratchCreated);
        Assert.Equal(0, service.Recommender("cooc").ScratchCreated);
        // A refused request gives its scratch back too.
        Assert.Throws<RequestFieldException>(() => service.Continue(new ContinuationRequest(null, [Uri(1)], 0, "book")));
        service.Continue(new ContinuationRequest(null, [Uri(1)], 10, "book"));
        Assert.Equal(1, service.Recommender("book").ScratchCreated);
    }

    [Fact]
    public void Parallel_queries_answer_as_sequential_ones()
    {
        using var service = Open();
        var requests = Enumerable.Range(0, 200).Select(i => new ContinuationRequest(null, [Uri(i % 300), Uri(i * 7 % 300)], 30, i % 3 == 0 ? "cooc" : "book")).ToList();
        var sequential = requests.Select(r => service.Continue(r)).ToList();
        var parallel = new Continuation[requests.Count];
        Parallel.For(0, requests.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = service.Continue(requests[i]));
        for (int i = 0; i < requests.Count; i++)
        {
            Assert.Equal(sequential[i].Tracks, parallel[i].Tracks);
            Assert.Equal(sequential[i].Unknown, parallel[i].Unknown);
        }
    }

    [Fact]
    public void However_many_threads_query_at_once_scratch_is_created_at_most_for_the_concurrent_slots()
    {
        using var service = Open();
        int threads = 4 * ServedRecommender.MaxConcurrentQueries;
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(w => new Thread(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < 20; i++) service.Continue(new ContinuationRequest(null, [Uri((w * 20 + i) % 300)], 50, "book"));
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        Assert.InRange(service.Recommender("book").ScratchCreated, 1, ServedRecommender.MaxConcurrentQueries);
    }

    [Fact]
    public void Two_recommenders_under_one_name_and_no_dataset_are_refused()
    {
        var twice = Assert.Throws<RequestFieldException>(() =>
            ContinuationService.Open([RecommenderSpec.Parse("a=baseline:popularity", "x"), RecommenderSpec.Parse("a=baseline:cooccurrence", "x")], _dataset, ContinuationLimits.Server));
        Assert.Equal("name: two recommenders are named 'a' (baseline:popularity, baseline:cooccurrence); name them NAME=SPEC", twice.Message);
        var noDataset = Assert.Throws<RequestFieldException>(() => ContinuationService.Open([RecommenderSpec.Parse("baseline:popularity", "x")], null, ContinuationLimits.Server));
        Assert.Equal("dataset: no run folder records the dataset to serve: give it", noDataset.Message);
    }

    [Fact]
    public void A_service_over_an_open_dataset_answers_as_one_that_opens_it_and_leaves_it_open()
    {
        RecommenderSpec[] specs = [RecommenderSpec.Parse(_model, "r"), RecommenderSpec.Parse("cooc=baseline:cooccurrence", "r")];
        using var dataset = Dataset.Open(_dataset);
        using (var opened = ContinuationService.Open(specs, _dataset, ContinuationLimits.None))
        using (var over = ContinuationService.Over(dataset, specs, ContinuationLimits.None))
            foreach (var served in over.Recommenders)
            {
                var request = new ContinuationRequest(null, [Uri(3), Uri(40)], 25, served.Name);
                Assert.Equal(opened.Continue(request).Tracks, over.Continue(request).Tracks);
            }
        // Read after the service is gone: had it disposed the dataset, this would read unmapped memory.
        Assert.True(dataset.TryGetTrack(Uri(3), out _));
    }

    [Fact]
    public void Without_limits_any_playlist_and_any_k_pass_and_a_k_beyond_the_catalogue_lists_all_of_it()
    {
        using var service = ContinuationService.Open([RecommenderSpec.Parse(_model, "r")], _dataset, ContinuationLimits.None);
        // More seeds than the server's limit and than the pooled buffer holds.
        var seeds = Enumerable.Range(0, 1000).Select(i => Uri(i % 300)).ToList();
        var answer = service.Continue(new ContinuationRequest(null, seeds, int.MaxValue));
        int known = seeds.Where(u => service.Dataset.TryGetTrack(u, out _)).Distinct().Count();
        Assert.Equal(service.Dataset.TrackCount - known, answer.Tracks.Count);
        Assert.Equal("k: must be positive", Assert.Throws<RequestFieldException>(() => service.Continue(new(null, null, 0))).Message);
    }
}
