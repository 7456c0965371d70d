using System.Text.Json.Serialization;

namespace Inbox.Teams.Cards;

/// <summary>A field the user fills in; its value reaches the bot under its <see cref="CardElement.Id"/>, merged into the action's data.</summary>
public abstract record CardInput : CardElement
{
    private protected CardInput(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>Shown above the field (schema 1.3); preferred over a separate TextBlock for screen readers.</summary>
    [JsonPropertyName("label")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; init; }

    /// <summary>The client refuses to run the action while the field is empty (schema 1.3).</summary>
    [JsonPropertyName("isRequired")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsRequired { get; init; }

    /// <summary>Shown when the value is missing or invalid.</summary>
    [JsonPropertyName("errorMessage")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ErrorMessage { get; init; }
}
