using Inbox.Core.Routing;

namespace Inbox.Core.Tests.Routes;

public sealed class RoutingOptionsTests
{
    private static RouteOptions Valid(string name = "vip") =>
        new() { Name = name, Match = new RouteMatchOptions { ChatTag = "vip" }, SlackChannel = "CVIP000001" };

    private static string Single(RoutingOptions options) => Assert.Single(options.Validate());

    [Fact]
    public void Rules_with_a_match_a_target_and_known_values_are_valid()
    {
        var options = new RoutingOptions
        {
            Rules =
            [
                Valid(),
                new RouteOptions
                {
                    Name = "german", Match = new RouteMatchOptions { Country = "DE,AT", Channel = "widget, email" },
                    TeamsChannel = "19:abc@thread.tacv2", ThreadMode = "notes-by-default", SendPrefix = "!!", CustomerSees = "alias", Alias = "Acme Support",
                },
            ],
            Default = new RouteOptions { ThreadMode = "AlertsOnly" },
        };

        Assert.Empty(options.Validate());
        Assert.Empty(new RoutingOptions().Validate());
    }

    public static TheoryData<RouteOptions, string> BadRules => new()
    {
        { new RouteOptions { Match = new RouteMatchOptions { ChatTag = "vip" }, SlackChannel = "CVIP000001" }, "Routing:Rules:1 needs a Name." },
        { new RouteOptions { Name = "all" , SlackChannel = "CVIP000001" }, "Routing:Rules:1 (\"all\") matches everything" },
        { new RouteOptions { Name = "nowhere", Match = new RouteMatchOptions { ChatTag = "x" } }, "Routing:Rules:1 (\"nowhere\") has no target" },
        { Valid("VIP"), "Routing:Rules:1 (\"VIP\"): the name \"VIP\" is already used by Routing:Rules:0 (\"vip\")." },
        { With(r => r.ThreadMode = "silent"), "Routing:Rules:1 (\"b\"): ThreadMode \"silent\" is not two-way, notes-by-default or alerts-only." },
        { With(r => r.CustomerSees = "robot"), "Routing:Rules:1 (\"b\"): CustomerSees \"robot\" is not operator or alias." },
        { With(r => r.SendPrefix = "  "), "Routing:Rules:1 (\"b\"): SendPrefix must not be only spaces." },
        { With(r => r.Alias = new string('a', 81)), "Routing:Rules:1 (\"b\"): Alias must be at most 80 characters." },
        { With(r => r.Alias = "bot"), "Routing:Rules:1 (\"b\"): Alias must name your team, not \"Bot\"." },
        { With(r => r.SlackChannel = "#support"), "Routing:Rules:1 (\"b\"): SlackChannel \"#support\" is not a Slack channel id" },
        { With(r => r.TeamsChannel = "General"), "Routing:Rules:1 (\"b\"): TeamsChannel \"General\" is not a Teams channel id" },
        { With(r => r.Match.Channel = "fax"), "Routing:Rules:1 (\"b\"): Match:Channel \"fax\" is not widget, email or telegram." },
        { With(r => r.Match.Country = "Germany"), "Routing:Rules:1 (\"b\"): Match:Country \"Germany\" is not a two-letter ISO country code" },
        { With(r => r.Name = new string('n', 101)), ": Name must be at most 100 characters." },
    };

    private static RouteOptions With(Action<RouteOptions> change)
    {
        var rule = Valid("b");
        change(rule);
        return rule;
    }

    [Theory]
    [MemberData(nameof(BadRules))]
    public void A_bad_rule_is_refused_with_a_message_naming_it(RouteOptions bad, string expected)
    {
        var options = new RoutingOptions { Rules = [Valid(), bad] };

        Assert.Contains(expected, Single(options));
    }

    [Fact]
    public void An_empty_rule_entry_is_named()
    {
        Assert.Equal("Routing:Rules:0 is empty.", Single(new RoutingOptions { Rules = [null!] }));
    }

    [Fact]
    public void The_default_route_cannot_have_a_match_or_reuse_a_rules_name()
    {
        Assert.Contains("Routing:Default takes every conversation no rule took; it cannot have a Match",
            Single(new RoutingOptions { Default = new RouteOptions { Match = new RouteMatchOptions { Channel = "widget" } } }));
        Assert.Equal("Routing:Rules:0 (\"vip\"): the name \"vip\" is the default route's (Routing:Default); give the rule another name.",
            Single(new RoutingOptions { Rules = [Valid()], Default = new RouteOptions { Name = "vip" } }));
        // Unnamed, the default is called "default": a rule may not take that name and with it the default's conversations.
        var named = Valid();
        named.Name = "Default";
        Assert.Equal("Routing:Rules:0 (\"Default\"): the name \"default\" is the default route's (Routing:Default); give the rule another name.",
            Single(new RoutingOptions { Rules = [named] }));
        Assert.Contains("Routing:Default: ThreadMode \"loud\"", Single(new RoutingOptions { Default = new RouteOptions { ThreadMode = "loud" } }));
    }
}
