using Inbox.Core.Outbox;
using MailKit.Net.Smtp;

namespace Inbox.Channels.Email.Outbound;

/// <summary>What a failed SMTP send means for the outbox: 5xx answers are permanent, everything else (4xx, lost connections,
/// timeouts, TLS or login trouble) is worth another try.</summary>
public static class SmtpOutcome
{
    public static DeliveryResult Of(Exception error) => error switch
    {
        SmtpCommandException { StatusCode: var code } command when (int)code >= 500 =>
            new DeliveryResult.Rejected($"SMTP refused ({(int)code}): {command.Message}"),
        SmtpCommandException { StatusCode: var code } command =>
            new DeliveryResult.Retry($"SMTP answered {(int)code}: {command.Message}"),
        _ => new DeliveryResult.Retry($"SMTP {error.GetType().Name}: {error.Message}"),
    };

    public static string ReasonOf(DeliveryResult outcome) => outcome switch
    {
        DeliveryResult.Rejected rejected => rejected.Reason,
        DeliveryResult.Retry retry => retry.Reason,
        _ => "",
    };
}
