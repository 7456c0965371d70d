using Inbox.Storage.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Storage.Mapping;

internal sealed class OutboxMapping : IEntityTypeConfiguration<OutboxRecord>
{
    public void Configure(EntityTypeBuilder<OutboxRecord> b)
    {
        b.ToTable("Outbox");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.Destination).HasMaxLength(50);
        b.Property(o => o.PartitionKey).HasMaxLength(200);
        b.Property(o => o.IdempotencyKey).HasMaxLength(400);
        b.Property(o => o.LastError).HasMaxLength(2000);
        b.HasIndex(o => o.IdempotencyKey).IsUnique();
        // Only pending rows matter to the dispatcher; partial indexes keep its scans small.
        b.HasIndex(o => new { o.PartitionKey, o.Id }).HasFilter("\"State\" = 0").HasDatabaseName("IX_Outbox_Pending_Partition");
        b.HasIndex(o => new { o.NextAttemptAt, o.Id }).HasFilter("\"State\" = 0").HasDatabaseName("IX_Outbox_Pending_Due");
    }
}
