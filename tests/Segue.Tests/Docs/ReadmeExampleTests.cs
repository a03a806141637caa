using System.Text.RegularExpressions;

namespace Segue.Tests.Docs;

/// <summary>The README's C# example is <see cref="ReadmeExample"/>: the same text, compiled with the
/// tests, and it runs.</summary>
[Collection(ConsoleCollection.Name)]
public partial class ReadmeExampleTests
{
    private const string ExampleFile = "tests/Segue.Tests/Docs/ReadmeExample.cs";

    [Fact]
    public void The_README_shows_the_example_as_it_is_compiled()
    {
        string readme = File.ReadAllText(Repository.File("README.md")).ReplaceLineEndings("\n");
        var block = Assert.Single(CSharpBlockPattern().Matches(readme)).Groups[1].Value;
        var source = File.ReadAllText(Repository.File(ExampleFile)).ReplaceLineEndings("\n").Split('\n')
            .SkipWhile(line => line.StartsWith("//", StringComparison.Ordinal));
        Assert.True(block == string.Join('\n', source),
            $"README.md's ```csharp block is not {ExampleFile} (from its first using on): copy the file's text into the README");
    }

    [Fact]
    public void The_example_continues_a_playlist_and_evaluates()
    {
        using var dir = new TempDir();
        var (oldOut, output) = (Console.Out, new StringWriter());
        Console.SetOut(output);
        try
        {
            ReadmeExample.Run(dir.Path);
        }
        finally
        {
            Console.SetOut(oldOut);
        }
        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(11, lines.Length);
        Assert.All(lines[..10], line => Assert.Matches(@"^ *\d+\.\d{3}  \S.* by \S", line));
        var figures = Assert.Single(FiguresPattern().Matches(lines[10]));
        Assert.True(int.Parse(figures.Groups[1].Value) > 100, lines[10]);
        Assert.InRange(double.Parse(figures.Groups[3].Value), 0.05, 1.0);
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlockPattern();

    [GeneratedRegex(@"^(\d+) playlists: R-precision (0\.\d{4}), NDCG (0\.\d{4})$")]
    private static partial Regex FiguresPattern();
}
