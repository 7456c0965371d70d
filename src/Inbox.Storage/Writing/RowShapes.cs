using Inbox.Core.Model;
using Inbox.Storage.Outbox;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Inbox.Storage.Writing;

/// <summary>The shapes of the rows the writer writes (or compares) itself, read once from the model every writer context shares.</summary>
internal sealed class RowShapes(IModel model)
{
    public RowShape Conversations { get; } = new(Find<Conversation>(model));

    public RowShape Contacts { get; } = new(Find<Contact>(model));

    public RowShape Messages { get; } = new(Find<Message>(model));

    public RowShape Deliveries { get; } = new(Find<MessageDelivery>(model));

    public RowShape Outbox { get; } = new(Find<OutboxRecord>(model));

    private static IEntityType Find<T>(IModel model) =>
        model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
}
