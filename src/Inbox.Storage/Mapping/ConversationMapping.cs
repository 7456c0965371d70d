using Inbox.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Storage.Mapping;

internal sealed class ConversationMapping : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.ToTable("Conversations");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Site).HasMaxLength(200);
        b.Property(c => c.Subject).HasMaxLength(300);
        b.Property(c => c.RouteName).HasMaxLength(100);
        b.Property(c => c.Preview).HasMaxLength(Conversation.PreviewLength);
        b.Ignore(c => c.Reference);
        b.PrimitiveCollection(c => c.Tags).HasField("_tags").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.PrimitiveCollection(c => c.Participants).HasField("_participants").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<Contact>().WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Operator>().WithMany().HasForeignKey(c => c.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        // The views filter on status and blocked flag and page by last activity, newest first.
        b.HasIndex(c => new { c.Status, c.IsContactBlocked, c.LastActivityAt, c.Id });
        b.HasIndex(c => new { c.AssigneeId, c.Status, c.LastActivityAt, c.Id });
        b.HasIndex(c => new { c.ContactId, c.LastActivityAt });
        b.HasIndex(c => new { c.Status, c.EndedAt });
    }
}
