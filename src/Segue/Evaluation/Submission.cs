using System.IO.Compression;
using System.Text;
using Segue.Data;
using Segue.IO;

namespace Segue.Evaluation;

/// <summary>
/// The RecSys Challenge 2018 submission file: a first line <c>team_info,TEAM,EMAIL</c>, then per
/// challenge playlist <c>pid, URI1, ..., URI500</c>: exactly 500 distinct track URIs, none of them a
/// seed. Written atomically, and only when every line is valid; gzipped when the name ends in
/// <c>.gz</c>, as the challenge takes it (<c>submission.csv.gz</c>).
/// </summary>
public static class Submission
{
    public const int Length = 500;

    /// <summary>Writes the proper rankings (<see cref="Evaluator.Rank"/> with K = 500) of
    /// <paramref name="cases"/>.</summary>
    public static void Write(string path, string team, string email, string comment, Dataset dataset,
        IReadOnlyList<EvalCase> cases, IReadOnlyList<int[]> rankings)
    {
        CheckField(path, "team", team);
        CheckField(path, "email", email);
        // Streamed: a full submission is some 200 MB of text. A bad line abandons the temporary file.
        using var file = AtomicFile.Create(path);
        var gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file.Stream, CompressionLevel.Optimal, leaveOpen: true) : null;
        using (gzip)
        using (var text = new StreamWriter(gzip ?? file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            text.Write($"# {comment.ReplaceLineEndings(" ")}\n");
            text.Write($"team_info,{team},{email}\n");
            var seen = new HashSet<int>();
            for (int c = 0; c < cases.Count; c++)
            {
                var ranking = rankings[c];
                int pid = cases[c].Pid;
                if (ranking.Length != Length)
                    throw new SegueException($"{path}: pid {pid}: {ranking.Length} tracks to recommend; a submission needs {Length} " +
                        $"(the dataset has {dataset.TrackCount} tracks)");
                seen.Clear();
                seen.UnionWith(cases[c].Seeds);
                text.Write(pid);
                foreach (int track in ranking)
                {
                    if (!seen.Add(track))
                        throw new SegueException($"{path}: pid {pid}: track {dataset.TrackUri(track)} is a seed or listed twice");
                    text.Write(", ");
                    text.Write(dataset.TrackUri(track));
                }
                text.Write('\n');
            }
        }
        file.Commit();
    }

    private static void CheckField(string path, string name, string value)
    {
        if (value.Length == 0 || value.AsSpan().IndexOfAny(",\r\n") >= 0)
            throw new SegueException($"{path}: the {name} '{value}' must be non-empty, without commas or line breaks");
    }
}
