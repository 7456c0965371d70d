using System.Text;
using System.Text.Json.Nodes;

namespace Inbox.Host.Tests.Faults.Fuzzing;

/// <summary>
/// Turns a valid JSON payload into a broken one, deterministically from its seeded <see cref="Random"/>: truncations,
/// wrong types, nulls, missing fields, huge strings, deep nesting, invalid UTF-8, odd text, random bytes, wrong content types.
/// </summary>
/// <remarks>Most mutations keep the rest of the payload valid, so the request still reaches the code behind the parser.</remarks>
internal sealed class JsonFuzzer(Random random)
{
    private static readonly string[] OddTexts =
    [
        "", " ", "\u0000", "\u202e\u0645\u0631\u062d\u0628\u0627", "😀👨‍👩‍👧", "<!channel> @here <@U0FAKEBOT>", "<script>alert(1)</script>",
        "'; DROP TABLE Messages; --", "#99999999999999999999", "#-1", "#0", "../../../etc/passwd", "%00%ff", "\\", "\"", "\r\n\r\n",
        "${jndi:ldap://x}", "null", "true", "1e309", "-0", "NaN", "9223372036854775808", "29:", "28:", "a:b:c", "\t#1\t",
    ];

    public Random Random => random;

    /// <summary>The seed itself (now and then, so valid requests are in the mix) or one to three mutations of it.</summary>
    public FuzzedBody Next(JsonNode seed, string contentType = "application/json")
    {
        if (random.Next(12) == 0) return FuzzedBody.Text(seed.ToJsonString(), contentType, "valid");
        switch (random.Next(14))
        {
            case 0: return Truncated(seed.ToJsonString(), contentType);
            case 1: return RandomBytes(contentType);
            case 2: return InvalidUtf8(MutateTree(seed, out var what1).ToJsonString(), contentType, what1);
            case 3: return DeepNesting(seed, contentType);
            case 4: return FuzzedBody.Text(seed.ToJsonString(), WrongContentType(), "wrong content type");
            case 5: return FuzzedBody.Text(Pick(["", "null", "[]", "{}", "1", "\"text\"", "true", "[{}]", "{\"\":null}", " ", "{", "}", "\u0000"]), contentType, "root");
            case 6: return FuzzedBody.Text(DuplicateKey(seed.ToJsonString()), contentType, "duplicate key");
            case 7: return FuzzedBody.Text(LoneSurrogate(seed.ToJsonString()), contentType, "lone surrogate escape");
            default:
                var tree = seed.DeepClone();
                var steps = new List<string>();
                var count = 1 + random.Next(3);
                for (var i = 0; i < count; i++)
                {
                    tree = MutateTree(tree, out var what);
                    steps.Add(what);
                }
                return FuzzedBody.Text(tree.ToJsonString(), contentType, string.Join("; ", steps));
        }
    }

    /// <summary>One change to a copy of the tree: a node gets a wrong type, null, a huge or odd string, or an object loses a field.</summary>
    public JsonNode MutateTree(JsonNode seed, out string what)
    {
        var root = seed.DeepClone();
        var slots = Slots(root).ToList();
        if (slots.Count == 0) { what = "root replaced"; return WrongValue() ?? JsonValue.Create(0); }
        var (parent, key, index, node) = slots[random.Next(slots.Count)];
        var path = key ?? $"[{index}]";
        JsonNode? replacement;
        switch (random.Next(6))
        {
            case 0:
                if (parent is JsonObject removable && key is not null) { removable.Remove(key); what = $"removed {path}"; return root; }
                replacement = null; what = $"{path} = null"; break;
            case 1: replacement = null; what = $"{path} = null"; break;
            case 2: replacement = HugeString(out var length); what = $"{path} = string of {length}"; break;
            case 3: replacement = Pick(OddTexts); what = $"{path} = odd text"; break;
            default: replacement = WrongValue(node); what = $"{path} = wrong type"; break;
        }
        if (parent is JsonObject obj) obj[key!] = replacement;
        else if (parent is JsonArray array) array[index] = replacement;
        return root;
    }

    public FuzzedBody RandomBytes(string? contentType)
    {
        var bytes = new byte[random.Next(0, 4096)];
        random.NextBytes(bytes);
        return new FuzzedBody(bytes, contentType, "random bytes");
    }

