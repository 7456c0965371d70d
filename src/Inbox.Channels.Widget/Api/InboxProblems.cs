using Inbox.Core.Commands;
using Microsoft.AspNetCore.Http;

namespace Inbox.Channels.Widget.Api;

/// <summary>RFC 7807 answers for refused commands and bad input, shared by the widget and operator APIs.</summary>
public static class InboxProblems
{
    public static IResult From(InboxError error)
    {
        var status = error.Kind switch
        {
            InboxErrorKind.NotFound => StatusCodes.Status404NotFound,
            InboxErrorKind.Conflict => StatusCodes.Status409Conflict,
            InboxErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status400BadRequest,
        };
        return error.Field is null
            ? Results.Problem(detail: error.Message, statusCode: status)
            : Results.ValidationProblem(new Dictionary<string, string[]> { [error.Field] = [error.Message] }, detail: error.Message, statusCode: status);
    }

    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message);

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(v => v)));

    public static IResult Unauthorized(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized);
}
