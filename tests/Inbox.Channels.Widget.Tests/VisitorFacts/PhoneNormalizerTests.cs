using Inbox.Channels.Widget.VisitorFacts;
using Microsoft.Extensions.Options;

namespace Inbox.Channels.Widget.Tests.VisitorFacts;

public sealed class PhoneNormalizerTests
{
    private const string NotValid = "Enter a valid phone number with country code, e.g. +44 20 7946 0958.";

    private static PhoneNormalizer Normalizer(string? defaultRegion = null) =>
        new(Options.Create(new VisitorFactsOptions { DefaultPhoneRegion = defaultRegion }));

    [Theory]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("+44 (0)20 7946 0958", "+442079460958")]
    [InlineData("+1 (202) 555-0143", "+12025550143")]
    [InlineData("+49 30 901820", "+4930901820")]
    [InlineData("+33 1 42 68 53 00", "+33142685300")]
    [InlineData("  +61 2 9374 4000  ", "+61293744000")]
    public void International_number_is_written_in_E164_without_a_default_region(string input, string e164)
    {
        Assert.Equal(new PhoneNormalization(true, e164, null), Normalizer().Normalize(input));
    }

    [Fact]
    public void National_number_uses_the_default_region()
    {
        Assert.Equal(new PhoneNormalization(true, "+12025550143", null), Normalizer("US").Normalize("(202) 555-0143"));
    }

    [Fact]
    public void Default_region_may_be_written_in_lower_case()
    {
        Assert.Equal(new PhoneNormalization(true, "+442079460958", null), Normalizer("gb").Normalize("020 7946 0958"));
    }

    [Fact]
    public void National_number_without_a_default_region_asks_for_the_country_code()
    {
        var result = Normalizer().Normalize("(202) 555-0143");

        Assert.False(result.IsValid);
        Assert.Null(result.E164);
        Assert.Equal("Start the number with + and its country code, e.g. +44 20 7946 0958.", result.Error);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("+44 20 7946")]
    [InlineData("+999 123 456")]
    [InlineData("+")]
    [InlineData("()--")]
    public void Number_that_cannot_be_dialled_is_invalid(string input)
    {
        Assert.Equal(new PhoneNormalization(false, null, NotValid), Normalizer("US").Normalize(input));
    }

    [Theory]
    [InlineData("call me")]
    [InlineData("1-800-FLOWERS")]
    [InlineData("+44 20 7946 0958 ext 12")]
    public void Letters_are_refused_with_a_clear_message(string input)
    {
        var result = Normalizer("US").Normalize(input);

        Assert.False(result.IsValid);
        Assert.Null(result.E164);
        Assert.Equal("A phone number can only contain digits, spaces and the characters + ( ) - .", result.Error);
    }

    [Fact]
    public void Absurdly_long_input_is_refused()
    {
        var result = Normalizer("US").Normalize(new string('1', 500));

        Assert.False(result.IsValid);
        Assert.Equal("That is too long for a phone number.", result.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_number_is_fine_because_the_phone_is_optional(string? input)
    {
        Assert.Equal(new PhoneNormalization(true, null, null), Normalizer().Normalize(input));
    }
}
