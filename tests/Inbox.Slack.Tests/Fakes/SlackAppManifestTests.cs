namespace Inbox.Slack.Tests.Fakes;

/// <summary>Reads manifests/slack-app-manifest.yaml line by line (no YAML library here): enough to catch a dropped scope or event.</summary>
public sealed class SlackAppManifestTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "manifests", "slack-app-manifest.yaml"));

    [Theory]
    [InlineData("chat:write")]
    [InlineData("commands")]
    [InlineData("users:read")]
    [InlineData("users:read.email")]
    [InlineData("channels:history")]
    [InlineData("groups:history")]
    [InlineData("channels:read")]
    [InlineData("groups:read")]
    [InlineData("files:read")]
    [InlineData("files:write")]
    public void The_manifest_asks_for_every_bot_scope_inbox_uses(string scope) =>
        Assert.Contains(scope, ListUnder("oauth_config:", "scopes:", "bot:"));

    [Theory]
    [InlineData("message.channels")]
    [InlineData("message.groups")]
    [InlineData("app_home_opened")]
    public void The_manifest_subscribes_to_every_bot_event_inbox_handles(string botEvent) =>
        Assert.Contains(botEvent, ListUnder("settings:", "event_subscriptions:", "bot_events:"));

    [Fact]
    public void The_inbox_command_points_at_our_commands_endpoint_and_escapes_mentions()
    {
        var command = Section("features:", "slash_commands:");

        Assert.Contains("- command: /inbox", command);
        Assert.Contains("url: https://inbox.example.com/slack/commands", command);
        Assert.Contains("should_escape: true", command);
        Assert.Contains(command, line => line.StartsWith("description: ", StringComparison.Ordinal));
        Assert.Contains(command, line => line.StartsWith("usage_hint: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Events_and_interactions_point_at_our_endpoints_and_interactivity_is_on()
    {
        Assert.Contains("request_url: https://inbox.example.com/slack/events", Section("settings:", "event_subscriptions:"));
        var interactivity = Section("settings:", "interactivity:");
        Assert.Contains("is_enabled: true", interactivity);
        Assert.Contains("request_url: https://inbox.example.com/slack/interactions", interactivity);
    }

    [Fact]
    public void The_home_tab_is_on_and_the_header_says_to_replace_the_example_host()
    {
        var appHome = Section("features:", "app_home:");
        Assert.Contains("home_tab_enabled: true", appHome);
        Assert.Contains("messages_tab_enabled: false", appHome);
        Assert.StartsWith("#", Lines[0]);
        Assert.Contains(Lines.TakeWhile(l => l.StartsWith('#')), l => l.Contains("replace inbox.example.com", StringComparison.Ordinal));
    }

    /// <summary>The trimmed lines nested under a path of keys (each found deeper than the one before it).</summary>
    private static List<string> Section(params string[] path)
    {
        var index = -1;
        var indent = -1;
        foreach (var key in path)
        {
            index = Array.FindIndex(Lines, index + 1, l => l.Trim() == key && Indent(l) > indent);
            Assert.True(index >= 0, $"'{key}' is missing from the manifest");
            indent = Indent(Lines[index]);
        }
        return Lines.Skip(index + 1)
            .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'))
            .TakeWhile(l => Indent(l) > indent)
            .Select(l => l.Trim())
            .ToList();
    }

    private static List<string> ListUnder(params string[] path) =>
        Section(path).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..].Trim()).ToList();

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Inbox.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Inbox.sln not found above " + AppContext.BaseDirectory);
    }
}
