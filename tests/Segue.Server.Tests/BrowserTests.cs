using System.Drawing;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;
using OpenQA.Selenium.Support.UI;
using Segue.Serving;

namespace Segue.Server.Tests;

/// <summary>
/// The page in a real browser: Debian's headless Chromium driven through its chromedriver (as
/// ../shared/spec/browser-and-load-testing.md prescribes; <c>.ci/run</c> installs both), against the
/// server on a loopback port, at a phone's size (390x844) and a laptop's (1366x900). Every action is
/// done with the keyboard alone, and every state of the page passes axe-core's audit with no serious
/// or critical violation.
/// </summary>
public sealed class BrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private ChromeDriver Driver => browser.Driver;
    private WebDriverWait Wait => browser.Wait;

    public static TheoryData<int, int> Sizes => new() { { 390, 844 }, { 1366, 900 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Keyboard_alone_builds_edits_keeps_and_exports_a_playlist(int width, int height)
    {
        Open(width, height);
        var columns = Driver.FindElements(By.CssSelector(".recommender")).Select(c => c.GetAttribute("data-name")).ToList();
        Assert.Equal(["book", "cooc", "title"], columns);
        // Empty: no list pretends to continue nothing.
        Wait.Until(d => d.FindElements(By.CssSelector(".recommender .state")).All(s => s.Text.StartsWith("Add a track or type a title", StringComparison.Ordinal)));
        Assert.Empty(Driver.FindElements(By.CssSelector(".recommender li")));
        Audit("empty playlist");

        Press(Keys.Tab);
        Assert.Equal("Skip to the continuations", Active.Text);
        TabTo(e => e.GetAttribute("id") == "title");
        int settled = Timings;
        Press("list 3");
        Settle(settled);
        Assert.Contains("It ignores the title.", Column("book").FindElement(By.CssSelector(".state")).Text);
        Assert.Equal(20, Column("title").FindElements(By.CssSelector("li")).Count);

        // Search: arrows choose, Enter adds, focus stays in the box.
        TabTo(e => e.GetAttribute("id") == "search");
        settled = Timings;
        Press("simone");
        Wait.Until(d => d.FindElements(By.CssSelector("#search-results [role=option]")).Count == 7);
        Audit("search results open");
        Press(Keys.ArrowDown + Keys.ArrowDown);
        Assert.Equal("result-1", Active.GetAttribute("aria-activedescendant"));
        string second = Driver.FindElement(By.Id("result-1")).FindElement(By.CssSelector(".name")).Text;
        Press(Keys.Enter);
        Settle(settled);
        Assert.Equal([second], PlaylistNames());
        Assert.Equal("search", Active.GetAttribute("id"));
        Press(Keys.Escape);
        Assert.Equal("false", Active.GetAttribute("aria-expanded"));

        new Actions(Driver).KeyDown(Keys.Control).SendKeys("a").KeyUp(Keys.Control).SendKeys("qqqq").Perform();
        Wait.Until(d => d.FindElement(By.Id("search-state")).Text == "No track, artist or album matches \u201cqqqq\u201d.");
        Audit("search with no match");

        // A recommendation added from its column by its named button; focus stays in that column.
        settled = Timings;
        var add = TabTo(e => e.GetAttribute("class") == "add" && e.FindElement(By.XPath("ancestor::section[1]")).GetAttribute("data-name") == "cooc");
        string label = add.GetAttribute("aria-label")!;
        Assert.StartsWith("Add Song ", label);
        Press(Keys.Enter);
        Settle(settled);
        Assert.Equal(2, PlaylistNames().Count);
        Assert.StartsWith($"Add {PlaylistNames()[1]} by ", label);
        Assert.Equal("cooc", Active.FindElement(By.XPath("ancestor::section[1]")).GetAttribute("data-name"));
        Assert.DoesNotContain(Column("cooc").FindElements(By.CssSelector(".name")), n => n.Text == PlaylistNames()[1]);

        // Move and remove, named with their track; focus follows the track.
        var names = PlaylistNames();
        settled = Timings;
        BackTo(e => e.GetAttribute("aria-label") == $"Move {names[0]} by {Artist(0)} down");
        Press(Keys.Enter);
        Settle(settled);
        Assert.Equal([names[1], names[0]], PlaylistNames());
        Assert.Equal($"Move {names[0]} by {ArtistOf(names[0])} up", Active.GetAttribute("aria-label"));
        settled = Timings;
        TabTo(e => e.GetAttribute("aria-label") == $"Remove {names[1]} by {ArtistOf(names[1])}", backwards: true);
        Press(Keys.Enter);
        Settle(settled);
        Assert.Equal([names[0]], PlaylistNames());
        Assert.Equal($"Remove {names[0]} by {ArtistOf(names[0])}", Active.GetAttribute("aria-label"));

        // A held-out playlist: its first 5 tracks, its split said, its withheld tracks counted in every column.
        BackTo(e => e.GetAttribute("id") == "pid");
        settled = Timings;
        Press("1051" + Keys.Enter);
        Settle(settled);
        Assert.Equal(5, PlaylistNames().Count);
        Assert.StartsWith("Held-out playlist 1051 (test split)", Driver.FindElement(By.Id("split-note")).Text);
        Assert.All(VisibleColumns(), c => Assert.Matches(@"\d+ of the \d+ withheld tracks found in the top 20", c.FindElement(By.CssSelector(".state")).Text));
        Assert.Equal(Driver.FindElements(By.CssSelector(".recommender li.hit")).Count, Driver.FindElements(By.CssSelector(".recommender .hit-mark")).Count);
        Audit("held-out playlist loaded");

        // Undo the load, then clear and undo that.
        settled = Timings;
        TabTo(e => e.GetAttribute("id") == "undo");
        Assert.Equal("Undo load", Active.Text);
        Press(Keys.Enter);
        Settle(settled);
        Assert.Equal([names[0]], PlaylistNames());
        settled = Timings;
        TabTo(e => e.GetAttribute("id") == "clear");
        Press(Keys.Enter);
        Settle(settled);
        Assert.Empty(PlaylistNames());
        Assert.Equal("Undo clear", Active.Text);
        settled = Timings;
        Press(Keys.Enter);
        Settle(settled);
        Assert.Equal([names[0]], PlaylistNames());

        // Choose which recommenders to compare.
        TabTo(e => e.GetAttribute("type") == "checkbox" && e.FindElement(By.XPath("..")).Text == "title");
        Press(" ");
        Assert.False(Column("title").Displayed);
        Press(" ");
        Wait.Until(_ => Column("title").Displayed && Column("title").FindElements(By.CssSelector("li")).Count == 20);

        // Export, by keyboard, as a file of each kind.
        foreach (var (button, file, first) in new[] { ("export-csv", "list-3.csv", "uri,name,artist,album,duration_ms"), ("export-json", "list-3.json", "{"),
            ("export-uris", "list-3.txt", ServedUri(names[0])) })
        {
            browser.ClearDownloads();
            BackTo(e => e.GetAttribute("id") == button);
            Press(Keys.Enter);
            string path = Path.Combine(browser.Downloads, file);
            Wait.Until(_ => File.Exists(path) && new FileInfo(path).Length > 0);
            Assert.Equal(first, File.ReadLines(path).First());
            if (!file.EndsWith(".json", StringComparison.Ordinal)) continue;
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            Assert.Equal("list 3", json.RootElement.GetProperty("title").GetString());
            Assert.Equal(names[0], json.RootElement.GetProperty("tracks")[0].GetProperty("name").GetString());
        }

        // Kept: a reload, and the link in a browser that never saw it.
        string link = Driver.Url;
        Assert.Contains("#title=list+3&tracks=t", link);
        Driver.Navigate().Refresh();
        Ready();
        Assert.Equal([names[0]], PlaylistNames());
        Driver.ExecuteScript("localStorage.clear()");
        Driver.Navigate().GoToUrl(browser.Url + "/");
        Driver.Navigate().GoToUrl(link);
        Driver.Navigate().Refresh();
        Ready();
        Assert.Equal([names[0]], PlaylistNames());
        Assert.Equal("list 3", Driver.FindElement(By.Id("title")).GetAttribute("value"));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void The_layout_fits_the_screen_with_touch_sized_targets(int width, int height)
    {
        Open(width, height, "?pid=1051");
        Wait.Until(d => d.FindElements(By.CssSelector(".recommender li")).Count == 60);
        var js = (IJavaScriptExecutor)Driver;
        Assert.True((bool)js.ExecuteScript("return document.documentElement.scrollWidth <= window.innerWidth")!, "the page scrolls sideways");
        // Every control a finger may need: at least 40 x 40 CSS pixels.
        var small = (IReadOnlyCollection<object>)js.ExecuteScript("""
            return [...document.querySelectorAll('button, input, label.check, a, [role=option]')]
              .filter(e => e.offsetParent !== null && !e.classList.contains('skip') && e.type !== 'checkbox')
              .map(e => [e, e.getBoundingClientRect()]).filter(([e, r]) => r.width < 40 || r.height < 40)
              .map(([e, r]) => `${e.tagName}#${e.id}.${e.className} ${r.width}x${r.height}`);
            """)!;
        Assert.Empty(small);
        var boxes = Driver.FindElements(By.CssSelector(".recommender")).Select(c => (c.Location, c.Size)).ToList();
        if (width >= 1100)
        {
            // Side by side, all within the window.
            Assert.Single(boxes.Select(b => b.Location.Y).Distinct());
            Assert.All(boxes, b => Assert.InRange(b.Location.X + b.Size.Width, 0, width));
        }
        else Assert.Equal(boxes.Count, boxes.Select(b => b.Location.Y).Distinct().Count());
        Audit($"held-out playlist at {width}x{height}");
        string screenshot = Path.Combine(AppContext.BaseDirectory, $"segue-page-{width}x{height}.png");
        Driver.GetScreenshot().SaveAsFile(screenshot);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(screenshot)[..4]);
    }

    [Fact]
    public void A_full_playlist_refuses_more_and_says_so_and_hostile_names_stay_in_their_place()
    {
        string ids = string.Join(",", Enumerable.Range(0, 250).Select(n => $"t{n}"));
        Open(1366, 900, $"#tracks={ids}");
        Wait.Until(d => d.FindElements(By.CssSelector("#playlist li")).Count == 250);
        Assert.True(Driver.FindElement(By.Id("limit-note")).Displayed);
        Assert.Contains("at most 250 tracks", Driver.FindElement(By.Id("limit-note")).Text);
        Wait.Until(d => d.FindElements(By.CssSelector(".recommender[data-name=cooc] li")).Count == 20);
        Audit("playlist at its limit");
        Driver.FindElement(By.Id("search")).Click();
        Press("299");
        Wait.Until(d => d.FindElements(By.CssSelector("#search-results [role=option]")).Count == 1);
        // The override and the bell show as U+FFFD, and the name sits in its own isolate.
        var name = Driver.FindElement(By.CssSelector("#result-0 .name bdi"));
        Assert.Equal("Song 299 \uFFFDdrawkcab\uFFFD", name.GetAttribute("textContent"));
        Press(Keys.ArrowDown + Keys.Enter);
        Wait.Until(d => d.FindElement(By.Id("status")).GetAttribute("textContent") == "The playlist is full: at most 250 tracks.");
        Assert.Equal(250, Driver.FindElements(By.CssSelector("#playlist li")).Count);
    }

    [Fact]
    public async Task Loading_and_an_unreachable_server_are_shown_as_such()
    {
        // A server that takes its time with every continuation, and then goes away.
        using var data = new ServedData();
        var slow = SegueServer.Build(data.Options(urls: ["http://127.0.0.1:0"]), builder =>
            builder.Services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, SlowContinuations>());
        await slow.StartAsync();
        try
        {
            Open(390, 844, "?pid=1051", slow.Urls.Single(), ready: false);
            Wait.Until(d => d.FindElements(By.CssSelector(".recommender[aria-busy=true]")).Count == 3);
            Assert.All(VisibleColumns(), c => Assert.Equal("Updating\u2026", c.FindElement(By.CssSelector(".state")).Text));
            Audit("continuations loading");
            Wait.Until(d => d.FindElements(By.CssSelector(".recommender li")).Count == 60);
        }
        finally
        {
            await slow.StopAsync();
            await slow.DisposeAsync();
        }
        Driver.FindElement(By.Id("title")).SendKeys("!");
        Wait.Until(d => d.FindElement(By.Id("banner")).Displayed);
        Assert.Equal("The Segue server cannot be reached: is it still running?", Driver.FindElement(By.Id("banner-text")).Text);
        Assert.True(Driver.FindElement(By.Id("banner-retry")).Displayed);
        Audit("server unreachable");
    }

    /// <summary>Delays every continuation by a second, so that the page's loading state can be seen.</summary>
    [Fact]
    public async Task A_playlist_of_a_tables_ids_is_kept_in_the_link_and_survives_a_reload()
    {
        // Ids with a comma, a slash and spaces: the link must carry them whole.
        string folder = Directory.CreateTempSubdirectory("segue-table-page-").FullName;
        var options = new ServeOptions([RecommenderSpec.Parse("cooc=baseline:cooccurrence", "model"), RecommenderSpec.Parse("title=baseline:title", "model"),
            RecommenderSpec.Parse("pop=baseline:popularity", "model")], TableDatasetTests.Build(folder), ["http://127.0.0.1:0"]);
        var app = SegueServer.Build(options);
        await app.StartAsync();
        try
        {
            Open(1366, 900, "", app.Urls.Single());
            TabTo(e => e.GetAttribute("id") == "search");
            int settled = Timings;
            Press("Song 7");
            Wait.Until(d => d.FindElements(By.CssSelector("#search-results [role=option]")).Count > 0);
            Press(Keys.ArrowDown + Keys.Enter);
            Settle(settled);
            Assert.Equal(["Song 7"], PlaylistNames());
            Assert.Contains("tracks=%7Eisrc%252F7%252C%2520take%25202", Driver.Url);
            Driver.Navigate().Refresh();
            Ready();
            Assert.Equal(["Song 7"], PlaylistNames());
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class SlowContinuations : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, then) =>
            {
                if (context.Request.Path == "/api/continue") await Task.Delay(1000);
                await then(context);
            });
            next(app);
        };
    }

    // ---- helpers ----

    private IWebElement Active => Driver.SwitchTo().ActiveElement();

    private int Timings => Convert.ToInt32(Driver.ExecuteScript("return (window.segueTimings || []).length"));

    /// <summary>The page at <paramref name="width"/> x <paramref name="height"/>, with nothing kept from
    /// before, at <paramref name="query"/>; once every column has answered, unless not <paramref name="ready"/>.</summary>
    private void Open(int width, int height, string query = "", string? url = null, bool ready = true)
    {
        Driver.Manage().Window.Size = new Size(width, height);
        Driver.Navigate().GoToUrl("about:blank");
        Driver.Navigate().GoToUrl((url ?? browser.Url) + "/nothing-here");
        Driver.ExecuteScript("localStorage.clear(); sessionStorage.clear()");
        Driver.Navigate().GoToUrl((url ?? browser.Url) + "/" + query);
        if (ready) Ready();
    }

    private void Ready() => Wait.Until(d => d.FindElements(By.CssSelector(".recommender")).Count == 3 && Timings > 0
        && d.FindElements(By.CssSelector(".recommender[aria-busy=true]")).Count == 0);

    /// <summary>Waits until the continuations asked for after <paramref name="before"/> answers have all arrived.</summary>
    private void Settle(int before) => Wait.Until(d => Timings > before && d.FindElements(By.CssSelector(".recommender[aria-busy=true]")).Count == 0);

    private void Press(string keys) => new Actions(Driver).SendKeys(keys).Perform();

    /// <summary>Tabs (or shift-tabs) until the focused element is the one wanted, each visibly focused on the way.</summary>
    private IWebElement TabTo(Func<IWebElement, bool> wanted, bool backwards = false)
    {
        if (wanted(Active)) return Active;
        for (int i = 0; i < 400; i++)
        {
            if (backwards) new Actions(Driver).KeyDown(Keys.Shift).SendKeys(Keys.Tab).KeyUp(Keys.Shift).Perform();
            else Press(Keys.Tab);
            var active = Active;
            Assert.True((bool)Driver.ExecuteScript("""
                const e = document.activeElement, style = getComputedStyle(e);
                return e === document.body || style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
                """)!, $"{active.TagName} {active.GetAttribute("id")} is focused but not visibly");
            if (wanted(active)) return active;
        }
        throw new Xunit.Sdk.XunitException("not reachable by the keyboard");
    }

    private IWebElement BackTo(Func<IWebElement, bool> wanted) => TabTo(wanted, backwards: true);

    private IWebElement Column(string name) => Driver.FindElement(By.Id($"column-{name}"));

    private IEnumerable<IWebElement> VisibleColumns() => Driver.FindElements(By.CssSelector(".recommender")).Where(c => c.Displayed);

    private List<string> PlaylistNames() => [.. Driver.FindElements(By.CssSelector("#playlist .name")).Select(n => n.GetAttribute("textContent")!)];

    private string Artist(int position) => Driver.FindElements(By.CssSelector("#playlist .sub bdi"))[2 * position].GetAttribute("textContent")!;

    private string ArtistOf(string name) => Artist(PlaylistNames().IndexOf(name));

    private static string ServedUri(string name) => ServedData.Uri(int.Parse(name["Song ".Length..].Split(' ')[0]));

    /// <summary>axe-core over the page as it is: no serious or critical violation.</summary>
    private void Audit(string state)
    {
        var violations = browser.Axe(Driver);
        Assert.True(violations.Count == 0, $"{state}: {string.Join("; ", violations)}");
    }
}

