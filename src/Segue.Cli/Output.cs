using Spectre.Console;

namespace Segue.Cli;

/// <summary>How the command line talks to people: errors on stderr as one line, tables and
/// progress through Spectre.Console on a terminal, plain text when redirected.</summary>
public static class Output
{
    /// <summary>True when stdout is a terminal a person is watching.</summary>
    public static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    // Plain writes: a console would wrap a long message at the terminal's width, and an error
    // must stay one line for whoever greps the log.
    public static void Error(string message) => Console.Error.WriteLine($"segue: error: {message}");

    public static void Warning(string message) => Console.Error.WriteLine($"segue: warning: {message}");

    public static void Info(string message) => AnsiConsole.MarkupLine(Markup.Escape(message));
}
