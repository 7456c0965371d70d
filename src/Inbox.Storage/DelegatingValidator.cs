using Microsoft.Extensions.Options;

namespace Inbox.Storage;

/// <summary>Turns an options class's own Validate() messages into start-up failures that name the key.</summary>
public sealed class DelegatingValidator<T>(Func<T, IEnumerable<string>> validate) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = validate(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
