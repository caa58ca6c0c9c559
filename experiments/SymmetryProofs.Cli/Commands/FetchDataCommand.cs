using System.CommandLine;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Cli.Commands;

/// <summary>Puts optdigits.tra and optdigits.tes into the data directory, downloaded or copied, SHA-256 verified.</summary>
internal static class FetchDataCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from") { Description = "Copy the files from this directory instead of downloading them (CI: ../shared/data/optdigits)." };
        var data = new Option<string?>("--data") { Description = $"Target directory (else ${DataDirectory.EnvironmentVariable}, else the shipped {DataDirectory.DefaultPath})." };
        var command = new Command("fetch-data", $"Download UCI optdigits from {OptdigitsFetcher.BaseUrl} (or copy with --from) and verify SHA-256.");
        command.Options.Add(from);
        command.Options.Add(data);
        command.SetAction(parse => Program.Guarded("fetch-data", () =>
        {
            var target = DataDirectory.Resolve(parse.GetValue(data));
            if (File.Exists(target.Path)) throw new InputException($"--data {target.Path}: is a file; expected the directory to put optdigits.tra and optdigits.tes in.");
            var source = parse.GetValue(from);
            if (source is not null && string.IsNullOrWhiteSpace(source)) throw new InputException("--from: got an empty path; expected a directory holding optdigits.tra and optdigits.tes.");
            if (source is not null && !Directory.Exists(source)) throw new InputException($"--from {source}: no such directory; expected one holding optdigits.tra and optdigits.tes.");
            if (source is not null) OptdigitsFetcher.CopyFrom(source, target.Path, Console.WriteLine);
            else OptdigitsFetcher.Download(target.Path, Console.WriteLine);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
