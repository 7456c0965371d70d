using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Fakes.BotFramework;

/// <summary>
/// Everything a Teams bot talks to, over loopback: the channel service's OpenID metadata and signing keys
/// (with channel tokens to call the bot with), the Entra client-credentials token endpoint, and the Bot
/// Connector REST API v3, keeping the channel threads the bot posts to.
/// </summary>
public sealed class FakeBotFramework : IAsyncDisposable
{
    /// <summary>The <c>iss</c> of channel tokens and of the OpenID metadata.</summary>
    public const string ChannelIssuer = "https://api.botframework.com";

    private const string MetadataPath = "/.well-known/openidconfiguration";
    private const string KeysPath = "/keys";
    private const string ConnectorPrefix = "/connector/";
    private const string TokenPathSuffix = "/oauth2/v2.0/token";

    private readonly WebApplication _app;
    private readonly BotSigningKeys _signingKeys;
    private readonly BotTokenEndpoint _tokenEndpoint;
    private readonly FakeTeamsWorkspace _workspace;
    private readonly ConnectorApi _connector;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<RecordedBotCall> _calls = [];
    private readonly Dictionary<string, Queue<BotFault>> _faults = new(StringComparer.Ordinal);

    private FakeBotFramework(WebApplication app, FakeBotFrameworkOptions options)
    {
        _app = app;
        Options = options;
        _signingKeys = new BotSigningKeys(options.Endorsements);
        _tokenEndpoint = new BotTokenEndpoint(options);
        _workspace = new FakeTeamsWorkspace(options.TimeProvider);
        _connector = new ConnectorApi(_workspace);
        app.Run(HandleAsync);
    }

    public FakeBotFrameworkOptions Options { get; }

    public string AppId => Options.AppId;
    public string AppPassword => Options.AppPassword;

    /// <summary>The bot's account id in Teams activities: <c>28:{AppId}</c>.</summary>
    public string BotId => "28:" + Options.AppId;

    /// <summary>e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The channel service's OpenID metadata document (its <c>jwks_uri</c> is <see cref="JwksUrl"/>).</summary>
    public Uri OpenIdMetadataUrl => new(BaseUrl, MetadataPath.TrimStart('/'));

    public Uri JwksUrl => new(BaseUrl, KeysPath.TrimStart('/'));

    /// <summary>The client-credentials endpoint for multi-tenant bots (<c>botframework.com</c> in place of a tenant).</summary>
    public Uri TokenEndpoint => TokenEndpointFor(BotTokenEndpoint.BotFrameworkTenant);

    /// <summary>e.g. <c>http://127.0.0.1:PORT/connector/</c>: the <c>serviceUrl</c> of activities; a client appends <c>v3/...</c>.</summary>
    public Uri ServiceUrl => new(BaseUrl, ConnectorPrefix.TrimStart('/'));

    /// <summary>Access tokens the token endpoint has handed out.</summary>
    public int TokensIssued => _tokenEndpoint.TokensIssued;

    /// <summary>The <c>kid</c> channel tokens are signed with now.</summary>
    public string SigningKeyId => _signingKeys.Current.KeyId;

    /// <summary>Every <c>kid</c> the JWKS lists, oldest first.</summary>
    public IReadOnlyList<string> PublishedKeyIds => _signingKeys.PublishedKeyIds;

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static async Task<FakeBotFramework> StartAsync(FakeBotFrameworkOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeBotFrameworkOptions();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var fake = new FakeBotFramework(builder.Build(), options);
        await fake._app.StartAsync(cancellationToken);
        var address = fake._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Starts a fake for the bot registration <paramref name="appId"/>/<paramref name="appPassword"/>, keeping time with <paramref name="timeProvider"/> (default: the system clock).</summary>
    public static Task<FakeBotFramework> StartAsync(string appId, string appPassword, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default) =>
        StartAsync(new FakeBotFrameworkOptions { AppId = appId, AppPassword = appPassword, TimeProvider = timeProvider ?? TimeProvider.System }, cancellationToken);

    /// <summary>The token endpoint of a single-tenant bot; only <c>botframework.com</c> and <see cref="FakeBotFrameworkOptions.TenantId"/> are known tenants.</summary>
    public Uri TokenEndpointFor(string tenant) => new(BaseUrl, Uri.EscapeDataString(tenant) + TokenPathSuffix);

    /// <summary>A token as the Bot Framework channel service puts in <c>Authorization: Bearer</c> when it calls the bot about an activity from <paramref name="serviceUrl"/>.</summary>
    public string IssueChannelToken(string serviceUrl, ChannelTokenOptions? options = null) =>
        ChannelTokens.Issue(_signingKeys, Options, serviceUrl, options ?? ChannelTokenOptions.Valid);

    /// <summary>Makes a new signing key and publishes it next to the old ones; channel tokens are signed with it from now on. Returns its <c>kid</c>.</summary>
    public string RotateSigningKey() => _signingKeys.Rotate();

    /// <summary>Every access token issued so far is refused by the Connector from now on (as after a secret reset).</summary>
    public void RevokeAccessTokens() => _tokenEndpoint.RevokeAll();

    /// <summary>Adds a person get-member can describe (in any conversation); their tenant is <see cref="FakeBotFrameworkOptions.TenantId"/>.</summary>
    public FakeTeamsMember AddMember(string userId, string name, string? email, string aadObjectId)
    {
        var member = new FakeTeamsMember(userId, name, email, aadObjectId, Options.TenantId);
        _workspace.AddMember(member);
        return member;
    }

    public IReadOnlyList<FakeTeamsMember> Members => _workspace.Members();

    /// <summary>Every channel thread, in the order the fake first saw them.</summary>
    public IReadOnlyList<FakeTeamsThread> Threads => _workspace.Threads();

    /// <summary>The thread with conversation id <c>{channel};messageid={root}</c>, or null.</summary>
    public FakeTeamsThread? Thread(string conversationId) => _workspace.Thread(conversationId);

    /// <summary>What the bot wrote to <paramref name="userId"/> in their personal chat (one person only sees these), oldest first.</summary>
    public IReadOnlyList<JsonObject> PersonalMessages(string userId) => _workspace.PersonalMessages(userId);

    /// <summary>Every request received, oldest first.</summary>
    public IReadOnlyList<RecordedBotCall> Calls
    {
        get { lock (_gate) return _calls.ToArray(); }
    }

    public IReadOnlyList<RecordedBotCall> CallsTo(string operation)
    {
        lock (_gate) return _calls.Where(c => c.Operation == operation).ToArray();
    }

    /// <summary>The next <paramref name="count"/> calls of <paramref name="operation"/> (a <see cref="BotOperation"/> name) fail with <paramref name="fault"/>, queued after earlier ones.</summary>
    public void FailNext(string operation, int count, BotFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            if (!_faults.TryGetValue(operation, out var queue)) _faults[operation] = queue = new Queue<BotFault>();
            for (var i = 0; i < count; i++) queue.Enqueue(fault);
        }
    }

