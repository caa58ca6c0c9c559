using SymmetryProofs.Experiments.Parsing;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Properties.Experiments.Parsing;

/// <summary>A checkpoint made under an older settings version is refused in one line, never reused or retrained over.</summary>
public class SettingsVersionTests
{
    private static string Folder(string version, bool withUnits)
    {
        var dir = Directory.CreateTempSubdirectory("settings-version-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "settings"));
        File.WriteAllText(Path.Combine(dir, "settings", "0123456789abcdef.json"), $"{{\"TrainRatio\":0.8,\"Version\":\"{version}\"}}\n");
        File.WriteAllText(Path.Combine(dir, "checkpoint.jsonl"),
            withUnits ? "{\"unit\":\"seed=0\",\"fingerprint\":\"0123456789abcdef\",\"data\":{},\"sha\":\"x\"}\n" : "");
        return dir;
    }

    [Fact]
    public void A_checkpoint_of_an_older_version_is_refused_in_one_line()
    {
        var dir = Folder("tables/4", withUnits: true);
        try
        {
            var e = Assert.Throws<InputException>(() => SettingsVersion.RefuseOlder(dir, "tables/5"));
            Assert.Contains("tables/4", e.Message);
            Assert.Contains("--out", e.Message);
            Assert.DoesNotContain("\n", e.Message);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>Controls: the current version, another experiment's version, and an old settings file without units are all let through.</summary>
    [Theory]
    [InlineData("tables/5", true)]
    [InlineData("learning-curves/1", true)]
    [InlineData("tables/4", false)]
    public void Current_foreign_or_unused_settings_are_let_through(string version, bool withUnits)
    {
        var dir = Folder(version, withUnits);
        try { SettingsVersion.RefuseOlder(dir, "tables/5"); }
        finally { Directory.Delete(dir, true); }
    }
}
