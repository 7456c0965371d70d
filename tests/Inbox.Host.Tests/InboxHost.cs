using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Host.Tests;

/// <summary>The real host on a real loopback port (Kestrel), with its own SQLite folder.</summary>
/// <remarks>A browser can reach it, and so can plain HttpClients; dispose to stop it. Reuse <see cref="DataDirectory"/> to restart on the same database.</remarks>
public sealed class InboxHost : WebApplicationFactory<Program>
{
    public const string OperatorKey = "test-operator-key-0123456789";
    public const string OperatorEmail = "dana@example.test";
    public const string OperatorName = "Dana Scully";
    public const string SecondOperatorKey = "test-operator-key-abcdefghij";
    public const string SecondOperatorEmail = "lee@example.test";
    public const string SecondOperatorName = "Lee Adama";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Adds to the host's services (after its own), e.g. a log listener.</param>
    public InboxHost(string? dataDirectory = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("inbox-host-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["OperatorApi:Keys:0:Key"] = OperatorKey,
            ["OperatorApi:Keys:0:Email"] = OperatorEmail,
            ["OperatorApi:Keys:0:Name"] = OperatorName,
            ["OperatorApi:Keys:1:Key"] = SecondOperatorKey,
            ["OperatorApi:Keys:1:Email"] = SecondOperatorEmail,
            ["OperatorApi:Keys:1:Name"] = SecondOperatorName,
            ["Outbox:PollInterval"] = "00:00:00.200",
            // Replies go out at once unless a test is about the undo window.
            ["Replies:UndoWindow"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
    }

    public string DataDirectory { get; }
    public Uri BaseAddress { get; }

    /// <summary>A client with no credentials (a website visitor).</summary>
    public HttpClient Visitor() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client that calls the operator API as <see cref="OperatorName"/> (or the second operator).</summary>
    public HttpClient Operator(bool second = false)
    {
        var client = Visitor();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second ? SecondOperatorKey : OperatorKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_services is not null) builder.ConfigureServices(_services);
    }
}
