using Inbox.Channels.Widget.VisitorFacts;

namespace Inbox.Channels.Widget.Tests.VisitorFacts;

public sealed class ClientHintsParsingTests
{
    private const string ChromeWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    private const string EdgeWindows = ChromeWindows + " Edg/124.0.0.0";
    private const string ChromeMac = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    private const string ReducedAndroidPhone = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";
    private const string ReducedAndroidTablet = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    private const string ChromeBrands = "\"Chromium\";v=\"124\", \"Google Chrome\";v=\"124\", \"Not-A.Brand\";v=\"99\"";

    private readonly UserAgentParser _parser = new();

    [Fact]
    public void Chrome_on_Windows_11_is_recognised_from_client_hints()
    {
        var hints = new ClientHints(ChromeBrands, null, "?0", "\"Windows\"", "\"15.0.0\"", "\"\"");

        var facts = _parser.Parse(ChromeWindows, hints);

        Assert.Equal(new DeviceFacts("Desktop", "Windows 11", "Chrome 124"), facts);
    }

    [Theory]
    [InlineData("\"13.0.0\"", "Windows 11")]
    [InlineData("\"10.0.0\"", "Windows 10")]
    [InlineData("\"1.0.0\"", "Windows 10")]
    [InlineData("\"0.3.0\"", "Windows 8.1")]
    [InlineData("\"0.2.0\"", "Windows 8")]
    [InlineData("\"0.1.0\"", "Windows 7")]
    public void Windows_release_follows_the_platform_version_hint(string platformVersion, string expected)
    {
        var hints = new ClientHints(ChromeBrands, null, "?0", "\"Windows\"", platformVersion, null);

        Assert.Equal(expected, _parser.Parse(ChromeWindows, hints).OperatingSystem);
    }

    [Fact]
    public void Windows_without_platform_version_hint_falls_back_to_the_user_agent()
    {
        var hints = new ClientHints(ChromeBrands, null, "?0", "\"Windows\"", null, null);

        Assert.Equal("Windows 10", _parser.Parse(ChromeWindows, hints).OperatingSystem);
    }

    [Fact]
    public void Edge_brand_wins_over_grease_and_chromium_in_any_order()
    {
        var hints = new ClientHints("\"Not/A)Brand\";v=\"8\", \"Chromium\";v=\"126\", \"Microsoft Edge\";v=\"126\"", null, "?0", "\"Windows\"", "\"15.0.0\"", null);

        var facts = _parser.Parse(EdgeWindows, hints);

        Assert.Equal(new DeviceFacts("Desktop", "Windows 11", "Edge 126"), facts);
    }

    [Fact]
    public void Opera_brand_is_named_from_client_hints()
    {
        var hints = new ClientHints("\"Opera\";v=\"109\", \"Not:A-Brand\";v=\"8\", \"Chromium\";v=\"123\"", null, "?0", "\"Windows\"", null, null);

        Assert.Equal("Opera 109", _parser.Parse(ChromeWindows, hints).Browser);
    }

    [Fact]
    public void Old_style_grease_brand_with_leading_space_is_ignored()
    {
        var hints = new ClientHints("\" Not A;Brand\";v=\"99\", \"Chromium\";v=\"100\", \"Google Chrome\";v=\"100\"", null, "?0", "\"Linux\"", null, null);

        Assert.Equal(new DeviceFacts("Desktop", "Linux", "Chrome 100"), _parser.Parse(null, hints));
    }

    [Fact]
    public void Brave_which_hides_in_its_user_agent_is_named_by_its_brand()
    {
        var hints = new ClientHints("\"Brave\";v=\"124\", \"Chromium\";v=\"124\", \"Not-A.Brand\";v=\"99\"", null, "?0", "\"macOS\"", null, null);

        Assert.Equal(new DeviceFacts("Desktop", "macOS 10.15.7", "Brave 124"), _parser.Parse(ChromeMac, hints));
    }

    [Fact]
    public void Chromium_alone_is_named_when_no_browser_brand_is_present()
    {
        var hints = new ClientHints("\"Chromium\";v=\"124\", \"Not(A:Brand\";v=\"24\"", null, "?0", "\"Linux\"", null, null);

        Assert.Equal("Chromium 124", _parser.Parse("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36", hints).Browser);
    }

