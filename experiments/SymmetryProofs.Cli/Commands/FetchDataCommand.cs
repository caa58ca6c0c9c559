using System.CommandLine;
using SymmetryProofs.Data;

namespace SymmetryProofs.Cli.Commands;

/// <summary>Puts optdigits.tra and optdigits.tes into the data directory, downloaded or copied, SHA-256 verified.</summary>
public static class FetchDataCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from") { Description = "Copy the files from this directory instead of downloading them (CI: ../shared/data/optdigits)." };
        var data = new Option<string?>("--data") { Description = $"Target directory (else ${DataDirectory.EnvironmentVariable}, else the shipped {DataDirectory.DefaultPath})." };
        var command = new Command("fetch-data", $"Download UCI optdigits from {OptdigitsFetcher.BaseUrl} (or copy with --from) and verify SHA-256.");
        command.Options.Add(from);
        command.Options.Add(data);
        command.SetAction(parse =>
        {
            var target = DataDirectory.Resolve(parse.GetValue(data));
            var source = parse.GetValue(from);
            // Missing sources, checksum mismatches and I/O problems surface as one line with exit code 2 (Program.Guarded).
            if (source is not null) OptdigitsFetcher.CopyFrom(source, target.Path, Console.WriteLine);
            else OptdigitsFetcher.Download(target.Path, Console.WriteLine);
            return 0;
        });
        return command;
    }
}
