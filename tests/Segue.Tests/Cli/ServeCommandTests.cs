using Segue.Tests.Evaluation;

namespace Segue.Tests.Cli;

/// <summary>What <c>segue serve</c> refuses before it listens: one line naming the option.</summary>
[Collection(ConsoleCollection.Name)]
public class ServeCommandTests
{
    [Fact]
    public void Bad_serve_options_are_one_line_naming_the_option()
    {
        using var dir = new TempDir();
        string dataset = EvalDatasets.Small(dir);
        string empty = dir.File("empty.txt");
        File.WriteAllText(empty, "  \nsecond line\n");
        (string[] Args, string Error)[] cases =
        [
            (["--dataset", dataset], "MODEL|RUN: none given"),
            (["baseline:popularity"], "--dataset: no run folder records the dataset to serve: give it"),
            (["--model", "x=baseline:nope", "--dataset", dataset], "--model: baseline:nope: unknown baseline (known: baseline:popularity, baseline:cooccurrence, baseline:pknn, baseline:title, baseline:als)"),
            (["--model", "a=baseline:popularity", "--model", "a=baseline:cooccurrence", "--dataset", dataset],
                "--model: two recommenders are named 'a' (baseline:popularity, baseline:cooccurrence); name them NAME=SPEC"),
            (["baseline:popularity", "--dataset", dataset, "--runs", dir.File("none")], $"--runs: {dir.File("none")}: no such folder"),
            ([dir.File("none.segue"), "--dataset", dataset], $"{dir.File("none.segue")}: no such file"),
            (["baseline:popularity", "--dataset", dataset, "--token-file", dir.File("none.txt")], $"--token-file: {dir.File("none.txt")}: no such file"),
            (["baseline:popularity", "--dataset", dataset, "--token-file", empty], $"--token-file: {empty}: the first line is empty: expected the token"),
        ];
        foreach (var (args, error) in cases)
        {
            var (exit, _, err) = CliRunner.Run(["serve", .. args]);
            Assert.Equal(1, exit);
            Assert.Equal($"segue: error: {error}", err.Trim());
        }
    }
}
