using System.Text.Json;
using Segue.IO;

namespace Segue.Evaluation;

/// <summary>Writes evaluation reports as one JSON file (atomically): what was evaluated, then per
/// recommender its overall and per-category means.</summary>
public static class EvalReportJson
{
    /// <summary>Writes the reports; <paramref name="generators"/>, when given, records the generator
    /// settings the baselines ran with.</summary>
    public static void Write(string path, string dataset, string cases, IReadOnlyList<EvalReport> reports,
        Retrieval.GeneratorSettings? generators = null)
    {
        using var file = AtomicFile.Create(path);
        using (var json = new Utf8JsonWriter(file.Stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("dataset", dataset);
            json.WriteString("cases", cases);
            if (generators is not null)
            {
                json.WritePropertyName("generator_settings");
                JsonSerializer.Serialize(json, generators, Model.ModelConfig.Json);
            }
            json.WriteStartArray("reports");
            foreach (var report in reports)
            {
                json.WriteStartObject();
                json.WriteString("recommender", report.Recommender);
                json.WriteNumber("k", report.K);
                json.WriteNumber("cases", report.Cases);
                json.WriteNumber("seconds", report.Seconds);
                WriteMetrics(json, "overall", report.MetricNames, report.Overall);
                json.WriteStartObject("by_category");
                foreach (var (category, metrics) in report.ByCategory.OrderBy(e => e.Key))
                {
                    json.WriteStartObject(category.ToString());
                    json.WriteNumber("cases", report.CategoryCases[category]);
                    WriteMetrics(json, "metrics", report.MetricNames, metrics);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        file.Commit();
    }

    private static void WriteMetrics(Utf8JsonWriter json, string name, IReadOnlyList<string> names, IReadOnlyDictionary<string, double> values)
    {
        json.WriteStartObject(name);
        foreach (var metric in names) json.WriteNumber(metric, values[metric]);
        json.WriteEndObject();
    }
}
