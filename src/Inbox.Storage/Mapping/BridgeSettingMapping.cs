using Inbox.Storage.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Storage.Mapping;

internal sealed class BridgeSettingMapping : IEntityTypeConfiguration<BridgeSettingRecord>
{
    public void Configure(EntityTypeBuilder<BridgeSettingRecord> b)
    {
        b.ToTable("BridgeSettings");
        b.HasKey(s => new { s.Bridge, s.Key });
        b.Property(s => s.Bridge).HasMaxLength(32);
        b.Property(s => s.Key).HasMaxLength(200);
    }
}
