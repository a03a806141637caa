using System.CommandLine;
using Segue.Cli.Commands;

namespace Segue.Cli;

/// <summary>The <c>segue</c> program: parses the command line, runs the command, and turns a
/// <see cref="SegueException"/> into one line on stderr and exit code 1. A failure of the file
/// system that no library call put into words is one line too, never a stack trace.</summary>
public static class App
{
    /// <summary>The whole command tree, as <see cref="Run"/> parses it (docs/cli.md is its help).</summary>
    public static RootCommand Root()
    {
        var root = new RootCommand("Segue: playlist continuation on Spotify Million Playlist Dataset-format data.");
        foreach (var command in CommandCatalog.All())
            root.Subcommands.Add(command);
        return root;
    }

    public static int Run(string[] args)
    {
        var root = Root();
        try
        {
            // No response files: "--title @home" is a title, not a file to read arguments from.
            var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            // A bad option is one line too (the parser's own report adds the whole help text).
            if (parse.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
            {
                Output.Error(string.Join("; ", parse.Errors.Select(e => e.Message.ReplaceLineEndings(" "))));
                return 2;
            }
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (UserError(e) is { } error)
        {
            Output.Error(error.Message.ReplaceLineEndings(" "));
            return 1;
        }
        catch (OperationCanceledException)
        {
            Output.Error("cancelled");
            return 130;
        }
    }

    /// <summary>The error to show for <paramref name="e"/>: itself, or the first of a parallel
    /// loop's; null for a fault of the program, which keeps its stack trace.</summary>
    private static Exception? UserError(Exception e) => e switch
    {
        SegueException or IOException or UnauthorizedAccessException => e,
        AggregateException all => all.Flatten().InnerExceptions.Select(UserError).FirstOrDefault(x => x is not null),
        _ => null,
    };
}
