namespace Inbox.Slack.BlockKit;

/// <summary>A thin horizontal rule.</summary>
public sealed record DividerBlock : Block
{
    public DividerBlock(string? blockId = null) : base(blockId) { }
}
