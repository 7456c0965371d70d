using Inbox.Channels.Telegram.BotApi;
using Inbox.Core.Files;
using Inbox.Core.Model;

namespace Inbox.Channels.Telegram.Inbound;

/// <summary>Takes the files of a customer's message from Telegram (getFile, then the file server) into Inbox's attachment store.</summary>
/// <remarks>
/// Every file is downloaded before any is stored, so an update Telegram must send again leaves nothing behind.
/// A file Telegram will never hand out (over 20 MB, gone) does not hold the message up: it is named in the text instead.
/// </remarks>
public sealed class TelegramFileFetcher(TelegramBotApi api, IAttachmentStore store)
{
    public async Task<FetchedFiles> FetchAsync(IReadOnlyList<IncomingTelegramFile> files, string baseUrl, CancellationToken cancellationToken)
    {
        var downloaded = new List<(string Name, string ContentType, byte[] Content)>();
        var missing = new List<string>();
        foreach (var file in files)
        {
            var name = TelegramFileNames.Safe(file.Name, file.FallbackName);
            if (file.Size > TelegramBotApi.MaxDownloadBytes)
            {
                missing.Add($"{name}: larger than the 20 MB Telegram lets bots download");
                continue;
            }
            var (info, answer) = await api.GetFileAsync(file.FileId, cancellationToken);
            if (info is null)
            {
                if (answer.Outcome != TelegramOutcome.Refused) return FetchedFiles.TryLater(answer.Description);
                missing.Add($"{name}: {answer.Description}");
                continue;
            }
            var download = await api.DownloadAsync(info.FilePath!, cancellationToken);
            if (download.Content is null)
            {
                if (download.Failure!.Outcome != TelegramOutcome.Refused) return FetchedFiles.TryLater(download.Failure.Description);
                missing.Add($"{name}: {download.Failure.Description}");
                continue;
            }
            // A nameless document is called what Telegram's file path calls it ("file_7.pdf"); photos and voices get plain names.
            if (file.Name is null && !Path.HasExtension(file.FallbackName))
                name = TelegramFileNames.Safe(Path.GetFileName(info.FilePath), file.FallbackName);
            downloaded.Add((name, file.ContentType, download.Content));
        }

        var attachments = new List<Attachment>();
        foreach (var (name, contentType, content) in downloaded)
        {
            var id = await store.SaveAsync(name, contentType, content, cancellationToken);
            attachments.Add(new Attachment(name, contentType, content.Length, TelegramFileLinks.UrlOf(baseUrl, id, name)));
        }
        return new FetchedFiles(attachments, missing, null);
    }
}

/// <summary>The files of one message as stored, the ones that could not be taken, or why the whole message must wait.</summary>
/// <param name="TryLaterBecause">Set when Telegram or the network failed for now: nothing is stored and Telegram is asked to send the update again.</param>
public sealed record FetchedFiles(IReadOnlyList<Attachment> Attachments, IReadOnlyList<string> Missing, string? TryLaterBecause)
{
    public static FetchedFiles TryLater(string? reason) => new([], [], reason ?? "Telegram did not answer");
}
