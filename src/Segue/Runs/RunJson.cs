using System.Text.Json;
using Segue.IO;
using Segue.Model;

namespace Segue.Runs;

/// <summary>Reads the small JSON records of a run folder (run.json, summary.json) with the
/// config's naming and every field without a default required, every problem one <see cref="SegueException"/> line naming the file.</summary>
internal static class RunJson
{
    private static readonly JsonSerializerOptions Options = new(ModelConfig.Json) { RespectRequiredConstructorParameters = true };

    public static T Read<T>(string path, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
                ?? throw new JsonException("null");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SegueException($"{path}: cannot read: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new SegueException($"{path}: bad {what}: {JsonErrors.Describe(e)}", e);
        }
    }
}
