using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Symmetry;
using SymmetryProofs.Spectra;
using SymmetryProofs.Networks;
using SymmetryProofs.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Experiments.Hessian;

internal sealed record RoamPoint(Augmentation Setting, int Seed, int Step, double Along, double Across, double OrbitCoordinate, double OrbitResidual);

/// <summary>
/// SGD started at a minimum (minibatches of augmented samples, so the noise is not orbit-averaged):
/// how far it moves along the tangent span versus across it, and where it sits on the orbit.
/// </summary>
internal static class HessianRoaming
{
    public static List<RoamPoint> Run(Augmentation setting, HessianLoss loss, double[] thetaStar, LieGroupAction group, int steps, int batch,
        double learningRate, int checkpoints, int seed)
    {
        var widths = loss.Net.Widths;
        var tangents = FlatDirections.Orthonormal(FlatDirections.Tangents(widths, true, thetaStar, group));
        var w0 = ParameterLayout.Unflatten(widths, true, thetaStar).Weights[0];
        int firstBlock = widths[0] * widths[1];
        var star = Vector<double>.Build.DenseOfArray(thetaStar);
        var rng = new Random(seed);
        int n = loss.Data.Count;
        var points = new List<RoamPoint>();
        var orbitT = new double[group.Dimension];
        var theta = Tensors.Float64(thetaStar);
        // Alive until the loop ends (Runtime/Scalars: an implicit temporary can be freed while libtorch reads it).
        using var lr = Scalars.Of(learningRate);
        for (int step = 0; step <= steps; step++)
        {
            if (step % Math.Max(1, steps / checkpoints) == 0)
            {
                var x = Vector<double>.Build.DenseOfArray(theta.data<double>().ToArray());
                var delta = x - star;
                var along = tangents.TransposeThisAndMultiply(delta);
                double across = (delta - tangents * along).L2Norm();
                var w = ParameterLayout.Unflatten(widths, true, x.ToArray()).Weights[0];
                var (t, firstResidual) = HessianAnalysis.OrbitCoordinates(w, w0, group, orbitT);
                orbitT = t;
                double rest = (delta.SubVector(firstBlock, delta.Count - firstBlock)).L2Norm();
                double shortest = Enumerable.Range(0, t.Length).Select(a => Wrap(t[a], group.Periods[a])).Sum(v => v * v);
                points.Add(new RoamPoint(setting, seed, step, along.L2Norm(), across, Math.Sqrt(shortest), Math.Sqrt(firstResidual * firstResidual + rest * rest)));
            }
            if (step == steps) break;
            using var scope = torch.NewDisposeScope();
            var idx = Tensors.Int64(Enumerable.Range(0, batch).Select(_ => (long)rng.Next(n)).ToArray());
            var th = theta.clone().requires_grad_(true);
            var l = loss.Loss(th, loss.Inputs.index_select(0, idx), loss.Labels.index_select(0, idx));
            var g = torch.autograd.grad(new[] { l }, new[] { th })[0];
            var next = (th.detach() - g.mul(lr)).MoveToOuterDisposeScope();
            theta.Dispose();
            theta = next;
        }
        theta.Dispose();
        return points;
    }

    /// <summary>A coordinate modulo its period, taken in (-T/2, T/2]: the shortest way round the circle.</summary>
    private static double Wrap(double t, double period)
    {
        double r = t - period * Math.Round(t / period);
        return r;
    }
}
