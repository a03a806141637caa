using System.Text.RegularExpressions;

namespace Segue.Tests.Docs;

/// <summary>docs/architecture.md's table of the library's folders states what each uses, and the
/// code's <c>using</c>s agree; the folders form layers (no cycle).</summary>
public partial class ArchitectureTests
{
    private const string Page = "docs/architecture.md";

    [Fact]
    public void Each_library_folder_uses_exactly_the_folders_its_row_names()
    {
        var documented = Documented();
        var actual = Actual();
        Assert.Equal(actual.Keys.Order(), documented.Keys.Order());
        var wrong = actual.Keys.Order()
            .Where(folder => !actual[folder].SetEquals(documented[folder]))
            .Select(folder => $"{folder}/ uses {Describe(actual[folder])}, the page says {Describe(documented[folder])}")
            .ToList();
        Assert.True(wrong.Count == 0, $"{Page} is not the code's: {string.Join("; ", wrong)}");
    }

    [Fact]
    public void The_folders_form_layers()
    {
        var uses = Documented();
        var placed = new HashSet<string>();
        while (placed.Count < uses.Count)
        {
            var next = uses.Keys.Where(f => !placed.Contains(f) && uses[f].All(placed.Contains)).ToList();
            Assert.True(next.Count > 0, $"a cycle among {Describe([.. uses.Keys.Where(f => !placed.Contains(f))])}");
            placed.UnionWith(next);
        }
    }

    /// <summary>The folders each folder's row of the page names.</summary>
    private static Dictionary<string, HashSet<string>> Documented() =>
        File.ReadAllLines(Repository.File(Page)).Select(line => RowPattern().Match(line)).Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim() == "nothing"
                ? new HashSet<string>()
                : m.Groups[2].Value.Split(',').Select(s => s.Trim()).ToHashSet());

    /// <summary>The other folders each top folder of src/Segue names in its files' usings, or in code
    /// by a qualified name.</summary>
    private static Dictionary<string, HashSet<string>> Actual()
    {
        string library = Repository.File("src/Segue");
        var folders = Directory.GetDirectories(library).Select(Path.GetFileName).Where(n => n is not ("bin" or "obj")).Select(n => n!).ToList();
        return folders.ToDictionary(folder => folder, folder =>
            Directory.GetFiles(Path.Combine(library, folder), "*.cs", SearchOption.AllDirectories)
                .SelectMany(File.ReadLines)
                .Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
                .SelectMany(line => ReferencePattern().Matches(line).Select(m => m.Groups[1].Value))
                .Where(used => used != folder && folders.Contains(used))
                .ToHashSet());
    }

    private static string Describe(IEnumerable<string> folders) =>
        folders.Any() ? string.Join(", ", folders.Order(StringComparer.Ordinal)) : "nothing";

    [GeneratedRegex(@"^\| `([A-Za-z]+)/` \|.*\| ([^|]+) \|$")]
    private static partial Regex RowPattern();

    // A using of Segue.X, or Segue.X. qualifying a name; not the file's own namespace declaration.
    [GeneratedRegex(@"(?<!namespace )\bSegue\.([A-Za-z]+)\b")]
    private static partial Regex ReferencePattern();
}
