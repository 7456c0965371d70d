using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>Checks the "Visitors" settings at start-up, naming the key that is wrong.</summary>
public sealed class VisitorFactsOptionsValidator : IValidateOptions<VisitorFactsOptions>
{
    private const string Prefix = VisitorFactsOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, VisitorFactsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (!string.IsNullOrWhiteSpace(options.GeoIpDatabasePath) && !File.Exists(options.GeoIpDatabasePath))
        {
            failures.Add($"{Prefix}{nameof(options.GeoIpDatabasePath)}: file '{options.GeoIpDatabasePath}' does not exist");
        }

        foreach (var entry in options.TrustedProxies ?? [])
        {
            if (!VisitorFacts.TrustedProxies.TryParseEntry(entry, out _))
            {
                failures.Add($"{Prefix}{nameof(options.TrustedProxies)}: '{entry}' is not an IP address or CIDR network");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.DefaultPhoneRegion)
            && !PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(options.DefaultPhoneRegion.Trim().ToUpperInvariant()))
        {
            failures.Add($"{Prefix}{nameof(options.DefaultPhoneRegion)}: '{options.DefaultPhoneRegion}' is not a region code libphonenumber knows");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
