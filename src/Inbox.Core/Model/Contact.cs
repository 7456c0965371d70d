namespace Inbox.Core.Model;

/// <summary>A customer (visitor) as Inbox knows them across channels.</summary>
public sealed class Contact
{
    private readonly List<ContactIdentity> _identities = [];
    private List<string> _tags = [];

    private Contact() { }

    public Contact(Guid id, ContactIdentity identity, DateTimeOffset now)
    {
        Id = id;
        _identities.Add(identity);
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string? Name { get; private set; }
    public string? Email { get; private set; }
    /// <summary>Phone number in E.164 form (+442079460958).</summary>
    public string? Phone { get; private set; }
    public string? City { get; private set; }
    /// <summary>ISO 3166 two-letter country code.</summary>
    public string? Country { get; private set; }
    public string? Device { get; private set; }
    public string? OperatingSystem { get; private set; }
    public string? Browser { get; private set; }
    public bool IsBlocked { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<ContactIdentity> Identities => _identities;
    public IReadOnlyList<string> Tags => _tags;

    /// <summary>The name operators see: the given name, else the email, else a stable visitor label.</summary>
    public string DisplayName => DisplayNameOf(Id, Name, Email);

    public static string DisplayNameOf(Guid id, string? name, string? email) => name ?? email ?? $"Visitor {id.ToString("N")[^6..]}";

    public string? ExternalIdOn(ChannelKind channel) =>
        _identities.FirstOrDefault(i => i.Channel == channel)?.ExternalId;

    /// <summary>Applies the facts a profile knows; nulls keep what is known.</summary>
    /// <remarks>Place (city, country) and device (device, OS, browser) are each replaced as a unit, so facts from two different browsers never mix.</remarks>
    public void Update(ContactProfile profile)
    {
        Name = Coalesce(profile.Name, Name);
        Email = Coalesce(profile.Email, Email);
        Phone = Coalesce(profile.Phone, Phone);
        if (Known(profile.City) || Known(profile.Country))
            (City, Country) = (Clean(profile.City), Clean(profile.Country));
        if (Known(profile.Device) || Known(profile.OperatingSystem) || Known(profile.Browser))
            (Device, OperatingSystem, Browser) = (Clean(profile.Device), Clean(profile.OperatingSystem), Clean(profile.Browser));
    }

    public bool AddTag(string tag) => TagSet.Add(ref _tags, tag);

    public bool RemoveTag(string tag) => TagSet.Remove(ref _tags, tag);

    internal void Block() => IsBlocked = true;

    internal void Unblock() => IsBlocked = false;

    private static string? Coalesce(string? incoming, string? current) => Known(incoming) ? incoming!.Trim() : current;

    private static bool Known(string? value) => !string.IsNullOrWhiteSpace(value);

    private static string? Clean(string? value) => Known(value) ? value!.Trim() : null;
}
