using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Fakes.Slack;

/// <summary>
/// A Slack Web API over loopback: a real Kestrel server answering <c>POST /api/{method}</c> the way slack.com does
/// (HTTP 200 with <c>ok</c>/<c>error</c>, 429 with <c>Retry-After</c>), keeping the messages posted to it.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeSlackWorkspace _workspace;
    private readonly FakeSlackMethods _methods;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<RecordedSlackCall> _calls = [];
    private readonly Dictionary<string, Queue<FakeFault>> _faults = new(StringComparer.Ordinal);
    private ChannelPostLimiter? _postLimiter;

    private FakeSlack(WebApplication app, FakeSlackOptions options)
    {
        _app = app;
        Options = options;
        _workspace = new FakeSlackWorkspace(options.TimeProvider);
        _methods = new FakeSlackMethods(_workspace, options);
        app.Run(HandleAsync);
    }

    public FakeSlackOptions Options { get; }

    /// <summary>e.g. <c>http://127.0.0.1:PORT/api/</c>; a client appends the method name.</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    public string BotToken => Options.BotToken;

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static async Task<FakeSlack> StartAsync(FakeSlackOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeSlackOptions();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var fake = new FakeSlack(builder.Build(), options);
        await fake._app.StartAsync(cancellationToken);
        var address = fake._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.ApiBaseUrl = new Uri(new Uri(address.TrimEnd('/') + "/"), "api/");
        return fake;
    }

    /// <summary>Starts a fake that accepts <paramref name="botToken"/> and keeps time with <paramref name="timeProvider"/> (default: the system clock).</summary>
    public static Task<FakeSlack> StartAsync(string botToken, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default) =>
        StartAsync(new FakeSlackOptions { BotToken = botToken, TimeProvider = timeProvider ?? TimeProvider.System }, cancellationToken);

    /// <summary>Adds a member users.info can describe; <paramref name="displayName"/> defaults to the first word of the real name.</summary>
    public void AddUser(string id, string realName, string? email, bool isBot = false, string? displayName = null) =>
        _workspace.AddMember(new FakeSlackMember(id, realName, email, isBot, displayName ?? realName.Split(' ')[0]));

    /// <summary>The profile picture users.info gives for a member, at one of Slack's sizes (24, 32, 48, 72, 192, 512).</summary>
    public static string ProfileImageUrl(string userId, int size) => $"https://avatars.slack-edge.com/fake/{userId}_{size}.png";

    /// <summary>Adds a conversation conversations.info can describe (posting works in any channel id not added, as before).</summary>
    /// <param name="botIsMember">False: the bot was not invited, so conversations.info says is_member false and posts there fail with not_in_channel.</param>
    public void AddChannel(string id, string name, bool isPrivate = false, bool botIsMember = true) =>
        _workspace.AddChannel(new FakeSlackChannel(id, name, isPrivate, botIsMember));

    /// <summary>Every request received, oldest first.</summary>
    public IReadOnlyList<RecordedSlackCall> Calls
    {
        get { lock (_gate) return _calls.ToArray(); }
    }

    public IReadOnlyList<RecordedSlackCall> CallsTo(string method)
    {
        lock (_gate) return _calls.Where(c => c.Method == method).ToArray();
    }

    /// <summary>Messages in <paramref name="channel"/> (top-level and replies), in posting order.</summary>
    public IReadOnlyList<FakeSlackMessage> Messages(string channel) => _workspace.Messages(channel);

    /// <summary>The thread rooted at <paramref name="rootTs"/>: the root first, then its replies in order.</summary>
    public IReadOnlyList<FakeSlackMessage> Thread(string channel, string rootTs) => _workspace.Thread(channel, rootTs);

    public FakeSlackMessage? Message(string channel, string ts) => _workspace.Message(channel, ts);

    /// <summary>Modals opened and Home tabs published, oldest first.</summary>
    public IReadOnlyList<FakeSlackView> Views => _workspace.Views();

    private const string ResponseUrlPrefix = "/commands/";

    /// <summary>The name <see cref="FailNext"/> takes for posts to <see cref="ResponseUrl"/>s.</summary>
    public const string ResponseUrlMethod = "response_url";
    private readonly List<(string Id, string Body)> _responses = [];

    /// <summary>A response_url as Slack would give with a slash command; what is posted to it shows in <see cref="Responses"/>.</summary>
    public Uri ResponseUrl(string id) => new(ApiBaseUrl, $"..{ResponseUrlPrefix}{Uri.EscapeDataString(id)}");

    /// <summary>The bodies posted to <see cref="ResponseUrl"/>s, by their id.</summary>
    public IReadOnlyList<(string Id, string Body)> Responses
    {
        get { lock (_gate) return _responses.ToArray(); }
    }

    /// <summary>The next <paramref name="count"/> calls to <paramref name="method"/> fail with <paramref name="fault"/> (queued after earlier ones).</summary>
    public void FailNext(string method, int count, FakeFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            if (!_faults.TryGetValue(method, out var queue)) _faults[method] = queue = new Queue<FakeFault>();
            for (var i = 0; i < count; i++) queue.Enqueue(fault);
        }
    }

    /// <summary>From now on chat.postMessage allows <paramref name="burst"/> posts per channel at once, refilled at <paramref name="perSecond"/>; beyond that, 429.</summary>
    public void LimitPostsPerChannel(int perSecond, int burst)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _postLimiter = new ChannelPostLimiter(perSecond, burst, Options.TimeProvider);
    }

    public async ValueTask DisposeAsync()
    {
        // Releases requests held by a Timeout fault so the server can stop at once.
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var cancellationToken = aborted.Token;
        const string prefix = "/api/";
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith(ResponseUrlPrefix, StringComparison.Ordinal) && HttpMethods.IsPost(context.Request.Method))
        {
            // A slash command's response_url: Slack takes a JSON message and answers "ok" in plain text.
            // Faults queued for "response_url" apply here too.
            switch (TakeFault(ResponseUrlMethod))
            {
                case ServerErrorFault or AnswerLostFault or RateLimitedFault or SlackErrorFault:
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    return;
                case TimeoutFault slow:
                    try { await Task.Delay(slow.Delay, Options.TimeProvider, cancellationToken); }
                    catch (OperationCanceledException) { return; }
                    break;
            }
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(cancellationToken);
            lock (_gate) _responses.Add((path[ResponseUrlPrefix.Length..], body));
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("ok", cancellationToken);
            return;
        }
        if (!path.StartsWith(prefix, StringComparison.Ordinal) || path.Length == prefix.Length
            || !(HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsGet(context.Request.Method)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var methodName = path[prefix.Length..];
        var request = await SlackWireRequest.ReadAsync(context.Request, cancellationToken);
        lock (_gate)
            _calls.Add(new RecordedSlackCall(methodName, request.AllArguments(), request.RawBody, request.ContentType, Options.TimeProvider.GetUtcNow()));

        SlackAnswer answer;
        try
        {
            answer = await AnswerAsync(methodName, request, context.Request.Headers.Authorization.ToString(), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // the client gave up (or the fake is stopping): nobody is listening for an answer
        }
        await answer.WriteAsync(context.Response, request.Warnings, cancellationToken);
    }

    private async Task<SlackAnswer> AnswerAsync(string methodName, SlackWireRequest request, string authorization, CancellationToken cancellationToken)
    {
        var fault = TakeFault(methodName);
        var answer = await AnswerAsync(fault, methodName, request, authorization, cancellationToken);
        return fault is AnswerLostFault ? SlackAnswer.ServerError(502) : answer;
    }

    private async Task<SlackAnswer> AnswerAsync(FakeFault? fault, string methodName, SlackWireRequest request, string authorization, CancellationToken cancellationToken)
    {
        switch (fault)
        {
            case RateLimitedFault limited: return SlackAnswer.RateLimited(limited.RetryAfter);
            case ServerErrorFault: return SlackAnswer.ServerError();
            case SlackErrorFault failed: return SlackAnswer.Error(failed.SlackError);
            case TimeoutFault slow: await Task.Delay(slow.Delay, Options.TimeProvider, cancellationToken); break;
        }

        if (_methods.Find(methodName) is not { } method)
            return SlackAnswer.Error("unknown_method", new JsonObject { ["req_method"] = methodName });

        if (method.RequiresAuth)
        {
            var token = BearerToken(authorization) ?? request.TokenArgument();
            if (string.IsNullOrEmpty(token)) return SlackAnswer.Error("not_authed");
            if (!string.Equals(token, Options.BotToken, StringComparison.Ordinal)) return SlackAnswer.Error("invalid_auth");
        }
        if (request.ParseError is { } parseError) return SlackAnswer.Error(parseError);

        var args = request.ArgumentsFor(method.AcceptsJson);
        if (methodName == "chat.postMessage" && _postLimiter is { } limiter && args.Text("channel") is { } channel
            && !limiter.TryTake(channel, out var retryAfter))
            return SlackAnswer.RateLimited(retryAfter);

        return method.Handle(args);
    }

    private static string? BearerToken(string authorization) =>
        authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;

    private FakeFault? TakeFault(string methodName)
    {
        lock (_gate) return _faults.TryGetValue(methodName, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
    }
}