    public string WrongContentType() => Pick(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/xml", "application/json; charset=utf-16", "application/octet-stream", "", "nonsense", "application/json; charset=\"", "*/*"]);

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private FuzzedBody Truncated(string json, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var cut = random.Next(bytes.Length);
        return new FuzzedBody(bytes[..cut], contentType, $"truncated at {cut} of {bytes.Length}");
    }

    private FuzzedBody InvalidUtf8(string json, string contentType, string what)
    {
        var bytes = Encoding.UTF8.GetBytes(json).ToList();
        // Inside a string when there is one (just after a quote), so the parser meets it in a value.
        var quotes = bytes.Select((b, i) => (b, i)).Where(p => p.b == (byte)'"').Select(p => p.i + 1).ToList();
        var at = quotes.Count > 0 ? quotes[random.Next(quotes.Count)] : random.Next(bytes.Count + 1);
        byte[][] broken = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xC0, 0xAF], [0x80]];
        bytes.InsertRange(Math.Min(at, bytes.Count), Pick(broken));
        return new FuzzedBody([.. bytes], contentType, $"invalid UTF-8 at {at}; {what}");
    }

    private FuzzedBody DeepNesting(JsonNode seed, string contentType)
    {
        var depth = Pick([65, 200, 5_000, 100_000]);
        var (open, close) = random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        var tree = seed.DeepClone();
        var slots = Slots(tree).ToList();
        if (slots.Count > 0 && random.Next(3) > 0)
        {
            var slot = slots[random.Next(slots.Count)];
            if (slot.Parent is JsonObject obj) obj[slot.Key!] = "__deep__";
            else if (slot.Parent is JsonArray array) array[slot.Index] = "__deep__";
        }
        else tree = "__deep__";
        var json = tree.ToJsonString().Replace("\"__deep__\"", nested, StringComparison.Ordinal);
        return FuzzedBody.Text(json, contentType, $"nested {depth} deep");
    }

    private string DuplicateKey(string json)
    {
        // After any '{' (the root's or a nested object's), a key that may already be there.
        var braces = json.Select((c, i) => (c, i)).Where(p => p.c == '{').Select(p => p.i).ToList();
        if (braces.Count == 0) return json;
        var at = braces[random.Next(braces.Count)] + 1;
        var next = json.IndexOf('"', at);
        var sameKey = next == at && json.IndexOf('"', at + 1) is > 0 and var end ? json[at..(end + 1)] + ":null," : null;
        return json.Insert(at, sameKey ?? Pick(["\"type\":1,", "\"type\":null,", "\"text\":{},", "\"id\":\"x\",", "\"user\":[],"]));
    }

    private string LoneSurrogate(string json)
    {
        var quote = json.IndexOf('"', random.Next(Math.Max(1, json.Length)));
        return quote < 0 ? json + "\"\\ud800\"" : json.Insert(quote + 1, Pick(["\\ud800", "\\udfff", "\\u0000", "\\ud83d\\ude00", "\\uZZZZ", "\\"]));
    }

    private JsonNode HugeString(out int length)
    {
        length = Pick([5_000, 70_000, 300_000, 1_100_000]);
        var unit = Pick(["a", "é", "😀", " ", "#", "<"]);
        return string.Concat(Enumerable.Repeat(unit, length / unit.Length));
    }

    private JsonNode? WrongValue(JsonNode? current = null)
    {
        JsonNode?[] values =
        [
            0, -1, 1.5, 1e308, long.MaxValue, true, false, "x", "", new JsonArray(), new JsonObject(), null,
            new JsonArray(1, "a", null, new JsonObject()), new JsonObject { ["id"] = new JsonObject(), ["type"] = 5 },
            JsonValue.Create(decimal.MaxValue), new JsonArray(new JsonArray(new JsonArray())), "12345678901234567890123",
        ];
        for (var i = 0; i < 5; i++)
        {
            var value = values[random.Next(values.Length)];
            if (current is null || value is null || value.GetValueKind() != current.GetValueKind()) return value?.DeepClone();
        }
        return null;
    }

    /// <summary>Every node with where it sits, the root's children first and deeper ones after.</summary>
    private static IEnumerable<(JsonNode Parent, string? Key, int Index, JsonNode? Node)> Slots(JsonNode root)
    {
        var queue = new Queue<JsonNode>([root]);
        while (queue.Count > 0)
        {
            var parent = queue.Dequeue();
            if (parent is JsonObject obj)
            {
                foreach (var (key, child) in obj.ToList())
                {
                    yield return (obj, key, -1, child);
                    if (child is not null) queue.Enqueue(child);
                }
            }
            else if (parent is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, null, i, array[i]);
                    if (array[i] is { } child) queue.Enqueue(child);
                }
            }
        }
    }
}
