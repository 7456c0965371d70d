using System.Net;
using System.Text;

namespace Inbox.Host.Tests.Faults.Fuzzing;

/// <summary>One endpoint under fuzz: <see cref="Next"/> makes the i-th request (authenticated as the endpoint needs) and says what its body is.</summary>
internal sealed record FuzzTarget(string Name, Func<int, (HttpRequestMessage Request, FuzzedBody Body)> Next);

/// <summary>Sends each target's requests and keeps what came back: statuses per target, and every 5xx with the request that caused it.</summary>
internal sealed class FuzzRun(FuzzHost host)
{
    private readonly List<string> _failures = [];
    private readonly List<string> _summary = [];

    public IReadOnlyList<string> Failures => _failures;

    public async Task RunAsync(FuzzTarget target, int requests)
    {
        var statuses = new SortedDictionary<int, int>();
        for (var i = 0; i < requests; i++)
        {
            var (request, body) = target.Next(i);
            // Over the host's body limit the host answers 413 before taking the body; without this the client would
            // still be sending when the connection closes, and never read the answer.
            if (body.Bytes.Length > 1024 * 1024) request.Headers.ExpectContinue = true;
            var what = $"{request.Method} {request.RequestUri?.PathAndQuery}";
            if (what.Length > 200) what = what[..200] + "…";
            HttpStatusCode status;
            string answer;
            try
            {
                (status, answer) = await host.SendAsync(request);
            }
            catch (HttpRequestException error)
            {
                // The connection was dropped instead of answered: as bad as a 500.
                _failures.Add($"{target.Name} #{i}: {what}: no answer ({error.Message}); {body.Mutation}; content type {body.ContentType}; body {body.Preview()}");
                continue;
            }
            statuses[(int)status] = statuses.GetValueOrDefault((int)status) + 1;
            if ((int)status >= 500)
                _failures.Add($"{target.Name} #{i}: {what}: {(int)status} {Short(answer)}; {body.Mutation}; content type {body.ContentType}; body {body.Preview()}");
        }
        _summary.Add($"{target.Name}: {string.Join(", ", statuses.Select(s => $"{s.Value}×{s.Key}"))}");
    }

    public string Summary() => string.Join('\n', _summary);

    /// <summary>The failures, at most a few per target so one bug does not hide the others.</summary>
    public string Report()
    {
        var builder = new StringBuilder($"{_failures.Count} requests got a 5xx or no answer:\n");
        foreach (var group in _failures.GroupBy(f => f[..f.IndexOf(" #", StringComparison.Ordinal)]))
            foreach (var failure in group.Take(5)) builder.AppendLine(failure);
        return builder.ToString();
    }

    private static string Short(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
