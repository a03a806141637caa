namespace Segue.Tests.Docs;

public class CliReferenceTests
{
    [Fact]
    public void Docs_cli_md_is_every_commands_help()
    {
        string rendered = CliReference.Render();
        string file = Repository.File(CliReference.FilePath);
        if (Environment.GetEnvironmentVariable("SEGUE_WRITE_DOCS") == "1")
            File.WriteAllText(file, rendered);
        string written = File.Exists(file) ? File.ReadAllText(file).ReplaceLineEndings("\n") : "";
        Assert.True(written == rendered,
            $"{CliReference.FilePath} is not the commands' --help (a command or option changed): regenerate it with {CliReference.Regenerate}");
    }

    [Fact]
    public void Every_command_and_subcommand_has_its_section()
    {
        string rendered = CliReference.Render();
        var paths = CliReference.CommandPaths(Segue.Cli.App.Root(), []).Select(p => string.Join(' ', ["segue", .. p])).ToList();
        Assert.Contains("segue runs list", paths);
        Assert.Contains("segue submission verify", paths);
        foreach (string path in paths)
        {
            Assert.Contains($"\n## `{path}`\n", rendered);
            Assert.Contains($"Usage:\n  {path}", rendered);
        }
    }
}
