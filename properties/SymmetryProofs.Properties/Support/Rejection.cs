using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Support;

/// <summary>Bad-input tests: the exception is of the expected type, names what was wrong, and is shown in the test output.</summary>
public static class Rejection
{
    public static T Rejects<T>(this ITestOutputHelper output, Func<object?> act, params string[] mentions) where T : Exception =>
        Check(output, Assert.Throws<T>(act), mentions);

    public static T Rejects<T>(this ITestOutputHelper output, Action act, params string[] mentions) where T : Exception =>
        Check(output, Assert.Throws<T>(act), mentions);

    private static T Check<T>(ITestOutputHelper output, T e, string[] mentions) where T : Exception
    {
        output.WriteLine(e.Message);
        foreach (var m in mentions) Assert.Contains(m, e.Message);
        return e;
    }
}
