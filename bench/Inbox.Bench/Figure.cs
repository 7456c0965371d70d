using System.Globalization;

namespace Inbox.Bench;

/// <summary>One measured figure beside its target: printed as <c>name: value (target: X) MET|MISSED</c>.</summary>
internal sealed record Figure(string Name, string Value, string Target, bool Met)
{
    public override string ToString() => $"{Name}: {Value} (target: {Target}) {(Met ? "MET" : "MISSED")}";

    public static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "F1" : "F0", CultureInfo.InvariantCulture) + " ms";
}

/// <summary>Every figure of a run, printed as it is measured and again together at the end.</summary>
internal sealed class Report
{
    private readonly List<Figure> _figures = [];

    public void Add(Figure figure)
    {
        _figures.Add(figure);
        Console.WriteLine(figure);
    }

    /// <summary>A measured value with no target of its own (a breakdown that explains a figure).</summary>
    public static void Note(string text) => Console.WriteLine($"  · {text}");

    public static void Section(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title} ==");
    }

    public void PrintSummary()
    {
        if (_figures.Count == 0) return;
        Console.WriteLine();
        Console.WriteLine("== Summary ==");
        foreach (var figure in _figures) Console.WriteLine(figure);
        Console.WriteLine($"{_figures.Count(f => f.Met)} of {_figures.Count} targets met");
    }
}
