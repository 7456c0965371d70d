using Inbox.Channels.Email.Inbound;
using Inbox.Channels.Email.Mail;
using Inbox.Channels.Email.Outbound;
using Inbox.Core.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Channels.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>Registers the email channel when Email:Imap:Host and Email:Smtp:Host are set; otherwise only its (validated) options.</summary>
    /// <remarks>The channel does not schedule its own polls: a scheduled job calls <see cref="MailboxPoller.PollOnceAsync"/>,
    /// which is registered only while the channel is on.</remarks>
    public static IServiceCollection AddEmailChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        // Attachment links use the widget's public address unless email has its own.
        services.PostConfigure<EmailOptions>(email => email.PublicBaseUrl ??=
            Uri.TryCreate(configuration["Widget:PublicBaseUrl"], UriKind.Absolute, out var widget) ? widget : new Uri(EmailDefaults.PublicBaseUrl));

        var email = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        if (!email.IsEnabled) return services;

        services.AddSingleton<MailConnector>();
        services.AddSingleton<MailboxPositionStore>();
        services.AddSingleton<MailThreadLookup>();
        services.AddSingleton<MailAttachments>();
        services.AddSingleton<MailIntake>();
        services.AddSingleton<MailboxPoller>();
        services.AddSingleton<IOutboxRouter, EmailOutboxRouter>();
        services.AddSingleton<SentMailCopies>();
        services.AddSingleton<IOutboxDeliverer, SmtpReplyDeliverer>();
        return services;
    }

    private sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
    {
        public ValidateOptionsResult Validate(string? name, EmailOptions options)
        {
            var failures = options.Validate().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
