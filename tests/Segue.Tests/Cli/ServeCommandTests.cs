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
            (["--model", "x=baseline:nope", "--dataset", dataset], "--model: baseline:nope: unknown baseline (known: baseline:popularity, baseline:cooccurrence, baseline:pknn, baseline:title, baseline:artist, baseline:als)"),
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

    [Theory]
    [InlineData("notaurl", "not an address to listen on: give http://HOST:PORT, HOST an IP address, a name, localhost or *")]
    [InlineData("", "not an address to listen on: give http://HOST:PORT, HOST an IP address, a name, localhost or *")]
    [InlineData("http://[::1", "not an address to listen on: give http://HOST:PORT, HOST an IP address, a name, localhost or *")]
    [InlineData("http://127.0.0.1:99999", "port 99999 is not between 0 and 65535")]
    [InlineData("https://127.0.0.1:5443", "https needs a certificate, which segue serve does not take: listen on http:// (behind a proxy for https)")]
    [InlineData("ftp://127.0.0.1:5000", "ftp:// is not served: listen on http://HOST:PORT")]
    [InlineData("http://127.0.0.1:5000/api", "a path (/api) is not served under: give http://HOST:PORT")]
    public void An_address_it_could_never_listen_on_is_one_line_before_anything_is_opened(string url, string problem)
    {
        using var dir = new TempDir();
        // The dataset is not there: the address is refused before it would be opened.
        var (exit, output, err) = CliRunner.Run("serve", "baseline:popularity", "--dataset", dir.File("none.segue"), "--urls", url);
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: --urls: {url}: {problem}\n", err);
        Assert.Equal("", output);
    }

    [Fact]
    public void An_address_in_use_or_not_on_this_machine_is_one_line_and_never_ready()
    {
        using var dir = new TempDir();
        string dataset = EvalDatasets.Small(dir);
        var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            string url = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";
            var (exit, output, err) = CliRunner.Run("serve", "baseline:popularity", "--dataset", dataset, "--urls", url);
            Assert.Equal(1, exit);
            Assert.Equal($"segue: error: --urls: {url}: cannot listen (address already in use)\n", err);
            Assert.DoesNotContain("fail:", output);
            Assert.DoesNotContain("ready", output);
        }
        finally
        {
            taken.Stop();
        }
        // 192.0.2.0/24 is for documentation (RFC 5737): never an address of this machine.
        var (code, log, error) = CliRunner.Run("serve", "baseline:popularity", "--dataset", dataset, "--urls", "http://192.0.2.1:5000");
        Assert.Equal(1, code);
        Assert.Equal("segue: error: --urls: http://192.0.2.1:5000: cannot listen (cannot assign requested address)\n", error);
        Assert.DoesNotContain("ready", log);
    }
}
