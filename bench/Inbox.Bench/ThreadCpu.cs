using System.Runtime.InteropServices;

namespace Inbox.Bench;

/// <summary>
/// CPU time spent by the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): the work a call did, whatever else the
/// machine was running. SQLite's "async" calls complete synchronously, so a query's work stays on the thread that asked.
/// </summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    /// <summary>The thread's CPU time so far, or null where the clock is not available.</summary>
    public static TimeSpan? Now()
    {
        if (!OperatingSystem.IsLinux()) return null;
        return ClockGetTime(ClockThreadCpuTime, out var spec) == 0
            ? TimeSpan.FromTicks(spec.Seconds * TimeSpan.TicksPerSecond + spec.Nanoseconds / 100)
            : null;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec spec);
}
