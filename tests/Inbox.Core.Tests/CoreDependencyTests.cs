using Inbox.Core.Model;

namespace Inbox.Core.Tests;

public sealed class CoreDependencyTests
{
    [Fact]
    public void The_core_references_nothing_but_the_base_class_library()
    {
        var references = typeof(Conversation).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name == "netstandard" || name == "mscorlib" || name.StartsWith("System", StringComparison.Ordinal),
            $"Inbox.Core must not depend on '{name}' (no EF, ASP.NET Core, Slack, Teams or MailKit in the core)."));
    }
}
