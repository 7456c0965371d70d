namespace Inbox.Core.Model;

/// <summary>Facts about a contact as a channel learnt them; null means "not known here".</summary>
public sealed record ContactProfile(
    string? Name = null,
    string? Email = null,
    string? Phone = null,
    string? City = null,
    string? Country = null,
    string? Device = null,
    string? OperatingSystem = null,
    string? Browser = null);
