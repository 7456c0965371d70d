namespace Inbox.Host.OperatorApi;

/// <summary>The authorization policy of the operator API: a valid operator key.</summary>
public static class OperatorApiPolicy
{
    public const string Name = "operator";
}
