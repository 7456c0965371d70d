using Inbox.Slack.Inbound;
using Inbox.Slack.WebApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Slack.Commands;

/// <summary>Answers <c>/inbox</c> within Slack's 3 seconds: at once when the work is quick, else "working on it" now and the answer through response_url.</summary>
public sealed class SlashCommandEndpoint(
    SlashCommandHandler handler, SlackWebApi slack, IOptions<SlackOptions> options, IHostApplicationLifetime lifetime,
    ILogger<SlashCommandEndpoint> logger)
{
    public async Task<IResult> HandleAsync(SlackRequest request)
    {
        var form = request.Form();
        var userId = form.GetValueOrDefault("user_id").ToString();
        if (string.IsNullOrEmpty(userId))
            return Results.Problem(detail: "A slash command needs user_id.", statusCode: StatusCodes.Status400BadRequest);

        // The work must outlive this request if it runs late, so it listens to the host's stopping, not the request.
        // It runs on the thread pool: SQLite's "async" calls complete synchronously, and the budget's clock must start
        // before the work is done, not after.
        var text = form.GetValueOrDefault("text").ToString();
        var channelId = form.GetValueOrDefault("channel_id").ToString() is { Length: > 0 } channel ? channel : null;
        var work = Task.Run(() => handler.RunAsync(text, userId, lifetime.ApplicationStopping, channelId), lifetime.ApplicationStopping);
        if (await Task.WhenAny(work, Task.Delay(options.Value.CommandAnswerBudget, lifetime.ApplicationStopping)) == work)
            return Answer(await work);

        if (Uri.TryCreate(form.GetValueOrDefault("response_url").ToString(), UriKind.Absolute, out var responseUrl))
            _ = AnswerLaterAsync(work, responseUrl);
        return Answer("Working on it…");
    }

    private async Task AnswerLaterAsync(Task<string> work, Uri responseUrl)
    {
        try
        {
            var text = await work;
            await slack.RespondAsync(responseUrl, new { response_type = "ephemeral", replace_original = true, text }, lifetime.ApplicationStopping);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "A slow /inbox command failed");
        }
    }

    private static IResult Answer(string text) => Results.Json(new { response_type = "ephemeral", text });
}
