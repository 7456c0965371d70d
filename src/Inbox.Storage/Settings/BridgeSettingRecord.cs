namespace Inbox.Storage.Settings;

/// <summary>A row of the BridgeSettings table: one value a bridge learned at run time.</summary>
public sealed class BridgeSettingRecord
{
    public required string Bridge { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
