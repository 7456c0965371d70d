using Inbox.Core.Commands;
using Inbox.Core.Model;

namespace Inbox.Core.Tests;

public sealed class ContactProfileTests
{
    private readonly InMemoryInbox _inbox = new();

    private async Task<Contact> ProfileAsync(ContactProfile profile)
    {
        var result = await _inbox.Customers.UpdateProfileAsync(InMemoryInbox.Visitor("visitor-a"), profile, CancellationToken.None);
        return ResultAssert.Succeeds(result);
    }

    [Fact]
    public async Task Facts_sent_with_a_message_are_recorded_on_the_contact()
    {
        var received = await _inbox.ReceiveAsync(new IncomingMessage(
            InMemoryInbox.Visitor("visitor-a"), "Hello",
            Profile: new ContactProfile(Name: " Ada Lovelace ", Email: "ada@example.com", City: "London", Country: "GB")));

        Assert.Equal("Ada Lovelace", received.Contact.Name);
        Assert.Equal("Ada Lovelace", received.Message.AuthorName);
        Assert.Equal("ada@example.com", received.Contact.Email);
        Assert.Equal(("London", "GB"), (received.Contact.City, received.Contact.Country));
    }

    [Fact]
    public async Task Telling_us_about_yourself_before_writing_creates_the_contact_once()
    {
        var first = await ProfileAsync(new ContactProfile(Name: "Ada"));
        var second = await ProfileAsync(new ContactProfile(Phone: "+442079460958"));

        Assert.Equal(first.Id, second.Id);
        Assert.Single(_inbox.Store.Contacts);
        Assert.Equal(("Ada", "+442079460958"), (second.Name, second.Phone));
        Assert.Empty(_inbox.Store.Conversations);
    }

    [Fact]
    public async Task Unknown_facts_keep_what_is_already_known()
    {
        await ProfileAsync(new ContactProfile("Ada", "ada@example.com", "+442079460958", "London", "GB", "Desktop", "Windows", "Firefox"));

        var contact = await ProfileAsync(new ContactProfile(Name: null, Email: "  ", City: null, Device: ""));

        Assert.Equal("Ada", contact.Name);
        Assert.Equal("ada@example.com", contact.Email);
        Assert.Equal("+442079460958", contact.Phone);
        Assert.Equal(("London", "GB"), (contact.City, contact.Country));
        Assert.Equal(("Desktop", "Windows", "Firefox"), (contact.Device, contact.OperatingSystem, contact.Browser));
    }

    [Fact]
    public async Task Device_facts_from_another_browser_replace_the_old_ones_as_a_unit()
    {
        await ProfileAsync(new ContactProfile(Device: "Desktop", OperatingSystem: "Windows", Browser: "Firefox"));

        var contact = await ProfileAsync(new ContactProfile(Browser: "Safari"));

        Assert.Null(contact.Device);
        Assert.Null(contact.OperatingSystem);
        Assert.Equal("Safari", contact.Browser);
    }

    [Fact]
    public async Task A_new_place_replaces_city_and_country_together()
    {
        await ProfileAsync(new ContactProfile(City: "London", Country: "GB"));

        var contact = await ProfileAsync(new ContactProfile(Country: "FR"));

        Assert.Null(contact.City);
        Assert.Equal("FR", contact.Country);
    }

    [Fact]
    public async Task A_visitor_without_a_name_or_email_is_shown_with_a_stable_label()
    {
        var contact = await ProfileAsync(new ContactProfile(City: "London"));

        Assert.Equal($"Visitor {contact.Id.ToString("N")[^6..]}", contact.DisplayName);
        Assert.Equal(contact.DisplayName, (await ProfileAsync(new ContactProfile())).DisplayName);
    }

    [Fact]
    public async Task A_visitor_with_only_an_email_is_shown_by_email()
    {
        var contact = await ProfileAsync(new ContactProfile(Email: "ada@example.com"));

        Assert.Equal("ada@example.com", contact.DisplayName);
    }
}
