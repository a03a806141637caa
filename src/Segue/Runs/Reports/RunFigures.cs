using System.Globalization;

namespace Segue.Runs.Reports;

/// <summary>How run figures read in every table, on a terminal or in a report: one format for both.</summary>
public static class RunFigures
{
    /// <summary>A metric's value: four decimals, or a grouped whole number from 100 up; "-" when absent.</summary>
    public static string Figure(double? value) => value switch
    {
        null => "-",
        { } v when Math.Abs(v) >= 100 => v.ToString("N0", CultureInfo.InvariantCulture),
        { } v => v.ToString("F4", CultureInfo.InvariantCulture),
    };

    /// <summary>A wall time as d.hh:mm:ss to the second; "-" when absent.</summary>
    public static string Duration(double? seconds) => seconds is { } s ? TimeSpan.FromSeconds(Math.Round(s)).ToString("c", CultureInfo.InvariantCulture) : "-";
}
