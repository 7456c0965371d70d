using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Fakes.Telegram;

/// <summary>
/// A Telegram Bot API over loopback: a real Kestrel server answering <c>/bot{token}/{method}</c> (sendMessage, getFile, getMe) and
/// <c>/file/bot{token}/{path}</c> the way api.telegram.org does, keeping what the bot sent per chat and hosting the files users send.
/// </summary>
public sealed class FakeTelegram : IAsyncDisposable
{
    /// <summary>The name <see cref="FailNext"/> and <see cref="CallsTo"/> use for file downloads.</summary>
    public const string FileDownload = "file";

    private const int MaxMessageLength = 4096;

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<RecordedTelegramCall> _calls = [];
    private readonly Dictionary<string, Queue<TelegramFault>> _faults = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, List<FakeTelegramMessage>> _chats = [];
    private readonly HashSet<long> _blockedBy = [];
    private readonly Dictionary<string, FakeTelegramFile> _filesById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeTelegramFile> _filesByPath = new(StringComparer.Ordinal);
    private int _nextFile;

    private FakeTelegram(WebApplication app, string botToken, TimeProvider time)
    {
        _app = app;
        BotToken = botToken;
        _time = time;
        app.Run(HandleAsync);
    }

    /// <summary>The only token the fake accepts; any other gets 401 Unauthorized.</summary>
    public string BotToken { get; }

    /// <summary>The bot's own user id (the number before the token's colon).</summary>
    public long BotId => long.Parse(BotToken.Split(':')[0], CultureInfo.InvariantCulture);

    /// <summary>e.g. <c>http://127.0.0.1:PORT</c>, what Telegram:ApiBaseUrl is set to.</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    /// <summary>Starts a fake on a free loopback port that accepts <paramref name="botToken"/> (digits, a colon, then the secret part).</summary>
    public static async Task<FakeTelegram> StartAsync(string botToken = "123456789:fake-telegram-bot-token", TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var fake = new FakeTelegram(builder.Build(), botToken, time ?? TimeProvider.System);
        await fake._app.StartAsync(cancellationToken);
        var address = fake._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.ApiBaseUrl = new Uri(address.TrimEnd('/'));
        return fake;
    }

    /// <summary>Every request received, oldest first.</summary>
    public IReadOnlyList<RecordedTelegramCall> Calls
    {
        get { lock (_gate) return _calls.ToArray(); }
    }

