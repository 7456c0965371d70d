using System.Buffers.Binary;
using Inbox.Core.Model;

namespace Inbox.Bench.Seeding;

/// <summary>
/// What a long-lived inbox of <see cref="Conversations"/> conversations holds, row by row, computed from the row number
/// alone (so a seeded database can be described again without reading it back).
/// </summary>
/// <remarks>
/// Two years of traffic, ids in start order: most conversations closed, about 3% spam, open ones among the newest 3% and
/// active within the last two days (as auto-close leaves them); 20 operators share the assignments; two conversations per visitor, a year apart;
/// 0.3% of visitors blocked; one customer message per conversation; a Slack thread for every conversation that is not spam.
/// </remarks>
internal sealed class SeedPlan(int conversations, DateTimeOffset now)
{
    public const int OperatorCount = 20;
    public const string DanaEmail = "dana@example.test";
    public const string LeeEmail = "lee@example.test";
    public const string SlackChannel = "CINBOX0001";

    private static readonly TimeSpan History = TimeSpan.FromDays(730);
    private static readonly string[] FirstNames =
    [
        "Ada", "Bruno", "Chen", "Dara", "Elif", "Farah", "Goran", "Hana", "Ines", "Jonas", "Kofi", "Lena", "Mateo", "Nadia",
        "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe", "Aiko", "Bilal",
        "Carmen", "Dmitri", "Esme", "Felix", "Greta", "Hugo", "Ivy", "Jamal", "Kira", "Luca", "Maya", "Nils",
    ];
    private static readonly string[] LastNames =
    [
        "Okafor", "Novak", "Schmidt", "Tanaka", "Haddad", "Kowalski", "Moreau", "Silva", "Johansson", "Rossi", "Yilmaz",
        "Nguyen", "Papadopoulos", "Fischer", "Ivanova", "Garcia", "Murphy", "Costa", "Dubois", "Larsen", "Kim", "Sato",
        "Ahmed", "Brennan", "Castillo", "Dimitrov", "Eriksen", "Fontaine", "Gallo", "Horvat", "Ibrahim", "Jensen", "Keller",
        "Lindqvist", "Mendes", "Nakamura", "Oliveira", "Petrov", "Quintero", "Reyes",
    ];
    private static readonly string[] Questions =
    [
        "My order has not arrived yet, can you check where it is?", "How do I reset my password?",
        "I was charged twice for the same invoice.", "Can I change the delivery address?", "The app crashes when I upload a photo.",
        "Do you ship to Norway?", "I would like a refund for the damaged item.", "Where can I download my receipts?",
        "Is there a discount for yearly plans?", "The tracking link shows an error.", "Can I add a second user to my account?",
        "My discount code does not work at checkout.",
    ];

    public int Conversations { get; } = conversations;
    public int Contacts { get; } = Math.Max(1, conversations / 2);
    public DateTimeOffset Now { get; } = now;
    public string SearchWord => LastNames[7];

    // ---- operators (0 is Dana, 1 is Lee: the people the bench acts as) ----

    public static Guid OperatorId(int index) => MakeGuid(0x0BE7A70B, index);
    public static string OperatorEmail(int index) => index switch { 0 => DanaEmail, 1 => LeeEmail, _ => $"operator{index}@example.test" };
    public static string OperatorName(int index) => index switch { 0 => "Dana Scully", 1 => "Lee Adama", _ => $"Operator {index}" };

    // ---- contacts (0-based index j) ----

