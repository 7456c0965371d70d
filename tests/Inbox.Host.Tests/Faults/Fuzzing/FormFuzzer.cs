using System.Text;
using System.Text.Json.Nodes;

namespace Inbox.Host.Tests.Faults.Fuzzing;

/// <summary>
/// Breaks form bodies (<c>application/x-www-form-urlencoded</c>, as Slack sends slash commands and interactivity):
/// missing, repeated, huge and odd fields, bad percent-escapes, invalid UTF-8, a JSON field mutated by <see cref="JsonFuzzer"/>.
/// </summary>
internal sealed class FormFuzzer(JsonFuzzer json)
{
    private const string FormType = "application/x-www-form-urlencoded";

    public FuzzedBody Next(IReadOnlyList<KeyValuePair<string, string>> seed, string? jsonField = null)
    {
        var random = json.Random;
        if (random.Next(12) == 0) return FuzzedBody.Text(Encode(seed), FormType, "valid");
        var fields = seed.ToList();
        switch (random.Next(11))
        {
            case 0:
                if (fields.Count > 0) fields.RemoveAt(random.Next(fields.Count));
                return FuzzedBody.Text(Encode(fields), FormType, "field removed");
            case 1:
            {
                var field = fields[random.Next(fields.Count)];
                fields.Add(new(field.Key, json.Pick(["", "x", field.Value + field.Value])));
                return FuzzedBody.Text(Encode(fields), FormType, $"{field.Key} repeated");
            }
            case 2:
            {
                var i = random.Next(fields.Count);
                var length = json.Pick([5_000, 300_000, 1_100_000]);
                fields[i] = new(fields[i].Key, new string('x', length));
                return FuzzedBody.Text(Encode(fields), FormType, $"{fields[i].Key} of {length}");
            }
            case 3:
            {
                var raw = Encode(fields);
                var at = random.Next(raw.Length + 1);
                return FuzzedBody.Text(raw.Insert(at, json.Pick(["%", "%Z", "%ZZ", "%%", "&&&", "=", "==", "+", "%u0041", "&=&"])), FormType, $"bad escape at {at}");
            }
            case 4:
            {
                var i = random.Next(fields.Count);
                var raw = Encode(fields.Take(i)) + (i > 0 ? "&" : "") + Uri.EscapeDataString(fields[i].Key) + "=%FF%FE%C3%28" + Uri.EscapeDataString(fields[i].Value);
                if (i + 1 < fields.Count) raw += "&" + Encode(fields.Skip(i + 1));
                return FuzzedBody.Text(raw, FormType, $"invalid UTF-8 in {fields[i].Key}");
            }
            case 5: return json.RandomBytes(FormType);
            case 6: return FuzzedBody.Text(Encode(fields), json.WrongContentType(), "wrong content type");
            case 7: return FuzzedBody.Text(json.Pick(["", "&", "=", "payload", "payload=", "a=b", "\u0000"]), FormType, "almost empty");
            default:
            {
                var i = jsonField is not null && random.Next(4) > 0 ? fields.FindIndex(f => f.Key == jsonField) : random.Next(fields.Count);
                if (i < 0) i = random.Next(fields.Count);
                var value = fields[i].Value;
                string mutated;
                string what;
                if (TryParse(value) is { } node)
                {
                    var body = json.Next(node);
                    mutated = Encoding.UTF8.GetString(body.Bytes);
                    what = body.Mutation;
                }
                else
                {
                    mutated = json.Pick(["", " ", "#1", "#0", "#-5", "#999999999999999999999", "close", "reply #1", "note", "help me", "\u0000", "assign #1 <@U0NOBODY>"]);
                    what = "odd value";
                }
                fields[i] = new(fields[i].Key, mutated);
                return FuzzedBody.Text(Encode(fields), FormType, $"{fields[i].Key}: {what}");
            }
        }
    }

    public static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    private static JsonNode? TryParse(string value)
    {
        try { return value.StartsWith('{') ? JsonNode.Parse(value) : null; }
        catch (System.Text.Json.JsonException) { return null; }
    }
}
