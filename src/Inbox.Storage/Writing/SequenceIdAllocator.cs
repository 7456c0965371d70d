using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Inbox.Storage.Writing;

/// <summary>PostgreSQL's ids: one <c>nextval</c> per id, on the batch's connection, at the moment the domain asks.</summary>
/// <remarks>
/// Several hosts write the database, so no host can count on its own. Ids are not taken in blocks: the writer
/// asks only after it holds the visitor's row lock (<see cref="ContactRowLocks"/>), so a visitor's messages and
/// outbox rows get increasing ids in the order they commit, whichever host writes them — what the outbox's
/// per-conversation order and the widget's Last-Event-ID resume rely on. The domain asks synchronously
/// (inside its own rules), hence the synchronous round trip; it runs on the writer loop, never on a request thread.
/// </remarks>
internal sealed class SequenceIdAllocator(InboxDbContext db) : IIdAllocator
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public long NextMessageId() => Next(IdSequences.Messages);

    public long NextConversationId() => Next(IdSequences.Conversations);

    public long NextOutboxId() => Next(IdSequences.Outbox);

    private long Next(string sequence)
    {
        if (!_commands.TryGetValue(sequence, out var command))
        {
            command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT nextval('\"{sequence}\"')";
            _commands[sequence] = command;
        }
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
