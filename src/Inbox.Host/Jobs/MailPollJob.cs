using Inbox.Channels.Email.Inbound;
using Quartz;

namespace Inbox.Host.Jobs;

/// <summary>Reads new mail from the support mailbox (only scheduled when the email channel is on).</summary>
[DisallowConcurrentExecution]
public sealed class MailPollJob(MailboxPoller poller) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await poller.PollOnceAsync(cancellationToken);
}
