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
    /// <summary>Opens the Reply modal, whose text always goes to the customer whatever the thread mode.</summary>
    public const string Reply = "inbox.reply";
    /// <summary>The Home tab's route picker; its selected option's value is a route name ("" for every route).</summary>
    public const string HomeRoute = "inbox.home_route";
}
