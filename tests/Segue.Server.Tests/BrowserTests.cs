using Microsoft.AspNetCore.Builder;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Segue.Server.Tests;

/// <summary>
/// The page in a real browser: Debian's headless Chromium driven through its chromedriver (as
/// ../shared/spec/browser-and-load-testing.md prescribes; <c>.ci/run</c> installs both), against the
/// server on a loopback port.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private readonly ServedData _data = new();
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _app = SegueServer.Build(_data.Options(urls: ["http://127.0.0.1:0"]));
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public void Search_add_see_two_recommenders_continue_and_click_one_to_add_it()
    {
        // An explicit driver path keeps Selenium Manager (a download) from running.
        using var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000");
        using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(30));
        // Lists are redrawn as answers arrive: an element found just before a redraw goes stale,
        // and the step is tried again on the new one.
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));

        driver.Navigate().GoToUrl(_app.Urls.Single() + "/");
        wait.Until(d => d.FindElements(By.CssSelector(".recommender")).Count == 2);
        Assert.Equal(["book", "cooc"], driver.FindElements(By.CssSelector(".recommender h3")).Select(h => h.Text.Split('\n')[0].Trim()));

        driver.FindElement(By.Id("search")).SendKeys("nina");
        // Once every result is the artist's (the answer to the whole query, not to "n" or "ni"), add the first.
        string added = wait.Until(d =>
        {
            var results = d.FindElements(By.CssSelector("#search-results li"));
            return results.Count > 0 && results.All(r => r.Text.Contains(ServedData.ArtistThree)) ? ClickTrack(results[0]) : null;
        })!;
        wait.Until(d => d.FindElements(By.CssSelector("#playlist li")).Count == 1);
        Assert.Equal(added, driver.FindElement(By.CssSelector("#playlist li .what")).Text);

        // Both continue the one-track playlist from its seed, not from the fallback.
        foreach (string name in new[] { "book", "cooc" })
            wait.Until(d => d.FindElements(By.CssSelector($".recommender[data-name='{name}'] li")).Count == 20
                && !d.FindElement(By.CssSelector($".recommender[data-name='{name}'] .badge")).Displayed);

        string pick = wait.Until(d => ClickTrack(d.FindElement(By.CssSelector(".recommender[data-name='cooc'] li"))))!;
        wait.Until(d => d.FindElements(By.CssSelector("#playlist li")).Count == 2);
        Assert.Equal([added, pick], driver.FindElements(By.CssSelector("#playlist li .what")).Select(e => e.Text));
        // The continuations follow the playlist: the added track leaves them.
        wait.Until(d => d.FindElements(By.CssSelector(".recommender[data-name='cooc'] li .what")).All(e => e.Text != pick));

        string screenshot = Path.Combine(AppContext.BaseDirectory, "segue-page.png");
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(screenshot);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(screenshot)[..4]);
    }

    /// <summary>Clicks a listed track; returns its name as listed.</summary>
    private static string ClickTrack(IWebElement item)
    {
        string name = item.FindElement(By.CssSelector(".what")).Text;
        item.Click();
        return name;
    }
}
