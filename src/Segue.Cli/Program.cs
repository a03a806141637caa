using System.CommandLine;
using Segue;
using Segue.Cli;
using Segue.Cli.Commands;

var root = new RootCommand("Segue: playlist continuation on Spotify Million Playlist Dataset-format data.");
foreach (var command in CommandCatalog.All())
    root.Subcommands.Add(command);

try
{
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
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
