using System.CommandLine;
using Segue.Server;
using Segue.Serving;

namespace Segue.Cli.Commands;

/// <summary><c>segue serve MODEL|RUN... [--model NAME=SPEC]</c>: the HTTP API and the web page.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var sources = new Argument<string[]>("recommenders")
        {
            Description = $"What to serve: model files, run folders or {RecommenderSpec.BaselinePrefix}NAME, each under its default name (the folder's, the file's or the baseline's)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var named = new Option<string[]>("--model") { Description = "Serve SPEC under NAME: NAME=SPEC (repeatable); the page compares them side by side" };
        var dataset = new Option<string?>("--dataset") { Description = "The dataset to serve (default: the one the first model's run folder records)" };
        var urls = new Option<string[]>("--urls") { Description = $"Addresses to listen on (default {ServeOptions.DefaultUrl}: this machine only)" };
        var runs = new Option<string?>("--runs") { Description = "A folder of training runs to show on the page" };
        var hosts = new Option<string[]>("--allowed-host")
        {
            Description = $"A host name requests may be addressed to (repeatable; default {string.Join(", ", ServeOptions.LoopbackHosts)}); others are refused, against DNS rebinding",
        };
        var origins = new Option<string[]>("--cors-origin") { Description = "An origin (https://example.org) whose pages may call the API (repeatable; default none: CORS off)" };
        var tokenFile = new Option<string?>("--token-file") { Description = "A file whose first line is a token every API request must carry (Authorization: Bearer TOKEN)" };
        var showPaths = new Option<bool>("--show-paths") { Description = "Show absolute paths and machine details in responses (default: names relative to --runs, no machine)" };
        var command = new Command("serve", "Serve recommendations over HTTP (a JSON API and a web page) until Ctrl-C")
        {
            sources, named, dataset, urls, runs, hosts, origins, tokenFile, showPaths,
        };
        command.SetAction(parse =>
        {
            try
            {
                var specs = (parse.GetValue(sources) ?? []).Select(s => RecommenderSpec.Parse(s, "recommenders"))
                    .Concat((parse.GetValue(named) ?? []).Select(s => RecommenderSpec.Parse(s, "model"))).ToList();
                var options = new ServeOptions(specs, parse.GetValue(dataset), parse.GetValue(urls), parse.GetValue(runs),
                    parse.GetValue(hosts), parse.GetValue(origins), parse.GetValue(tokenFile) is { } file ? ReadToken(file) : null, parse.GetValue(showPaths));
                return SegueServer.RunAsync(options).GetAwaiter().GetResult();
            }
            catch (RequestFieldException e)
            {
                throw new SegueException($"{Option(e.Field)}: {e.Problem}");
            }
        });
        return command;
    }

    private static string ReadToken(string file)
    {
        if (!File.Exists(file)) throw new SegueException($"--token-file: {file}: no such file");
        string line;
        try
        {
            line = File.ReadLines(file).FirstOrDefault()?.Trim() ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SegueException($"--token-file: {file}: cannot read it ({e.Message})");
        }
        return line.Length > 0 ? line : throw new SegueException($"--token-file: {file}: the first line is empty: expected the token");
    }

    // The library names its settings; the command line says them as its options.
    private static string Option(string field) => field switch
    {
        "recommenders" => "MODEL|RUN",
        "name" => "--model",
        _ => "--" + field,
    };
}
