using Inbox.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Storage.Mapping;

internal sealed class OperatorMapping : IEntityTypeConfiguration<Operator>
{
    public void Configure(EntityTypeBuilder<Operator> b)
    {
        b.ToTable("Operators");
        b.HasKey(o => o.Id);
        b.Property(o => o.DisplayName).HasMaxLength(200);
        b.Property(o => o.Email).HasMaxLength(320);
        b.Property(o => o.SlackUserId).HasMaxLength(50);
        b.Property(o => o.TeamsObjectId).HasMaxLength(100);
        b.Property(o => o.AvatarUrl).HasMaxLength(Operator.MaxAvatarUrlLength);
        b.HasIndex(o => o.Email).IsUnique();
        b.Property(o => o.Status).HasConversion<int>();
    }
}
