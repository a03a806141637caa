using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Segue.Bench;

/// <summary>
/// The page's interaction latency in a real browser (Debian's headless Chromium): from the input
/// (a click, a key, a pause in typing) to every column redrawn with its answer, as the page itself
/// records it (<c>window.segueTimings</c>), for each kind of interaction, against a running
/// <c>segue serve</c>; optionally the README's screenshots at a laptop's and a phone's size.
///   page --url http://127.0.0.1:5000 [--pid 9003] [--rounds 10] [--screenshots docs]
/// </summary>
public static class PageBenchmark
{
    private static readonly string[] Words = ["love", "night", "time", "fire", "moon", "summer", "blue", "gold"];

    public static int Run(string[] args)
    {
        var a = new BenchArgs(args);
        string url = a.Get("url", "http://127.0.0.1:5000");
        string pid = a.Get("pid", "9003");
        int rounds = a.GetInt("rounds", 10);
        string? screenshots = a.Has("screenshots") ? a.Get("screenshots", "docs") : null;

        using var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars");
        using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(30));
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        int Timings() => Convert.ToInt32(driver.ExecuteScript("return (window.segueTimings || []).length"));
        void Settle(int before) => wait.Until(d => Timings() > before && d.FindElements(By.CssSelector(".recommender[aria-busy=true]")).Count == 0);
        void Open(int width, int height)
        {
            driver.Manage().Window.Size = new Size(width, height);
            driver.Navigate().GoToUrl($"{url}/nothing-here");
            driver.ExecuteScript("localStorage.clear()");
            driver.Navigate().GoToUrl($"{url}/?pid={pid}");
            wait.Until(d => Timings() > 0 && d.FindElements(By.CssSelector(".recommender[aria-busy=true]")).Count == 0);
        }

        Open(1366, 900);
        int columns = driver.FindElements(By.CssSelector(".recommender")).Count;
        var measured = new Dictionary<string, List<double>>();
        void Measure(string kind, Action input)
        {
            int before = Timings();
            input();
            Settle(before);
            double took = Convert.ToDouble(driver.ExecuteScript("return window.segueTimings[window.segueTimings.length - 1]"));
            (measured.TryGetValue(kind, out var list) ? list : measured[kind] = []).Add(took);
        }
        for (int round = 0; round < rounds; round++)
        {
            Measure("add from a column", () => driver.FindElements(By.CssSelector(".recommender button.add"))[round % columns * 20].Click());
            Measure("move a track", () => driver.FindElements(By.CssSelector("#playlist button.down"))[0].Click());
            Measure("remove a track", () => driver.FindElements(By.CssSelector("#playlist button.remove")).Last().Click());
            Measure("type in the title (150 ms pause included)", () => driver.FindElement(By.Id("title")).SendKeys(round % 2 == 0 ? " x" : Keys.Backspace + Keys.Backspace));
            var search = driver.FindElement(By.Id("search"));
            search.Clear();
            search.SendKeys(Words[round % Words.Length]);
            wait.Until(d => d.FindElements(By.CssSelector("#search-results [role=option]")).Count > 0);
            // The first result not already in the playlist (adding one that is asks nothing).
            int pick = Convert.ToInt32(driver.ExecuteScript("return searchResults.findIndex(r => !state.tracks.some(t => t.uri === r.uri))"));
            Measure("add from search (arrows, Enter)", () => search.SendKeys(string.Concat(Enumerable.Repeat(Keys.ArrowDown, pick + 1)) + Keys.Enter));
        }
        Console.WriteLine($"{url}, playlist {pid}, {columns} columns, {rounds} rounds, {Environment.ProcessorCount} cores: input to every column redrawn (ms)");
        foreach (var (kind, list) in measured)
        {
            list.Sort();
            Console.WriteLine($"  {kind,-44} p50 {list[list.Count / 2],6:N0}  p90 {list[(int)(list.Count * 0.9)],6:N0}  max {list[^1],6:N0}");
        }

        if (screenshots is not null)
        {
            Open(1366, 900);
            driver.GetScreenshot().SaveAsFile(Path.Combine(screenshots, "serve-page-1366.png"));
            Open(390, 844);
            driver.ExecuteScript("document.getElementById('continuations-heading').scrollIntoView()");
            driver.GetScreenshot().SaveAsFile(Path.Combine(screenshots, "serve-page-390.png"));
            Console.WriteLine($"screenshots: {screenshots}/serve-page-1366.png, {screenshots}/serve-page-390.png");
        }
        return 0;
    }
}
