using Inbox.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Storage.Mapping;

internal sealed class MessageMapping : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.ToTable("Messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.AuthorName).HasMaxLength(200);
        b.Property(m => m.ExternalId).HasMaxLength(400);
        b.Ignore(m => m.IsVisibleToCustomer);
        b.Ignore(m => m.IsHeld);
        b.Property(m => m.SenderName).HasMaxLength(200);
        b.Property(m => m.SenderAvatarUrl).HasMaxLength(Operator.MaxAvatarUrlLength);
        b.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.ConversationId, m.Id });
        b.HasIndex(m => m.ExternalId).IsUnique();
        b.Property(m => m.Attachments).HasField("_attachments").UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(new JsonColumnConverter<Attachment>(), JsonColumnConverter<Attachment>.Comparer);
        b.HasMany(m => m.Deliveries).WithOne().HasForeignKey(d => d.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(m => m.Deliveries).HasField("_deliveries").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MessageDeliveryMapping : IEntityTypeConfiguration<MessageDelivery>
{
    public void Configure(EntityTypeBuilder<MessageDelivery> b)
    {
        b.ToTable("MessageDeliveries");
        b.HasKey(d => new { d.MessageId, d.Destination });
        b.Property(d => d.Destination).HasMaxLength(50);
        b.Property(d => d.ExternalId).HasMaxLength(400);
        b.HasIndex(d => new { d.Destination, d.ExternalId });
    }
}