    public IReadOnlyList<RecordedTelegramCall> CallsTo(string method)
    {
        lock (_gate) return _calls.Where(c => string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase)).ToArray();
    }

    /// <summary>What the bot sent into <paramref name="chatId"/>, in order.</summary>
    public IReadOnlyList<FakeTelegramMessage> Messages(long chatId)
    {
        lock (_gate) return _chats.TryGetValue(chatId, out var messages) ? messages.ToArray() : [];
    }

    /// <summary>Hosts a file users can send (a document, or one photo size with <paramref name="width"/> and <paramref name="height"/>).</summary>
    public FakeTelegramFile AddFile(byte[] content, string extension = "bin", int width = 0, int height = 0)
    {
        lock (_gate)
        {
            var n = ++_nextFile;
            var folder = width > 0 ? "photos" : "documents";
            var file = new FakeTelegramFile($"FILE-{n:D4}-{Guid.NewGuid():N}", $"U{n:D4}", $"{folder}/file_{n}.{extension}", content.Length, content, width, height);
            _filesById[file.FileId] = file;
            _filesByPath[file.FilePath] = file;
            return file;
        }
    }

    /// <summary>Registers a file over the Bot API's 20 MB download limit: getFile answers "file is too big".</summary>
    public FakeTelegramFile AddTooBigFile(long size = 25 * 1024 * 1024)
    {
        lock (_gate)
        {
            var n = ++_nextFile;
            var file = new FakeTelegramFile($"BIG-{n:D4}-{Guid.NewGuid():N}", $"B{n:D4}", $"documents/file_{n}.bin", size, null);
            _filesById[file.FileId] = file;
            return file;
        }
    }

    /// <summary>From now on every send to <paramref name="chatId"/> answers 403 "Forbidden: bot was blocked by the user" (until <see cref="Unblock"/>).</summary>
    public void Block(long chatId)
    {
        lock (_gate) _blockedBy.Add(chatId);
    }

    public void Unblock(long chatId)
    {
        lock (_gate) _blockedBy.Remove(chatId);
    }

    /// <summary>The next <paramref name="count"/> calls to <paramref name="method"/> (or <see cref="FileDownload"/>) fail with <paramref name="fault"/>, after faults queued earlier.</summary>
    public void FailNext(string method, int count, TelegramFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            if (!_faults.TryGetValue(method, out var queue)) _faults[method] = queue = new Queue<TelegramFault>();
            for (var i = 0; i < count; i++) queue.Enqueue(fault);
        }
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
        var ct = aborted.Token;
        var path = context.Request.Path.Value ?? "";
        var isFile = path.StartsWith("/file/bot", StringComparison.Ordinal);
        var rest = isFile ? path["/file/bot".Length..] : path.StartsWith("/bot", StringComparison.Ordinal) ? path["/bot".Length..] : null;
        var slash = rest?.IndexOf('/') ?? -1;
        if (rest is null || slash <= 0 || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsPost(context.Request.Method)))
        {
            await TelegramAnswer.NotFound.WriteAsync(context.Response, ct);
            return;
        }
        var token = rest[..slash];
        var target = Uri.UnescapeDataString(rest[(slash + 1)..]);
        var method = isFile ? FileDownload : target;
        var arguments = isFile ? new TelegramArguments(new JsonObject { ["file_path"] = target }, null) : await TelegramArguments.ReadAsync(context.Request, ct);
        lock (_gate) _calls.Add(new RecordedTelegramCall(method, (JsonObject)arguments.Values.DeepClone(), context.Request.ContentType, _time.GetUtcNow()));

        TelegramAnswer answer;
        try
        {
            answer = await AnswerAsync(method, token, target, arguments, isFile, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return; // the client gave up (or the fake is stopping): nobody is listening
        }
        await answer.WriteAsync(context.Response, ct);
    }

    private async Task<TelegramAnswer> AnswerAsync(string method, string token, string target, TelegramArguments arguments, bool isFile, CancellationToken ct)
    {
        if (!string.Equals(token, BotToken, StringComparison.Ordinal)) return TelegramAnswer.Unauthorized;
        switch (TakeFault(method))
        {
            case TooManyRequestsFault limited: return TelegramAnswer.TooManyRequests(limited.RetryAfterSeconds);
            case ErrorFault error: return TelegramAnswer.Error(error.Code, error.Description);
            case BadGatewayFault: return TelegramAnswer.BadGateway;
            case TimeoutFault slow: await Task.Delay(slow.Delay, _time, ct); break;
        }
        if (isFile) return Download(target);
        if (arguments.ParseError is { } parseError) return TelegramAnswer.BadRequest(parseError);
        return method.ToLowerInvariant() switch
        {
            "sendmessage" => SendMessage(arguments),
            "getfile" => GetFile(arguments),
            "getme" => TelegramAnswer.Ok(BotUser()),
            _ => TelegramAnswer.NotFound,
        };
    }

    private TelegramAnswer SendMessage(TelegramArguments arguments)
    {
        if (arguments.Text("chat_id") is not { Length: > 0 }) return TelegramAnswer.BadRequest("chat_id is empty");
        if (arguments.Long("chat_id") is not { } chatId) return TelegramAnswer.BadRequest("chat not found");
        var raw = arguments.Text("text") ?? "";
        var parseMode = arguments.Text("parse_mode");
        string text;
        IReadOnlyList<FakeTelegramEntity> entities = [];
        switch (parseMode?.ToLowerInvariant())
        {
            case null or "":
            case "markdown" or "markdownv2":
                text = raw;
                break;
            case "html":
                var (parsed, found, error) = TelegramHtmlParser.Parse(raw);
                if (error is not null) return TelegramAnswer.BadRequest("can't parse entities: " + error);
                (text, entities) = (parsed, found);
                break;
            default:
                return TelegramAnswer.BadRequest("unsupported parse_mode");
        }
        if (string.IsNullOrWhiteSpace(text)) return TelegramAnswer.BadRequest("message text is empty");
        if (text.Length > MaxMessageLength) return TelegramAnswer.BadRequest("message is too long");

        lock (_gate)
        {
            if (_blockedBy.Contains(chatId)) return TelegramAnswer.Error(403, "Forbidden: bot was blocked by the user");
            if (!_chats.TryGetValue(chatId, out var messages)) _chats[chatId] = messages = [];
            var sent = new FakeTelegramMessage(chatId, messages.Count + 1, text, raw, parseMode, entities, _time.GetUtcNow());
            messages.Add(sent);
            var result = new JsonObject
            {
                ["message_id"] = sent.MessageId,
                ["from"] = BotUser(),
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
                ["date"] = sent.At.ToUnixTimeSeconds(),
                ["text"] = text,
            };
            if (entities.Count > 0)
                result["entities"] = new JsonArray(entities.Select(e => (JsonNode?)new JsonObject { ["type"] = e.Type, ["offset"] = e.Offset, ["length"] = e.Length }).ToArray());
            return TelegramAnswer.Ok(result);
        }
    }

    private TelegramAnswer GetFile(TelegramArguments arguments)
    {
        if (arguments.Text("file_id") is not { Length: > 0 } fileId) return TelegramAnswer.BadRequest("file_id is empty");
        FakeTelegramFile? file;
        lock (_gate) _filesById.TryGetValue(fileId, out file);
        if (file is null) return TelegramAnswer.BadRequest("invalid file_id");
        if (file.Content is null) return TelegramAnswer.BadRequest("file is too big");
        return TelegramAnswer.Ok(new JsonObject
        {
            ["file_id"] = file.FileId, ["file_unique_id"] = file.FileUniqueId, ["file_size"] = file.Size, ["file_path"] = file.FilePath,
        });
    }

    private TelegramAnswer Download(string filePath)
    {
        FakeTelegramFile? file;
        lock (_gate) _filesByPath.TryGetValue(filePath, out file);
        return file?.Content is { } content ? TelegramAnswer.File(content) : TelegramAnswer.NotFound;
    }

    private JsonObject BotUser() => new()
    {
        ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Inbox", ["username"] = "inbox_fake_bot",
    };

    private TelegramFault? TakeFault(string method)
    {
        lock (_gate) return _faults.TryGetValue(method, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
    }
}
