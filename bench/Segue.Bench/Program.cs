using Segue.Bench;

// Benchmarks print their figures; run them in Release:
//   dotnet run -c Release --project bench/Segue.Bench -- NAME [options]
var benchmarks = new Dictionary<string, Func<string[], int>>
{
    ["synth"] = SynthBenchmark.Run,
    ["eval"] = EvalBenchmark.Run,
    ["ingest"] = IngestBenchmark.Run,
    ["table-ingest"] = TableIngestBenchmark.Run,
    ["train"] = TrainBenchmark.Run,
    ["score"] = ScoreBenchmark.Run,
    ["open"] = OpenBenchmark.Run,
    ["rank"] = RankBenchmark.Run,
    ["page"] = PageBenchmark.Run,
    ["sizes"] = SizesBenchmark.Run,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Segue.Bench {{{string.Join('|', benchmarks.Keys)}}} [options]");
    return 2;
}
return run(args[1..]);
