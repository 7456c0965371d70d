using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Channels.Telegram.BotApi;

/// <summary>Calls Bot API methods (<c>{ApiBaseUrl}/bot{token}/{method}</c>, JSON body) and downloads files; answers become <see cref="TelegramApiResponse"/>.</summary>
/// <remarks>
/// Never throws for Telegram's or the network's failures: callers decide from the outcome whether to retry.
/// The token is part of every URL, so URLs are never logged (and the client is not one from IHttpClientFactory, whose handlers log them).
/// </remarks>
public sealed class TelegramBotApi(HttpClient http, IOptions<TelegramOptions> options, ILogger<TelegramBotApi> logger)
{
    /// <summary>The Bot API hands out files up to 20 MB; larger ones cannot be downloaded at all.</summary>
    public const long MaxDownloadBytes = 20 * 1024 * 1024;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<TelegramApiResponse> SendMessageAsync(SendMessageRequest message, CancellationToken cancellationToken) =>
        CallAsync("sendMessage", message, cancellationToken);

    /// <summary>Asks where a file can be downloaded; the answer's <see cref="TelegramFile.FilePath"/> goes to <see cref="DownloadAsync"/>.</summary>
    public async Task<(TelegramFile? File, TelegramApiResponse Answer)> GetFileAsync(string fileId, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("getFile", new GetFileRequest(fileId), cancellationToken);
        if (!answer.Ok) return (null, answer);
        try
        {
            var file = answer.Result.Deserialize<TelegramFile>(Json);
            return file?.FilePath is { Length: > 0 }
                ? (file, answer)
                : (null, answer with { Outcome = TelegramOutcome.Refused, Description = "getFile gave no file_path" });
        }
        catch (JsonException)
        {
            return (null, answer with { Outcome = TelegramOutcome.Transient, Description = "getFile's result was not a File" });
        }
    }

    /// <summary>Calls <paramref name="method"/> with <paramref name="arguments"/> serialized as its JSON body.</summary>
    public async Task<TelegramApiResponse> CallAsync(string method, object arguments, CancellationToken cancellationToken)
    {
        var content = JsonContent.Create(arguments, arguments.GetType(), new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/bot{options.Value.BotToken}/{method}") { Content = content };
        var answer = await SendAsync(request, (response, ct) => ReadAsync(response, ct), cancellationToken);
        if (!answer.Ok) logger.LogWarning("Telegram {Method} failed: {Answer}", method, answer);
        return answer;
    }

    /// <summary>Downloads <c>{ApiBaseUrl}/file/bot{token}/{filePath}</c>, refusing more than <see cref="MaxDownloadBytes"/>.</summary>
    public async Task<TelegramDownload> DownloadAsync(string filePath, CancellationToken cancellationToken)
    {
        var path = string.Join('/', filePath.Split('/').Select(Uri.EscapeDataString));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}/file/bot{options.Value.BotToken}/{path}");
        TelegramDownload? download = null;
        var answer = await SendAsync(request, async (response, ct) =>
        {
            if (!response.IsSuccessStatusCode) return await ReadAsync(response, ct);
            var content = await ReadLimitedAsync(response.Content, ct);
            if (content is null) return new TelegramApiResponse(TelegramOutcome.Refused, null, $"the file is larger than {MaxDownloadBytes} bytes");
            download = TelegramDownload.Of(content);
            return new TelegramApiResponse(TelegramOutcome.Ok, null, null);
        }, cancellationToken);
        if (!answer.Ok) logger.LogWarning("Telegram file download failed: {Answer}", answer);
        return download ?? TelegramDownload.Failed(answer.Ok ? answer with { Outcome = TelegramOutcome.Transient } : answer);
    }

    private string Base => options.Value.ApiBaseUrl.AbsoluteUri.TrimEnd('/');

    private async Task<TelegramApiResponse> SendAsync(
        HttpRequestMessage request, Func<HttpResponseMessage, CancellationToken, Task<TelegramApiResponse>> read, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return await read(response, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new TelegramApiResponse(TelegramOutcome.Transient, null, $"timed out after {options.Value.RequestTimeout}");
        }
        catch (HttpRequestException error)
        {
            return new TelegramApiResponse(TelegramOutcome.Transient, null, error.Message);
        }
        catch (IOException error)
        {
            // A connection dropped while the body was being read (HttpIOException): worth another try.
            return new TelegramApiResponse(TelegramOutcome.Transient, null, error.Message);
        }
    }

    // Telegram answers {"ok":true,"result":...} or {"ok":false,"error_code":N,"description":"...","parameters":{...}},
    // with the HTTP status equal to error_code; a proxy in between may answer anything.
    private static async Task<TelegramApiResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        JsonObject? body = null;
        try { body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject; }
        catch (JsonException) { }

        if (response.IsSuccessStatusCode && Bool(body?["ok"]) == true)
            return new TelegramApiResponse(TelegramOutcome.Ok, body!["result"], null);

        var code = Int(body?["error_code"]) ?? (int)response.StatusCode;
        var description = Text(body?["description"]) ?? $"HTTP {(int)response.StatusCode}{(body is null ? " without a Bot API answer" : "")}";
        if (code == 429)
        {
            var seconds = Int(body?["parameters"]?["retry_after"]);
            return new TelegramApiResponse(TelegramOutcome.Throttled, null, description, seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : null);
        }
        var outcome = code is >= 400 and < 500 ? TelegramOutcome.Refused : TelegramOutcome.Transient;
        return new TelegramApiResponse(outcome, null, description);
    }

    private static async Task<byte[]?> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxDownloadBytes) return null;
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxDownloadBytes) return null;
        }
        return buffer.ToArray();
    }

    private static bool? Bool(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var b) ? b : null;

    private static int? Int(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var i) ? i : null;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
