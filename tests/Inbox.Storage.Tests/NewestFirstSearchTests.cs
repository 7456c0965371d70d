using Inbox.Core.Model;
using Inbox.Storage.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Storage.Tests;

/// <summary>
/// SQLite search of words with many hits walks conversations newest first (<see cref="NewestFirstSearch"/>): it must answer
/// exactly what the exact query answers, across statuses, blocked visitors, names and messages, and give up to it in time.
/// </summary>
public sealed class NewestFirstSearchTests() : StoreTests(StorageOptions.Sqlite)
{
    private static readonly SearchWalkOptions AlwaysWalk = new(DenseHits: 1, MostWalked: int.MaxValue);
    private static readonly SearchWalkOptions NeverWalk = new(DenseHits: int.MaxValue);

    [Fact]
    public async Task Walking_newest_first_finds_what_the_exact_query_finds_in_the_same_order()
    {
        await using (var inbox = await OpenAsync())
        {
            var dana = await inbox.OperatorAsync("Dana", "dana@acme.test");
            for (var i = 0; i < 60; i++)
            {
                var visitor = $"v{i % 23}";
                if (i < 23)
                    await inbox.Customers.UpdateProfileAsync(new ContactIdentity(ChannelKind.Widget, visitor),
                        new ContactProfile(i % 3 == 0 ? $"Ana Silva {i}" : $"Kofi Okafor {i}", $"{visitor}@shop{i % 4}.test"), CancellationToken.None);
                var text = (i % 5) switch
                {
                    0 => "where is my order",
                    1 => "order 77 arrived broken",
                    2 => "refund please",
                    3 => "hello there",
                    _ => "my parcel and my order",
                };
                var id = (await inbox.ReceiveAsync(visitor, text, startNew: i % 4 == 0)).Conversation.Id;
                if (i % 7 == 0) await inbox.Operators.CloseAsync(id, dana.Id);
                if (i % 11 == 0) await inbox.Operators.MarkSpamAsync(id, dana.Id);
                if (i == 30) await inbox.Operators.BlockAsync(id, dana.Id);
                inbox.Time.Advance(TimeSpan.FromSeconds(i % 3 == 0 ? 0 : 7)); // equal activity times too: ties go by id
            }
        }

        string[] searches = ["order", "silva", "silva order", "okafor refund", "shop2 parcel", "ord", "hello", "77 broken", "nobody"];
        var exact = await SearchAllAsync(NeverWalk, searches);
        var walked = await SearchAllAsync(AlwaysWalk, searches);

        foreach (var words in searches)
            Assert.True(exact[words].SequenceEqual(walked[words]), $"\"{words}\": exact [{string.Join(", ", exact[words])}], walked [{string.Join(", ", walked[words])}]");
        Assert.Equal(10, exact["order"].Length);
        Assert.NotEmpty(exact["silva order"]);
    }

    [Fact]
    public async Task A_walk_that_passes_its_limit_without_a_full_page_leaves_the_answer_to_the_exact_query()
    {
        await using var inbox = await OpenAsync(services => services.AddSingleton(new SearchWalkOptions(DenseHits: 5, MostWalked: 30)));
        var old = new List<long>();
        for (var i = 0; i < 12; i++)
        {
            old.Add((await inbox.ReceiveAsync($"early{i}", "refund please")).Conversation.Id);
            inbox.Time.Advance(TimeSpan.FromSeconds(1));
        }
        for (var i = 0; i < 100; i++) // more than a chunk of the walk (64), all newer than every match
        {
            await inbox.ReceiveAsync($"late{i}", "hello");
            inbox.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var found = await inbox.Queries.SearchAsync("refund", 10, CancellationToken.None);

        Assert.Equal(old.AsEnumerable().Reverse().Take(10), found.Select(c => c.Id));
    }

    [Fact]
    public async Task The_walk_itself_pages_through_segments_and_chunks_and_matches_the_exact_answer()
    {
        await using (var inbox = await OpenAsync())
        {
            // More conversations than a segment page (256) and a chunk (64), more hits than a first hit array (1,024);
            // "refund" only in the twelve oldest, so the walk must pass every newer conversation to find them.
            for (var i = 0; i < 1_300; i++)
            {
                var text = i < 12 ? "parcel refund" : i % 7 == 0 ? "parcel late" : "parcel";
                await inbox.ReceiveAsync($"v{i}", text);
                inbox.Time.Advance(TimeSpan.FromSeconds(i % 5 == 0 ? 0 : 1));
            }
        }

        string[] searches = ["parcel", "parcel late", "refund", "refund parcel"];
        var exact = await SearchAllAsync(NeverWalk, searches);
        await using var walking = await OpenAsync();
        await using var db = await walking.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        foreach (var words in searches)
        {
            var parts = words.Split(' ').Select(ConversationSearch.Parts).ToList();
            var walked = await NewestFirstSearch.FindAsync(db, parts, 10, AlwaysWalk, CancellationToken.None);
            Assert.NotNull(walked); // the walk answered, not the exact query
            Assert.Equal(exact[words], walked);
        }
        Assert.Equal(10, exact["refund"].Length);
    }

    private async Task<Dictionary<string, long[]>> SearchAllAsync(SearchWalkOptions walk, string[] searches)
    {
        await using var inbox = await OpenAsync(services => services.AddSingleton(walk));
        var results = new Dictionary<string, long[]>();
        foreach (var words in searches)
            results[words] = (await inbox.Queries.SearchAsync(words, 10, CancellationToken.None)).Select(c => c.Id).ToArray();
        return results;
    }
}
