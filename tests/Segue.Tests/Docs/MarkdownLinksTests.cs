using System.Text.RegularExpressions;

namespace Segue.Tests.Docs;

/// <summary>Every relative link of README.md and docs/*.md reaches a file of the repository and,
/// when it names one, a heading of that file (anchors as GitHub makes them).</summary>
public partial class MarkdownLinksTests
{
    public static TheoryData<string> Pages() =>
        [.. new[] { "README.md" }.Concat(Directory.GetFiles(Repository.File("docs"), "*.md").Order(StringComparer.Ordinal)
            .Select(f => "docs/" + Path.GetFileName(f)))];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_reaches_its_file_and_heading(string page)
    {
        string path = Repository.File(page);
        var broken = new List<string>();
        foreach (string link in Links(File.ReadAllText(path)))
        {
            if (SchemePattern().IsMatch(link)) continue;
            int hash = link.IndexOf('#');
            string file = hash < 0 ? link : link[..hash];
            string target = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(file)));
            if (!File.Exists(target) && !Directory.Exists(target))
                broken.Add($"{link}: no such file");
            else if (hash >= 0 && (!target.EndsWith(".md", StringComparison.Ordinal) || !Anchors(File.ReadAllText(target)).Contains(link[(hash + 1)..])))
                broken.Add($"{link}: no such heading");
        }
        Assert.True(broken.Count == 0, $"{page}: {string.Join("; ", broken)}");
    }

    [Fact]
    public void Anchors_are_made_as_GitHub_makes_them()
    {
        var anchors = Anchors("# Segue\n## The ranker: `segue fit`\n```\n# not a heading\n```\n## Runs, plots & reports\n## Runs, plots & reports\n");
        Assert.Equal(["segue", "the-ranker-segue-fit", "runs-plots--reports", "runs-plots--reports-1"], anchors);
    }

    [Fact]
    public void Links_in_code_are_not_links()
    {
        var links = Links("See [the ranker](docs/ranker.md#guard) and `[x](nowhere.md)`.\n```\n[y](nowhere.md)\n```\n<img src=\"docs/a.png\" width=\"260\">");
        Assert.Equal(["docs/ranker.md#guard", "docs/a.png"], links);
    }

    /// <summary>The link targets of a page's prose: markdown links and images, HTML src and href.</summary>
    private static List<string> Links(string markdown) =>
        [.. Prose(markdown).SelectMany(line => LinkPattern().Matches(CodeSpanPattern().Replace(line, ""))
            .Select(m => m.Groups["md"].Success ? m.Groups["md"].Value : m.Groups["html"].Value))];

    /// <summary>The anchors of a page's headings: lower case, punctuation dropped, spaces as hyphens,
    /// a repeated one numbered.</summary>
    private static List<string> Anchors(string markdown)
    {
        var seen = new Dictionary<string, int>();
        var anchors = new List<string>();
        foreach (string line in Prose(markdown))
        {
            var heading = HeadingPattern().Match(line);
            if (!heading.Success) continue;
            string text = MarkdownLinkTextPattern().Replace(heading.Groups[1].Value.Trim(), "$1").ToLowerInvariant();
            string anchor = string.Concat(text.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')).Replace(' ', '-');
            int count = seen.GetValueOrDefault(anchor);
            seen[anchor] = count + 1;
            anchors.Add(count == 0 ? anchor : $"{anchor}-{count}");
        }
        return anchors;
    }

    // The page's lines outside fenced code blocks.
    private static IEnumerable<string> Prose(string markdown)
    {
        bool fenced = false;
        foreach (string line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) fenced = !fenced;
            else if (!fenced) yield return line;
        }
    }

    [GeneratedRegex(@"\]\((?<md>[^)\s]+)(?:\s+""[^""]*"")?\)|\b(?:src|href)=""(?<html>[^""]+)""")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpanPattern();

    [GeneratedRegex(@"^#{1,6}\s+(.*)$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLinkTextPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial Regex SchemePattern();
}