    [Fact]
    public void Real_macOS_version_from_hints_replaces_the_frozen_one()
    {
        var hints = new ClientHints(ChromeBrands, null, "?0", "\"macOS\"", "\"14.4.1\"", null);

        Assert.Equal(new DeviceFacts("Desktop", "macOS 14.4.1", "Chrome 124"), _parser.Parse(ChromeMac, hints));
    }

    [Fact]
    public void Android_phone_model_and_version_come_from_hints_behind_the_reduced_user_agent()
    {
        var hints = new ClientHints(ChromeBrands, null, "?1", "\"Android\"", "\"14.0.0\"", "\"Pixel 7\"");

        Assert.Equal(new DeviceFacts("Mobile (Pixel 7)", "Android 14", "Chrome 124"), _parser.Parse(ReducedAndroidPhone, hints));
    }

    [Fact]
    public void Android_device_that_is_not_mobile_is_a_tablet()
    {
        var hints = new ClientHints(ChromeBrands, null, "?0", "\"Android\"", "\"13\"", "\"SM-X710\"");

        Assert.Equal(new DeviceFacts("Tablet (SM-X710)", "Android 13", "Chrome 124"), _parser.Parse(ReducedAndroidTablet, hints));
    }

    [Fact]
    public void ChromeOS_is_named_from_the_platform_hint()
    {
        var hints = new ClientHints(ChromeBrands, null, "?0", "\"Chrome OS\"", "\"15359.58.0\"", null);

        Assert.Equal(new DeviceFacts("Desktop", "ChromeOS", "Chrome 124"), _parser.Parse(null, hints));
    }

    [Fact]
    public void Full_version_list_names_the_browser_when_the_brand_list_is_missing()
    {
        var hints = new ClientHints(null, "\"Google Chrome\";v=\"124.0.6367.91\", \"Chromium\";v=\"124.0.6367.91\", \"Not-A.Brand\";v=\"99.0.0.0\"", null, null, null, null);

        Assert.Equal("Chrome 124", _parser.Parse(null, hints).Browser);
    }

    [Fact]
    public void High_entropy_values_from_the_widget_script_complete_the_request_headers()
    {
        var fromHeaders = new ClientHints(ChromeBrands, null, "?1", "\"Android\"", null, null);
        var fromScript = new ClientHints(null, "\"Google Chrome\";v=\"124.0.6367.91\"", null, null, "\"14.0.0\"", "\"Pixel 8 Pro\"");

        var facts = _parser.Parse(ReducedAndroidPhone, fromHeaders.MergedWith(fromScript));

        Assert.Equal(new DeviceFacts("Mobile (Pixel 8 Pro)", "Android 14", "Chrome 124"), facts);
    }

    [Fact]
    public void Hints_without_a_user_agent_still_describe_the_visitor()
    {
        var hints = new ClientHints(ChromeBrands, null, "?0", "\"Windows\"", "\"15.0.0\"", null);

        Assert.Equal(new DeviceFacts("Desktop", "Windows 11", "Chrome 124"), _parser.Parse(null, hints));
    }

    [Fact]
    public void Empty_hints_leave_the_user_agent_reading_alone()
    {
        var hints = new ClientHints(null, "", "  ", null, null, null);

        Assert.Equal(_parser.Parse(ChromeWindows), _parser.Parse(ChromeWindows, hints));
    }

    [Fact]
    public void Malformed_hints_are_ignored_rather_than_believed()
    {
        var hints = new ClientHints("Google Chrome 124 please", null, "maybe", "\"Windows", "\"fifteen\"", "\"K\"");

        Assert.Equal(new DeviceFacts("Desktop", "Windows 10", "Chrome 124"), _parser.Parse(ChromeWindows, hints));
    }

    [Fact]
    public void Crawler_stays_a_bot_whatever_hints_it_sends()
    {
        var hints = new ClientHints(ChromeBrands, null, "?0", "\"Windows\"", "\"15.0.0\"", null);

        var facts = _parser.Parse("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", hints);

        Assert.Equal(new DeviceFacts("Bot", null, "Googlebot 2"), facts);
    }
}
