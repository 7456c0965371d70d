namespace Inbox.Slack.Rendering;

/// <summary>The <c>action_id</c>s of the thread root's buttons; each button's <c>value</c> is the conversation id.</summary>
public static class SlackActions
{
    public const string AssignToMe = "inbox.assign_me";
    public const string Join = "inbox.join";
    public const string Transfer = "inbox.transfer";
    public const string Close = "inbox.close";
    public const string Reopen = "inbox.reopen";
    public const string Spam = "inbox.spam";
    public const string Details = "inbox.details";
    public const string History = "inbox.history";
}
