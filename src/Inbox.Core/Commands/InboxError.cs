namespace Inbox.Core.Commands;

/// <summary>Why a command was refused; the message is written for the operator or visitor who asked.</summary>
public sealed record InboxError(InboxErrorKind Kind, string Message, string? Field = null)
{
    public static InboxError NotFound(string message) => new(InboxErrorKind.NotFound, message);
    public static InboxError Invalid(string message, string? field = null) => new(InboxErrorKind.Invalid, message, field);
    public static InboxError Conflict(string message) => new(InboxErrorKind.Conflict, message);
    public static InboxError TooLarge(string message, string? field = null) => new(InboxErrorKind.TooLarge, message, field);
}

/// <summary>The kinds of refusal; the HTTP layer maps them to 404, 400, 409 and 413.</summary>
public enum InboxErrorKind
{
    NotFound,
    Invalid,
    Conflict,
    TooLarge,
}
