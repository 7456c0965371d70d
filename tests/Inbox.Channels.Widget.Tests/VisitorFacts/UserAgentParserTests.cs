using Inbox.Channels.Widget.VisitorFacts;

namespace Inbox.Channels.Widget.Tests.VisitorFacts;

public sealed class UserAgentParserTests
{
    private readonly UserAgentParser _parser = new();

    [Theory]
    [MemberData(nameof(RealUserAgents.Browsers), MemberType = typeof(RealUserAgents))]
    public void Real_browser_user_agent_is_recognised(string userAgent, string? device, string? operatingSystem, string? browser)
    {
        var facts = _parser.Parse(userAgent);

        Assert.Equal(new DeviceFacts(device, operatingSystem, browser), facts);
    }

    [Theory]
    [MemberData(nameof(RealUserAgents.Bots), MemberType = typeof(RealUserAgents))]
    public void Crawlers_and_scripted_clients_are_reported_as_bots(string userAgent, string? operatingSystem, string? bot)
    {
        var facts = _parser.Parse(userAgent);

        Assert.Equal(new DeviceFacts("Bot", operatingSystem, bot), facts);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData("Mozilla/5.0")]
    [InlineData("asdfghjkl qwerty")]
    [InlineData("() ; ;; (((( ))) //// Version/ Chrome/ Safari/ Firefox/")]
    [InlineData("\0\u0001\u0002\u00ff\uffff")]
    [InlineData("'; DROP TABLE contacts; --")]
    public void Empty_or_garbage_user_agent_gives_no_facts(string? userAgent)
    {
        var facts = _parser.Parse(userAgent);

        Assert.Equal(new DeviceFacts(null, null, null), facts);
    }

    [Fact]
    public void Huge_hostile_user_agent_is_answered_quickly_without_throwing()
    {
        var hostile = "Mozilla/5.0 (" + string.Concat(Enumerable.Repeat("Android 1; iPhone; ", 20_000)) + new string('(', 50_000);
        var started = System.Diagnostics.Stopwatch.StartNew();

        _parser.Parse(hostile);

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
    }

    [Fact]
    public void Random_bytes_never_make_the_parser_throw()
    {
        var random = new Random(20240501);
        var alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ;:/()._-,\"=?[]{}\\\t";
        for (var i = 0; i < 2_000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 300)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var hints = new ClientHints(text, text, text, text, text, text);

            _parser.Parse(text, hints);
        }
    }

    [Fact]
    public void Parser_gives_the_same_answer_from_many_threads_at_once()
    {
        const string userAgent = "Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0.0.0 Mobile Safari/537.36";
        var expected = new DeviceFacts("Mobile (Pixel 7)", "Android 13", "Chrome 116");

        var results = new DeviceFacts[1_000];
        Parallel.For(0, results.Length, i => results[i] = _parser.Parse(userAgent));

        Assert.All(results, facts => Assert.Equal(expected, facts));
    }

    [Fact]
    public void Model_of_older_ipad_system_is_called_ios()
    {
        var facts = _parser.Parse("Mozilla/5.0 (iPad; CPU OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1");

        Assert.Equal(new DeviceFacts("Tablet (iPad)", "iOS 12.5.7", "Safari 12.1"), facts);
    }
}
