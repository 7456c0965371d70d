using Inbox.Core.Model;
using Inbox.Core.Storage;

namespace Inbox.Core.Commands;

/// <summary>Keeps the list of operators: created or renamed from configuration, Slack or Teams, always keyed by email.</summary>
public sealed class OperatorDirectory(IInboxStore store)
{
    public Task<InboxResult<Operator>> EnsureAsync(string email, string displayName, CancellationToken cancellationToken) =>
        EnsureAsync(email, displayName, link: null, cancellationToken);

    /// <summary>As above, and <paramref name="link"/> records the operator's id on a bridge (Slack user, Teams user) so bridges can mention them.</summary>
    public Task<InboxResult<Operator>> EnsureAsync(string email, string displayName, Action<Operator>? link, CancellationToken cancellationToken) =>
        store.WriteAsync<InboxResult<Operator>>(async (uow, ct) =>
        {
            if (string.IsNullOrWhiteSpace(email) || !email.Contains('@'))
                return InboxError.Invalid($"'{email}' is not an email address.", "email");
            if (string.IsNullOrWhiteSpace(displayName))
                return InboxError.Invalid("An operator needs a display name.", "displayName");
            var existing = await uow.FindOperatorByEmailAsync(Operator.NormalizeEmail(email), ct);
            if (existing is not null)
            {
                existing.Rename(displayName);
                link?.Invoke(existing);
                return existing;
            }
            var created = new Operator(uow.NewId(), displayName.Trim(), email);
            link?.Invoke(created);
            uow.Add(created);
            return created;
        }, cancellationToken);

    /// <summary>Sets whether the operator takes conversations, and optionally how many at once (0 or less: back to the default).</summary>
    public Task<InboxResult<Operator>> SetStatusAsync(Guid operatorId, OperatorStatus status, int? capacity, CancellationToken cancellationToken) =>
        store.WriteAsync<InboxResult<Operator>>(async (uow, ct) =>
        {
            if (!Enum.IsDefined(status)) return InboxError.Invalid("Status must be online, away or offline.", "status");
            if (capacity > 1000) return InboxError.Invalid("Capacity must be at most 1000.", "capacity");
            var op = await uow.FindOperatorAsync(operatorId, ct);
            if (op is null) return InboxError.NotFound("You are not a known operator.");
            op.SetStatus(status);
            if (capacity is { } max) op.SetCapacity(max <= 0 ? null : max);
            return op;
        }, cancellationToken);
}
