namespace Inbox.Host.OperatorApi;

/// <summary>Who may use the operator REST API, bound from the "OperatorApi" section.</summary>
public sealed class OperatorApiOptions
{
    public const string Section = "OperatorApi";

    /// <summary>One bearer key per operator; the key says who is calling (for "You", assign-to-me, notes).</summary>
    public List<OperatorApiKey> Keys { get; set; } = [];

    public IEnumerable<string> Validate()
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            var key = Keys[i];
            var at = $"{Section}:Keys:{i}";
            if (string.IsNullOrWhiteSpace(key.Key) || key.Key.Length < 16)
                yield return $"{at}:Key must be at least 16 characters (e.g. `openssl rand -hex 24`).";
            if (string.IsNullOrWhiteSpace(key.Email) || !key.Email.Contains('@'))
                yield return $"{at}:Email must be the operator's email address.";
            if (string.IsNullOrWhiteSpace(key.Name))
                yield return $"{at}:Name must be the operator's display name.";
        }
        foreach (var duplicate in Keys.GroupBy(k => k.Key).Where(g => g.Count() > 1 && !string.IsNullOrEmpty(g.Key)))
            yield return $"{Section}:Keys: the same key is configured {duplicate.Count()} times.";
    }
}

/// <summary>A bearer key and the operator it belongs to.</summary>
public sealed class OperatorApiKey
{
    public string Key { get; set; } = "";
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
}
