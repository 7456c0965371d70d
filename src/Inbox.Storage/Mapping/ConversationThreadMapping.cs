using Inbox.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Storage.Mapping;

internal sealed class ConversationThreadMapping : IEntityTypeConfiguration<ConversationThread>
{
    public void Configure(EntityTypeBuilder<ConversationThread> b)
    {
        b.ToTable("ConversationThreads");
        b.HasKey(t => new { t.ConversationId, t.Destination });
        b.Property(t => t.Destination).HasMaxLength(50);
        b.Property(t => t.ExternalId).HasMaxLength(400);
        b.HasIndex(t => new { t.Destination, t.ExternalId }).IsUnique();
        b.Property(t => t.MovedFromExternalId).HasMaxLength(400);
        // A reply in a thread that was moved away is told where the conversation went.
        b.HasIndex(t => new { t.Destination, t.MovedFromExternalId });
        b.HasOne<Conversation>().WithMany().HasForeignKey(t => t.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