    public static Guid ContactId(long j) => MakeGuid(0x0C047AC7, j);
    public string ContactName(long j) => $"{FirstNames[j % FirstNames.Length]} {LastNames[j / FirstNames.Length % LastNames.Length]}";
    public string ContactEmail(long j) =>
        $"{FirstNames[j % FirstNames.Length]}.{LastNames[j / FirstNames.Length % LastNames.Length]}.{j}@example.test".ToLowerInvariant();
    public bool ContactBlocked(long j) => Unit(j, 11) < 0.003;
    public ChannelKind ContactChannel(long j) => Unit(j, 12) switch { < 0.70 => ChannelKind.Widget, < 0.95 => ChannelKind.Email, _ => ChannelKind.Telegram };
    public string ContactExternalId(long j) => ContactChannel(j) switch
    {
        ChannelKind.Widget => $"visitor-{j}",
        ChannelKind.Email => ContactEmail(j),
        _ => (100_000_000 + j).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    // ---- conversations (1-based id i) ----

    public long ContactOf(long i) => (i - 1) % Contacts;

    public DateTimeOffset StartedAt(long i) => Now - History + History * ((i - 1) / (double)Conversations);

    public ConversationStatus Status(long i)
    {
        if (Unit(i, 1) < 0.03) return ConversationStatus.Spam;
        // Auto-close (48 h idle, on by default) keeps only recently active conversations open: among the newest 3%.
        return i > Conversations * 0.97 && Unit(i, 2) < 0.4 ? ConversationStatus.Open : ConversationStatus.Closed;
    }

    public bool IsOpen(long i) => Status(i) == ConversationStatus.Open;

    public DateTimeOffset? EndedAt(long i) => Status(i) switch
    {
        ConversationStatus.Closed => Min(StartedAt(i) + TimeSpan.FromMinutes(5 + Unit(i, 3) * 3 * 24 * 60), Now),
        ConversationStatus.Spam => StartedAt(i),
        _ => null,
    };

    /// <summary>Closed and spam: when they ended; open: within the last 47 hours (the customer wrote again, or someone answered).</summary>
    public DateTimeOffset LastActivityAt(long i) =>
        EndedAt(i) ?? Max(StartedAt(i), Now - TimeSpan.FromHours(Unit(i, 4) * 47));

    public Guid? AssigneeId(long i)
    {
        var share = Status(i) switch { ConversationStatus.Closed => 0.95, ConversationStatus.Open => 0.6, _ => 0 };
        return Unit(i, 5) < share ? OperatorId((int)(Mix(i, 6) % OperatorCount)) : null;
    }

    public bool AwaitingReply(long i) => IsOpen(i) && (AssigneeId(i) is null || Unit(i, 7) < 0.5);

    /// <summary>While a customer waits: since their last message; the SLA reminders due by now count as sent, as the job would have sent them.</summary>
    public DateTimeOffset? WaitingSince(long i) => AwaitingReply(i) ? LastActivityAt(i) : null;

    public int RemindersSent(long i) => WaitingSince(i) is { } since
        ? (Now - since) switch { var wait when wait >= TimeSpan.FromHours(1) => 2, var wait when wait >= TimeSpan.FromMinutes(15) => 1, _ => 0 }
        : 0;

    public DateTimeOffset? FirstResponseAt(long i)
    {
        if (AssigneeId(i) is null || AwaitingReply(i)) return null;
        var at = StartedAt(i) + TimeSpan.FromMinutes(2 + Unit(i, 8) * 28);
        return Min(at, EndedAt(i) ?? LastActivityAt(i));
    }

    public List<string> Tags(long i) => Unit(i, 9) switch
    {
        < 0.08 => ["vip"],
        < 0.23 => ["billing"],
        < 0.26 => ["billing", "vip"],
        _ => [],
    };

    public ChannelKind Channel(long i) => ContactChannel(ContactOf(i));

    public string Question(long i) => $"{Questions[Mix(i, 10) % (ulong)Questions.Length]} (ref {i})";

    public string SlackThreadTs(long i) =>
        $"{StartedAt(i).ToUnixTimeSeconds()}.{i % 1_000_000:D6}";

    // ---- deterministic randomness ----

    private static ulong Mix(long value, ulong salt)
    {
        // SplitMix64 over the value and a salt per question asked about it.
        var z = (ulong)value * 0x9E3779B97F4A7C15UL + salt * 0xBF58476D1CE4E5B9UL + 0x94D049BB133111EBUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static double Unit(long value, ulong salt) => (Mix(value, salt) >> 11) * (1.0 / (1UL << 53));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static Guid MakeGuid(int kind, long index)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt32BigEndian(bytes, kind);
        bytes[4] = 0xBE; bytes[5] = 0x4C; bytes[6] = 0x40; bytes[7] = 0x00; // version 4 nibble keeps it a well-formed GUID
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], index);
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
