using Inbox.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Storage.Mapping;

internal sealed class ContactMapping : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("Contacts");
        b.HasKey(c => c.Id);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Email).HasMaxLength(320);
        b.Property(c => c.Phone).HasMaxLength(20);
        b.Property(c => c.City).HasMaxLength(200);
        b.Property(c => c.Country).HasMaxLength(2);
        b.Property(c => c.Device).HasMaxLength(100);
        b.Property(c => c.OperatingSystem).HasMaxLength(100);
        b.Property(c => c.Browser).HasMaxLength(100);
        b.Ignore(c => c.DisplayName);
        b.PrimitiveCollection(c => c.Tags).HasField("_tags").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(c => c.Identities, i =>
        {
            i.ToTable("ContactIdentities");
            i.WithOwner().HasForeignKey("ContactId");
            i.Property<long>("Id");
            i.HasKey("Id");
            i.Property(x => x.ExternalId).HasMaxLength(320);
            i.HasIndex(x => new { x.Channel, x.ExternalId }).IsUnique();
        });
        b.Navigation(c => c.Identities).HasField("_identities").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
