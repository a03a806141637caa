using System.CommandLine;
using Segue.Cli.Commands;

namespace Segue.Cli;

/// <summary>The <c>segue</c> program: parses the command line, runs the command, and turns a
/// <see cref="SegueException"/> into one line on stderr and exit code 1.</summary>
public static class App
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("Segue: playlist continuation on Spotify Million Playlist Dataset-format data.");
        foreach (var command in CommandCatalog.All())
            root.Subcommands.Add(command);
        try
        {
            var parse = root.Parse(args);
            // A bad option is one line too (the parser's own report adds the whole help text).
            if (parse.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
            {
                Output.Error(string.Join("; ", parse.Errors.Select(e => e.Message.ReplaceLineEndings(" "))));
                return 2;
            }
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (SegueException e)
        {
            Output.Error(e.Message);
            return 1;
        }
        catch (OperationCanceledException)
        {
            Output.Error("cancelled");
            return 130;
        }
    }
}
