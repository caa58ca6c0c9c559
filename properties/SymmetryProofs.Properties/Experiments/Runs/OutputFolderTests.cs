using System.Diagnostics;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Experiments.Runs;

/// <summary>--out is checked before any work and locked while a run writes it.</summary>
public sealed class OutputFolderTests(ITestOutputHelper output)
{
    [Fact]
    public void A_second_run_into_a_locked_folder_stops_naming_the_owner_and_the_lock_is_released_after()
    {
        var dir = Directory.CreateTempSubdirectory("lock-test").FullName;
        try
        {
            using (OutputFolder.Open(dir, "tables", TextRunLog.Silent()))
            {
                var e = output.Rejects<InputException>(() => OutputFolder.Open(dir, "tables", TextRunLog.Silent()), "--out", "in use by process", Environment.ProcessId.ToString());
                Assert.DoesNotContain("\n", e.Message);
            }
            using (OutputFolder.Open(dir, "tables", TextRunLog.Silent())) { }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void A_lock_left_by_a_dead_process_is_taken_over_with_a_message()
    {
        var dir = Directory.CreateTempSubdirectory("lock-test").FullName;
        try
        {
            // What SIGKILL leaves: the owner file, and a lock file no process holds.
            File.WriteAllText(Path.Combine(dir, OutputLock.LockFile), "");
            File.WriteAllText(Path.Combine(dir, OutputLock.OwnerFile), "process 999999 (tables, started 2026-01-01 00:00:00 UTC)\n");
            var log = TextRunLog.Silent();
            using (OutputFolder.Open(dir, "tables", log)) { }
            output.WriteLine(string.Join("\n", log.Lines));
            Assert.Contains(log.Lines, l => l.Contains("took over the lock left by process 999999"));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void An_existing_file_or_an_unwritable_path_as_out_is_one_clear_line()
    {
        var file = Path.GetTempFileName();
        try
        {
            output.Rejects<InputException>(() => OutputFolder.Open(file, "tables", TextRunLog.Silent()), "--out", "is an existing file");
            output.Rejects<InputException>(() => OutputFolder.Open("/proc/x", "tables", TextRunLog.Silent()), "--out /proc/x", "cannot create or write");
            output.Rejects<InputException>(() => OutputFolder.Open(Path.Combine(file, "sub"), "tables", TextRunLog.Silent()), "--out", "cannot create or write");
        }
        finally { File.Delete(file); }
    }
}
