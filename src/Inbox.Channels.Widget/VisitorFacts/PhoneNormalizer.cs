using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>Checks a visitor's phone number and writes it in E.164 form, using libphonenumber's numbering plans.</summary>
public sealed class PhoneNormalizer
{
    internal const string ExampleNumber = "+44 20 7946 0958";
    internal const string NotValidMessage = $"Enter a valid phone number with country code, e.g. {ExampleNumber}.";
    internal const string NeedsCountryCodeMessage = $"Start the number with + and its country code, e.g. {ExampleNumber}.";
    internal const string LettersMessage = "A phone number can only contain digits, spaces and the characters + ( ) - .";
    internal const string TooLongMessage = "That is too long for a phone number.";

    // E.164 allows 15 digits; generous room for spaces and punctuation, no room for essays.
    private const int MaxInputLength = 40;

    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    private readonly string? _defaultRegion;

    public PhoneNormalizer(IOptions<VisitorFactsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var region = options.Value.DefaultPhoneRegion;
        _defaultRegion = string.IsNullOrWhiteSpace(region) ? null : region.Trim().ToUpperInvariant();
    }

    /// <summary>Empty input is valid and yields no number; anything else must be a valid number.</summary>
    public PhoneNormalization Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return PhoneNormalization.Empty;
        }

        var text = input.Trim();
        if (text.Length > MaxInputLength)
        {
            return PhoneNormalization.Invalid(TooLongMessage);
        }

        // libphonenumber would read vanity letters ("1-800-FLOWERS") as digits; a contact
        // form should store the number the visitor can actually be called on.
        if (text.Any(c => !IsPhoneCharacter(c)))
        {
            return PhoneNormalization.Invalid(LettersMessage);
        }

        var hasCountryCode = text.StartsWith('+');
        if (!hasCountryCode && _defaultRegion is null)
        {
            return PhoneNormalization.Invalid(NeedsCountryCodeMessage);
        }

        PhoneNumber number;
        try
        {
            number = Numbers.Parse(text, hasCountryCode ? null : _defaultRegion);
        }
        catch (NumberParseException)
        {
            return PhoneNormalization.Invalid(NotValidMessage);
        }

        return Numbers.IsValidNumber(number)
            ? PhoneNormalization.Valid(Numbers.Format(number, PhoneNumberFormat.E164))
            : PhoneNormalization.Invalid(NotValidMessage);
    }

    private static bool IsPhoneCharacter(char c) =>
        char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-' or '.' or '/' or '\u00A0';
}
