using Inbox.Channels.Widget.VisitorFacts;
using Microsoft.AspNetCore.Http;

namespace Inbox.Channels.Widget.Tests.VisitorFacts;

public sealed class ClientHintsTests
{
    [Fact]
    public void Hint_headers_are_read_as_sent()
    {
        var headers = new HeaderDictionary
        {
            ["Sec-CH-UA"] = "\"Chromium\";v=\"124\", \"Google Chrome\";v=\"124\", \"Not-A.Brand\";v=\"99\"",
            ["sec-ch-ua-full-version-list"] = "\"Google Chrome\";v=\"124.0.6367.91\"",
            ["Sec-CH-UA-Mobile"] = "?0",
            ["Sec-CH-UA-Platform"] = "\"Windows\"",
            ["Sec-CH-UA-Platform-Version"] = "\"15.0.0\"",
            ["Sec-CH-UA-Model"] = "\"\"",
        };

        var hints = ClientHints.FromHeaders(headers);

        Assert.Equal(
            new ClientHints(
                "\"Chromium\";v=\"124\", \"Google Chrome\";v=\"124\", \"Not-A.Brand\";v=\"99\"",
                "\"Google Chrome\";v=\"124.0.6367.91\"",
                "?0",
                "\"Windows\"",
                "\"15.0.0\"",
                "\"\""),
            hints);
    }

    [Fact]
    public void Missing_hint_headers_stay_null()
    {
        var hints = ClientHints.FromHeaders(new HeaderDictionary { ["User-Agent"] = "curl/8.7.1" });

        Assert.Equal(new ClientHints(null, null, null, null, null, null), hints);
    }

    [Fact]
    public void Repeated_brand_header_lines_are_joined_like_one_list()
    {
        var headers = new HeaderDictionary
        {
            ["Sec-CH-UA"] = new Microsoft.Extensions.Primitives.StringValues(["\"Chromium\";v=\"124\"", "\"Google Chrome\";v=\"124\""]),
        };

        Assert.Equal("\"Chromium\";v=\"124\", \"Google Chrome\";v=\"124\"", ClientHints.FromHeaders(headers).Brands);
    }

    [Fact]
    public void Values_from_the_other_hints_win_where_present()
    {
        var fromHeaders = new ClientHints("\"Chromium\";v=\"124\"", null, "?1", "\"Android\"", null, "\"\"");
        var fromScript = new ClientHints(null, "\"Chromium\";v=\"124.0.6367.91\"", null, null, "\"14.0.0\"", "\"Pixel 7\"");

        var merged = fromHeaders.MergedWith(fromScript);

        Assert.Equal(
            new ClientHints("\"Chromium\";v=\"124\"", "\"Chromium\";v=\"124.0.6367.91\"", "?1", "\"Android\"", "\"14.0.0\"", "\"Pixel 7\""),
            merged);
    }

    [Fact]
    public void Merging_with_nothing_keeps_the_hints()
    {
        var hints = new ClientHints("\"Chromium\";v=\"124\"", null, "?0", "\"Linux\"", null, null);

        Assert.Equal(hints, hints.MergedWith(null));
    }
}
