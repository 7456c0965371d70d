using Inbox.Core.Commands;
using Microsoft.Extensions.Options;

namespace Inbox.Host.OperatorApi;

/// <summary>Makes sure every operator named in the API keys exists, so their key works from the first request.</summary>
internal sealed class OperatorSeeder(OperatorDirectory directory, IOptions<OperatorApiOptions> options, ILogger<OperatorSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Keys.Count == 0)
            logger.LogInformation("Operator API has no keys (OperatorApi:Keys); its endpoints answer 401");
        foreach (var key in options.Value.Keys)
        {
            var result = await directory.EnsureAsync(key.Email, key.Name, cancellationToken);
            if (!result.Succeeded)
                throw new InvalidOperationException($"OperatorApi:Keys entry for '{key.Email}': {result.Error.Message}");
        }
    }
}
