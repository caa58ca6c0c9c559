using SymmetryProofs.Data;

namespace SymmetryProofs.Properties.Data;

/// <summary>Where the data is read from, and what happens when it is missing or altered.</summary>
public class DataDirectoryTests
{
    [Fact]
    public void Option_wins_over_environment_which_wins_over_the_default()
    {
        Assert.Equal(new DataDirectory("a", DataSource.Option), DataDirectory.Resolve("a", _ => "b"));
        Assert.Equal(new DataDirectory("b", DataSource.Environment), DataDirectory.Resolve(null, _ => "b"));
        var shipped = DataDirectory.Resolve(null, _ => null);
        Assert.True(shipped.IsDefault);
        Assert.EndsWith(DataDirectory.DefaultPath, shipped.Path);
        Assert.True(shipped.HasFile(Optdigits.TestFile), "the shipped data/optdigits is found from the test binaries' folder");
        Assert.True(DataDirectory.Resolve(null, _ => "").IsDefault);
    }

    [Fact]
    public void An_empty_data_option_is_refused_not_read_as_the_default()
    {
        var e = Assert.Throws<DataNotFoundException>(() => DataDirectory.Resolve("", _ => null));
        Assert.Contains("--data", e.Message);
    }

    [Fact]
    public void Missing_data_message_names_every_way_to_get_it()
    {
        var message = DataDirectory.Resolve("/nowhere", _ => null).HowToGet(Optdigits.TestFile);
        foreach (var part in new[] { "/nowhere/optdigits.tes", "data/optdigits", "fetch-data", "--data", DataDirectory.EnvironmentVariable })
            Assert.Contains(part, message);
    }

    [Fact]
    public void Copy_verifies_the_checksums_and_refuses_an_altered_file()
    {
        var source = DataSamples.FindOptdigitsDirectory();
        Assert.True(source is not null, "optdigits not found: it ships in data/optdigits.");
        var root = Directory.CreateTempSubdirectory("optdigits-test").FullName;
        try
        {
            var good = Path.Combine(root, "good");
            OptdigitsFetcher.CopyFrom(source!, good);
            Assert.Equal(1797, Optdigits.Load(Path.Combine(good, Optdigits.TestFile)).Count);

            var altered = Path.Combine(root, "altered");
            Directory.CreateDirectory(altered);
            foreach (var name in OptdigitsFetcher.Sha256.Keys) File.Copy(Path.Combine(source!, name), Path.Combine(altered, name));
            var bytes = File.ReadAllBytes(Path.Combine(altered, Optdigits.TestFile));
            bytes[10] = (byte)(bytes[10] == (byte)'1' ? '2' : '1');
            File.WriteAllBytes(Path.Combine(altered, Optdigits.TestFile), bytes);
            var target = Path.Combine(root, "target");
            var e = Assert.Throws<InvalidDataException>(() => OptdigitsFetcher.CopyFrom(altered, target));
            Assert.Contains("SHA-256 mismatch for optdigits.tes", e.Message);
            Assert.False(File.Exists(Path.Combine(target, Optdigits.TestFile)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void An_unreachable_server_gives_a_clear_message_pointing_to_from()
    {
        var target = Path.Combine(Path.GetTempPath(), $"optdigits-dl-{Guid.NewGuid():N}");
        var e = Assert.Throws<DataNotFoundException>(() =>
            OptdigitsFetcher.Download(target, timeout: TimeSpan.FromSeconds(5), baseUrl: "http://127.0.0.1:9/"));
        Assert.Contains("Could not download http://127.0.0.1:9/optdigits.tes", e.Message);
        Assert.Contains("fetch-data --from", e.Message);
        Assert.False(Directory.Exists(target) && Directory.EnumerateFiles(target).Any());
    }
}
