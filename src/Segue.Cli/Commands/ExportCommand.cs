using System.CommandLine;
using Segue.Data;
using Segue.IO;
using Segue.Model;
using Segue.Runs;

namespace Segue.Cli.Commands;

/// <summary><c>segue export MODEL --out DIR</c>: the model's tables as .npy files and the track
/// catalogue as TSV, for work that continues in Python.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "A model file, or a completed run folder (its model.segue)" };
        var output = new Option<string>("--out") { Description = "The folder to write: TABLE.npy per embedding table, model.json, tracks.tsv", Required = true };
        var datasetPath = new Option<string?>("--dataset") { Description = "The dataset the model was trained on (default: the one its run folder records)" };
        var command = new Command("export", "Export a model's embedding tables (NumPy .npy) and the track catalogue (TSV)") { model, output, datasetPath };
        command.SetAction(parse =>
        {
            OutputPath.Folder(parse.GetValue(output)!);
            string path = parse.GetValue(model)!;
            if (Directory.Exists(path)) RunRecord.Open(path).RequireComplete();
            string modelPath = Pipeline.ModelFile(path);
            using var dataset = Dataset.Open(parse.GetValue(datasetPath) ?? Pipeline.DatasetOf(modelPath));
            var loaded = ModelFile.Load(modelPath, dataset);
            foreach (var file in ModelExport.Write(loaded, dataset, parse.GetValue(output)!))
                Output.Info($"wrote {file}");
        });
        return command;
    }
}
