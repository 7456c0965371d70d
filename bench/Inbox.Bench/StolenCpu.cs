using System.Globalization;

namespace Inbox.Bench;

/// <summary>
/// The share of CPU time the hypervisor gave to other guests while this machine's processes wanted it (the "steal"
/// column of <c>/proc/stat</c>), so a run on a busy host shows why it was slow. Null where the file is not there.
/// </summary>
internal sealed class StolenCpu
{
    private readonly (long Steal, long Total)? _start = Read();

    /// <summary>Stolen time as a share of all CPU time since this was made.</summary>
    public double? Share()
    {
        if (_start is not { } start || Read() is not { } now) return null;
        var total = now.Total - start.Total;
        return total > 0 ? (double)(now.Steal - start.Steal) / total : null;
    }

    /// <summary>"12% of CPU time stolen by the hypervisor", or an empty string where it cannot be read.</summary>
    public string Describe() => Share() is { } share ? $"{share:P0} of CPU time stolen by the hypervisor" : "";

    // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest time is already in user)
    private static (long Steal, long Total)? Read()
    {
        try
        {
            var first = File.ReadLines("/proc/stat").First();
            var fields = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return fields.Length == 8 ? (fields[7], fields.Sum()) : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
