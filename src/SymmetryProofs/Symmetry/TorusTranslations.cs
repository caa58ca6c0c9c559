using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Symmetry;

/// <summary>How the Nyquist frequency n/2 of an even length n is treated by band-limited translation.</summary>
public enum NyquistHandling
{
    /// <summary>The Nyquist mode is left fixed (signed frequency 0): real, orthogonal and a homomorphism.</summary>
    Fixed,
    /// <summary>Signed frequency +n/2: a unitary homomorphism, but complex for non-integer shifts.</summary>
    Signed,
    /// <summary>The real part of <see cref="Signed"/>: real, but neither orthogonal nor a homomorphism.</summary>
    RealPart,
}

/// <summary>
/// Band-limited cyclic translations of h x w images (row-major pixels) in both directions, a real
/// orthogonal representation of the torus T^2 = R/hZ x R/wZ built through the unitary DFT:
/// U(t) = F^H diag(exp(-2 pi i k' t / n)) F per axis, k' the signed frequency, and the 2-D action
/// the Kronecker product of the row and column actions. At integer t it is the cyclic pixel shift
/// on every image without Nyquist content; the Nyquist mode ((-1)^j) is fixed, the one choice that
/// keeps the representation real, orthogonal and a homomorphism (see <see cref="NyquistHandling"/>).
/// </summary>
public sealed class TorusTranslations : LieGroupAction
{
    public int Height { get; }
    public int Width { get; }
    public NyquistHandling Nyquist { get; }

    public TorusTranslations(int height, int width, NyquistHandling nyquist = NyquistHandling.Fixed)
        : base($"T^2 translations of {height}x{width} images", BuildGenerators(height, width), new double[] { height, width })
    {
        Height = height;
        Width = width;
        Nyquist = nyquist;
    }

    /// <summary>The complex matrix F^H D(t) F of one axis of length n; exact algebra makes it real for <see cref="NyquistHandling.Fixed"/>.</summary>
    public static Matrix<Complex> AxisComplex(int n, double t, NyquistHandling nyquist)
    {
        var f = Dft(n);
        var d = Vector<Complex>.Build.Dense(n, k =>
        {
            double kk = SignedFrequency(n, k, nyquist == NyquistHandling.Fixed);
            return Complex.FromPolarCoordinates(1, -2 * Math.PI * kk * t / n);
        });
        return f.ConjugateTranspose() * Matrix<Complex>.Build.DenseOfDiagonalVector(d) * f;
    }

    /// <summary>The real matrix of one axis: the real part of <see cref="AxisComplex"/> (exactly real only for Fixed).</summary>
    public static Matrix<double> Axis(int n, double t, NyquistHandling nyquist) => AxisComplex(n, t, nyquist).Real();

    public override Matrix<double> Element(IReadOnlyList<double> t)
    {
        CheckCoordinates(t);
        return Axis(Height, t[0], Nyquist).KroneckerProduct(Axis(Width, t[1], Nyquist));
    }

    /// <summary>The complex 2-D element, for checking how far from real a Nyquist convention is.</summary>
    public Matrix<Complex> ComplexElement(double t1, double t2) =>
        AxisComplex(Height, t1, Nyquist).KroneckerProduct(AxisComplex(Width, t2, Nyquist));

    /// <summary>The integer cyclic shift of an image by (dr, dc) pixels, the map the band-limited action interpolates.</summary>
    public Vector<double> CyclicShift(Vector<double> image, int dr, int dc)
    {
        if (image.Count != Height * Width) throw new ArgumentException($"Expected an image of {Height * Width} pixels; got {image.Count}.", nameof(image));
        var result = Vector<double>.Build.Dense(image.Count);
        for (int r = 0; r < Height; r++)
            for (int c = 0; c < Width; c++)
                result[Mod(r + dr, Height) * Width + Mod(c + dc, Width)] = image[r * Width + c];
        return result;
    }

    /// <summary>Signed frequency of DFT index k: k for k &lt; n/2, k - n above; n/2 (even n) maps to 0 if fixed.</summary>
    public static double SignedFrequency(int n, int k, bool nyquistFixed)
    {
        if (2 * k < n) return k;
        if (2 * k == n) return nyquistFixed ? 0 : k;
        return k - n;
    }

    private static Matrix<double>[] BuildGenerators(int height, int width)
    {
        if (height < 1 || width < 1) throw new ArgumentOutOfRangeException(nameof(height), $"Image size {height}x{width} must be positive.");
        var ah = AxisGenerator(height);
        var aw = AxisGenerator(width);
        return new[] { ah.KroneckerProduct(Matrix<double>.Build.DenseIdentity(width)), Matrix<double>.Build.DenseIdentity(height).KroneckerProduct(aw) };
    }

    /// <summary>d/dt U(t) at 0 = F^H diag(-2 pi i k'/n) F; its imaginary part is rounding and is dropped.</summary>
    private static Matrix<double> AxisGenerator(int n)
    {
        var f = Dft(n);
        var d = Vector<Complex>.Build.Dense(n, k => new Complex(0, -2 * Math.PI * SignedFrequency(n, k, true) / n));
        var a = (f.ConjugateTranspose() * Matrix<Complex>.Build.DenseOfDiagonalVector(d) * f).Real();
        return 0.5 * (a - a.Transpose());
    }

    private static Matrix<Complex> Dft(int n) =>
        Matrix<Complex>.Build.Dense(n, n, (k, j) => Complex.FromPolarCoordinates(1 / Math.Sqrt(n), -2 * Math.PI * ((long)k * j % n) / n));

    private static int Mod(int a, int n) => ((a % n) + n) % n;
}
