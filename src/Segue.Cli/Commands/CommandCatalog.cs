using System.CommandLine;

namespace Segue.Cli.Commands;

/// <summary>Every subcommand of <c>segue</c>, in the order <c>--help</c> lists them.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        DemoCommand.Create(),
        SynthCommand.Create(),
        ChallengeCommand.Create(),
        IngestCommand.Create(),
        StatsCommand.Create(),
        CheckCommand.Create(),
        ShowCommand.Create(),
        TrainCommand.Create(),
        FitCommand.Create(),
        EvalCommand.Create(),
        SubmissionCommand.Create(),
        RecommendCommand.Create(),
        ServeCommand.Create(),
        RunsCommand.Create(),
        ReportCommand.Create(),
        SweepCommand.Create(),
        ExportCommand.Create(),
    ];
}
