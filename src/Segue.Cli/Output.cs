using Spectre.Console;

namespace Segue.Cli;

/// <summary>How the command line talks to people: errors on stderr as one line, tables and
/// progress through Spectre.Console on a terminal, plain text when redirected.</summary>
public static class Output
{
    private static readonly IAnsiConsole ErrorConsole = CreateErrorConsole();

    private static IAnsiConsole CreateErrorConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        // An error is one line, whatever the width Spectre assumes for a redirected stream.
        console.Profile.Width = int.MaxValue / 2;
        return console;
    }

    /// <summary>True when stdout is a terminal a person is watching.</summary>
    public static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public static void Error(string message) =>
        ErrorConsole.MarkupLine($"[red]segue: error:[/] {Markup.Escape(message)}");

    public static void Warning(string message) =>
        ErrorConsole.MarkupLine($"[yellow]segue: warning:[/] {Markup.Escape(message)}");

    public static void Info(string message) => AnsiConsole.MarkupLine(Markup.Escape(message));
}
