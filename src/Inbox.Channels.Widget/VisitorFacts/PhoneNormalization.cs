namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>The outcome of checking a phone number a visitor typed.</summary>
/// <param name="IsValid">True for a dialable number, and for no number at all (the phone is optional).</param>
/// <param name="E164">The number in E.164 form ("+442079460958"); null when invalid or empty.</param>
/// <param name="Error">What to tell the visitor when the number is invalid; null otherwise.</param>
public sealed record PhoneNormalization(bool IsValid, string? E164, string? Error)
{
    internal static PhoneNormalization Empty { get; } = new(true, null, null);

    internal static PhoneNormalization Valid(string e164) => new(true, e164, null);

    internal static PhoneNormalization Invalid(string error) => new(false, null, error);
}
