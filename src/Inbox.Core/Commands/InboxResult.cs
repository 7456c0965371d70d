using System.Diagnostics.CodeAnalysis;

namespace Inbox.Core.Commands;

/// <summary>A command's outcome: a value, or the reason it was refused.</summary>
public readonly record struct InboxResult<T>
{
    private InboxResult(T? value, InboxError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public InboxError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static InboxResult<T> Success(T value) => new(value, null);

    public static implicit operator InboxResult<T>(T value) => new(value, null);

    public static implicit operator InboxResult<T>(InboxError error) => new(default, error);
}
