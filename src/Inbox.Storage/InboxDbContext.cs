using Inbox.Core.Model;
using Inbox.Storage.Mapping;
using Inbox.Storage.Writing;
using Inbox.Storage.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage;

/// <summary>The inbox's tables: contacts, conversations, messages, operators and the outbox.</summary>
public sealed class InboxDbContext(DbContextOptions<InboxDbContext> options) : DbContext(options)
{
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<MessageDelivery> MessageDeliveries => Set<MessageDelivery>();
    public DbSet<Operator> Operators => Set<Operator>();
    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();
    public DbSet<ConversationThread> ConversationThreads => Set<ConversationThread>();
    public DbSet<Files.FileRecord> Files => Set<Files.FileRecord>();
    public DbSet<Settings.BridgeSettingRecord> BridgeSettings => Set<Settings.BridgeSettingRecord>();

    /// <summary>The contact a channel identity belongs to; driven by the identity's unique index, never a scan of contacts.</summary>
    public async Task<Guid?> ContactIdOf(ContactIdentity identity, CancellationToken cancellationToken) =>
        await (from contact in Contacts
               from known in contact.Identities
               where known.Channel == identity.Channel && known.ExternalId == identity.ExternalId
               select (Guid?)contact.Id).FirstOrDefaultAsync(cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InboxDbContext).Assembly);
        // Several hosts write one PostgreSQL database, so ids come from its sequences (SQLite's one writer counts itself).
        if (Database.IsNpgsql())
            foreach (var sequence in IdSequences.All)
                modelBuilder.HasSequence<long>(sequence);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
