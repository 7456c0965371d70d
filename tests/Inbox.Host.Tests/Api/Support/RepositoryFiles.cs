namespace Inbox.Host.Tests.Api.Support;

/// <summary>Finds files checked into the repository from wherever the test assembly runs.</summary>
internal static class RepositoryFiles
{
    public static string Path(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Inbox.sln")))
            {
                var path = System.IO.Path.Combine(directory.FullName, relativePath);
                return File.Exists(path) ? path : throw new FileNotFoundException($"{relativePath} is not in the repository.", path);
            }
        }
        throw new DirectoryNotFoundException($"No Inbox.sln above {AppContext.BaseDirectory}.");
    }
}
