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
        var command = new Command("serve", "Serve recommendations over HTTP (a JSON API and a web page) until Ctrl-C") { sources, named, dataset, urls, runs };
        command.SetAction(parse =>
        {
            try
            {
                var specs = (parse.GetValue(sources) ?? []).Select(s => RecommenderSpec.Parse(s, "recommenders"))
                    .Concat((parse.GetValue(named) ?? []).Select(s => RecommenderSpec.Parse(s, "model"))).ToList();
                var options = new ServeOptions(specs, parse.GetValue(dataset), parse.GetValue(urls), parse.GetValue(runs));
                return SegueServer.RunAsync(options).GetAwaiter().GetResult();
            }
            catch (RequestFieldException e)
            {
                throw new SegueException($"{Option(e.Field)}: {e.Problem}");
            }
        });
        return command;
    }

    // The library names its settings; the command line says them as its options.
    private static string Option(string field) => field switch
    {
        "recommenders" => "MODEL|RUN",
        "name" => "--model",
        _ => "--" + field,
    };
}
