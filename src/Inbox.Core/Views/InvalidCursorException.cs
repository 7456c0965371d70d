namespace Inbox.Core.Views;

/// <summary>A page cursor that the store did not hand out.</summary>
public sealed class InvalidCursorException(string cursor) : ArgumentException($"'{cursor}' is not a valid page cursor.", "after");
