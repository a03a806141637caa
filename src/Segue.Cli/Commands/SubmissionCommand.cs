using System.CommandLine;
using Segue.Data;
using Segue.Evaluation;

namespace Segue.Cli.Commands;

/// <summary><c>segue submission verify FILE [--challenge DIR]</c>: a challenge submission checked as the
/// challenge's verify_submission.py checks it, and for seeds recommended.</summary>
public static class SubmissionCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A submission: CSV, plain or gzipped (team_info line, then pid and 500 track URIs a line)" };
        var challenge = new Option<string?>("--challenge") { Description = $"The challenge set it answers: a folder holding {ChallengeSetFiles.SetFileName}, or that file (checks pids, coverage and seeds)" };
        var verify = new Command("verify", "Check a submission as the challenge's verify_submission.py does, and that it recommends no seed track") { file, challenge };
        verify.SetAction(parse =>
        {
            var verdict = SubmissionVerifier.Verify(parse.GetValue(file)!, parse.GetValue(challenge));
            foreach (string note in verdict.Notes) Output.Warning(note);
            // Plain lines, not wrapped at a terminal's width: scripts read them.
            Console.WriteLine($"{verdict.Path}{(verdict.Gzipped ? " (gzipped)" : "")}: team {verdict.Team ?? "?"}, contact {verdict.Email ?? "?"}" +
                $"{(verdict.ChallengeTrack is { } track ? $", {track} track (2018 rules)" : "")}; {verdict.Playlists:N0} playlists");
            if (verdict.Passed)
            {
                Console.WriteLine("the submission is well formed: ready to submit");
                return 0;
            }
            foreach (string problem in verdict.FirstProblems) Console.Error.WriteLine(problem);
            Output.Error($"{verdict.Path}: {verdict.Problems:N0} problem(s){(verdict.Problems > verdict.FirstProblems.Count ? $" (the first {verdict.FirstProblems.Count} above)" : "")}: the challenge would reject it");
            return 1;
        });
        return new Command("submission", "Challenge submissions: verify one before sending it") { verify };
    }
}