/// <summary>The server over <see cref="ServedData"/> on a loopback port, and one browser for a test class.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly ServedData _data = new();
    private WebApplication _app = null!;
    private string? _axe;

    public ChromeDriver Driver { get; private set; } = null!;
    public WebDriverWait Wait { get; private set; } = null!;
    public string Url => _app.Urls.Single();
    public string Downloads { get; } = Directory.CreateTempSubdirectory("segue-downloads-").FullName;

    public async Task InitializeAsync()
    {
        _app = SegueServer.Build(_data.Options(urls: ["http://127.0.0.1:0"]));
        await _app.StartAsync();
        // An explicit driver path keeps Selenium Manager (a download) from running.
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,900");
        options.AddUserProfilePreference("download.default_directory", Downloads);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver.ExecuteCdpCommand("Browser.setDownloadBehavior", new Dictionary<string, object?> { ["behavior"] = "allow", ["downloadPath"] = Downloads });
        Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
        Wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(30));
        // Lists are redrawn as answers arrive: an element found just before a redraw goes stale,
        // and the step is tried again on the new one.
        Wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
    }

    public void ClearDownloads()
    {
        foreach (var file in Directory.EnumerateFiles(Downloads)) File.Delete(file);
    }

    /// <summary>The serious and critical violations axe-core finds in the page (frames aside: the
    /// runs report is a sandboxed document of its own, with no script).</summary>
    public List<string> Axe(IWebDriver driver)
    {
        _axe ??= new StreamReader(typeof(Deque.AxeCore.Commons.AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")!).ReadToEnd();
        var js = (IJavaScriptExecutor)driver;
        js.ExecuteScript(_axe);
        string result = (string)js.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { iframes: false, resultTypes: ['violations'] }).then(r => done(JSON.stringify(r.violations)), e => done('error: ' + e));
            """)!;
        if (result.StartsWith("error", StringComparison.Ordinal)) throw new InvalidOperationException(result);
        using var violations = JsonDocument.Parse(result);
        return [.. violations.RootElement.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): "
                + string.Join(", ", v.GetProperty("nodes").EnumerateArray().Take(3).Select(n => n.GetProperty("target").ToString())))];
    }

    public async Task DisposeAsync()
    {
        Driver?.Quit();
        Driver?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Dispose();
        try { Directory.Delete(Downloads, recursive: true); } catch (IOException) { }
    }
}
