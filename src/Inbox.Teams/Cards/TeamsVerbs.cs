using System.Text.Json.Serialization;

namespace Inbox.Teams.Cards;

/// <summary>The <c>verb</c>s of the conversation card's <c>Action.Execute</c> buttons, as they arrive in <c>adaptiveCard/action</c> invokes.</summary>
/// <remarks>The same names as Slack's action ids, so both bridges speak one vocabulary.</remarks>
public static class TeamsVerbs
{
    public const string AssignToMe = "inbox.assign_me";
    public const string Join = "inbox.join";
    public const string Close = "inbox.close";
    public const string Reopen = "inbox.reopen";
    public const string Spam = "inbox.spam";
    public const string Details = "inbox.details";
    public const string History = "inbox.history";
    public const string Transfer = "inbox.transfer";
    /// <summary>The Reply form's send button: its text always goes to the customer, whatever the thread mode.</summary>
    public const string Reply = "inbox.reply";

    /// <summary>The card's <c>refresh</c> action: answer with the conversation card as it is now.</summary>
    public const string Refresh = "inbox.refresh";

    /// <summary>The id of the Transfer form's pick list: the chosen operator's id arrives in the data under this name.</summary>
    public const string OperatorIdInput = "operatorId";

    /// <summary>The id of the Reply form's text field: the answer arrives in the data under this name.</summary>
    public const string ReplyTextInput = "replyText";
}

/// <summary>The data of every conversation card action: <c>{"conversationId": 123}</c>; Transfer adds <c>operatorId</c> from its pick list.</summary>
public sealed record ConversationActionData([property: JsonPropertyName("conversationId")] long ConversationId);
