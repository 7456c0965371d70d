using Microsoft.Playwright;

namespace Inbox.Host.Tests.Browser;

/// <summary>One headless Debian Chromium per test class, driven by Playwright; each test gets a fresh context.</summary>
/// <remarks>
/// Debian's package, never a Playwright-downloaded browser: CI installs it with apt (scripts/test.sh), and a missing
/// browser fails the tests with a message saying so instead of letting them pass unseen.
/// </remarks>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Long enough for a cold CI machine, short enough that a broken live path fails fast.
    public const float Timeout = 10_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}. Install Debian's package " +
                "(apt-get install -y chromium) or run scripts/test.sh, which does it; do not run 'playwright install'.");

        // Playwright's own web-first assertions read this default; every assertion in these tests wants the same.
        Assertions.SetDefaultExpectTimeout(Timeout);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", // CI runs as root, where Chromium's sandbox refuses to start
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        });
    }

    /// <summary>A page in a new browser context: its own localStorage, so its own widget visitor.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser has not started.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        context.SetDefaultTimeout(Timeout);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