    internal FakeTeamsWorkspace Workspace => _workspace;

    public async ValueTask DisposeAsync()
    {
        // Releases requests held by a Timeout fault so the server can stop at once.
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
        _signingKeys.Dispose();
        _tokenEndpoint.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var cancellationToken = aborted.Token;
        var request = context.Request;
        var path = request.Path.Value ?? "";
        string raw;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
            raw = await reader.ReadToEndAsync(cancellationToken);

        var isForm = request.HasFormContentType;
        var body = isForm ? FormFields(raw) : ParseJson(raw);
        var (operation, answer) = Route(request.Method, path, body, isForm, request.Headers.Authorization.ToString());
        lock (_gate)
            _calls.Add(new RecordedBotCall(operation, request.Method, path, body?.DeepClone(), raw,
                request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null, Options.TimeProvider.GetUtcNow()));

        BotAnswer result;
        try
        {
            result = await AnswerAsync(TakeFault(operation), answer, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // the client gave up (or the fake is stopping): nobody is listening for an answer
        }
        if (operation == BotOperation.Token) context.Response.Headers.CacheControl = "no-store, no-cache";
        await result.WriteAsync(context.Response, cancellationToken);
    }

    /// <summary>Names the call and defers its work, so a fault can stand in for it (or follow it, for AnswerLost).</summary>
    private (string Operation, Func<BotAnswer> Answer) Route(string method, string path, JsonNode? body, bool isForm, string authorization)
    {
        if (HttpMethods.IsGet(method) && path == MetadataPath) return (BotOperation.OpenIdMetadata, () => BotAnswer.Json(200, Metadata()));
        if (HttpMethods.IsGet(method) && path == KeysPath) return (BotOperation.Keys, () => BotAnswer.Json(200, _signingKeys.Jwks()));

        if (HttpMethods.IsPost(method) && path.EndsWith(TokenPathSuffix, StringComparison.Ordinal)
            && path[1..^TokenPathSuffix.Length] is { Length: > 0 } tenant && !tenant.Contains('/'))
        {
            // Entra reads only a form body; anything else reads as no parameters at all.
            var form = isForm && body is JsonObject fields ? fields.ToDictionary(p => p.Key, p => (string?)p.Value ?? "") : [];
            return (BotOperation.Token, () => _tokenEndpoint.Handle(tenant, form));
        }

        if (path.StartsWith(ConnectorPrefix, StringComparison.Ordinal))
        {
            var route = ConnectorRoute.Match(method.ToUpperInvariant(), path[ConnectorPrefix.Length..]);
            return (route.Operation, () => route.Operation != BotOperation.Unknown && !_tokenEndpoint.Accepts(authorization)
                ? BotAnswer.Unauthorized()
                : _connector.Handle(route, body));
        }

        return (BotOperation.Unknown, () => BotAnswer.Failure(StatusCodes.Status404NotFound));
    }

    private async Task<BotAnswer> AnswerAsync(BotFault? fault, Func<BotAnswer> answer, CancellationToken cancellationToken)
    {
        switch (fault)
        {
            case TooManyRequestsFault limited: return BotAnswer.TooManyRequests(limited.RetryAfter);
            case StatusFault failed: return BotAnswer.Failure(failed.Status);
            case TimeoutFault slow: await Task.Delay(slow.Delay, Options.TimeProvider, cancellationToken); break;
        }
        var result = answer();
        return fault is AnswerLostFault ? BotAnswer.Failure(StatusCodes.Status502BadGateway) : result;
    }

    private JsonObject Metadata() => new()
    {
        ["issuer"] = ChannelIssuer,
        ["authorization_endpoint"] = "https://invalid.botframework.com",
        ["jwks_uri"] = JwksUrl.ToString(),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        ["token_endpoint_auth_signing_alg_values_supported"] = new JsonArray("RS256"),
    };

    private BotFault? TakeFault(string operation)
    {
        lock (_gate) return _faults.TryGetValue(operation, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
    }

    private static JsonObject FormFields(string raw)
    {
        var fields = new JsonObject();
        foreach (var (name, values) in QueryHelpers.ParseQuery(raw)) fields[name] = values.LastOrDefault();
        return fields;
    }

    private static JsonNode? ParseJson(string raw)
    {
        if (raw.Length == 0) return null;
        try
        {
            return JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
