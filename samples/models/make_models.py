"""Builds the sample models that `check` and the SymmetryProofs.Testing sample are tried on, as a PyTorch user
writes them, and saves each with torch.jit.script (float64 parameters, so each is checked in float64):

  c4_gcnn.pt / c4_gcnn_bug.pt   a C4 group-convolution CNN on [B, 2, 8, 8]: a lifting convolution into the
                                regular representation (channel k of a field is the filter turned by g^k), a
                                group convolution regular -> regular, a spatial mean: [B, 4], the regular
                                representation of C4. Bug: the group convolution turns its filters but forgets
                                to roll them along the group axis.
  deepsets.pt / deepsets_bug.pt a DeepSets net on [B, 6, 3]: phi on every element, a sum, rho: [B, 2], invariant
                                under S_6. Bug: a learned positional embedding of size 1e-4 added inside phi.
  cloud.pt / cloud_bug.pt       a point-cloud net on [B, 8, 3] built on pairwise distances: [B, 2], invariant under
                                SO(3) (and O(3), and permutations). Bug: the z axis scaled by 1 + 1e-3 before the
                                distances (an anisotropic voxel size).

The rotation g of the checker's C4 moves the pixel at (r, c) to (c, n - 1 - r): torch.rot90(x, -1, [-2, -1]).
Run with Debian's python3-torch (1.13): python3 samples/models/make_models.py; it checks each model's
equivariance or its bug on random inputs before saving.
"""
import os

import torch
from torch import nn

torch.manual_seed(20261207)
torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))


def turn(x: torch.Tensor, k: int) -> torch.Tensor:
    """g^k on the last two axes: g moves (r, c) to (c, n - 1 - r)."""
    return torch.rot90(x, -k, [-2, -1])


class C4GroupCnn(nn.Module):
    def __init__(self, channels: int = 2, fields: int = 3, roll: bool = True):
        super().__init__()
        self.lift = nn.Parameter(0.5 * torch.randn(fields, channels, 3, 3))
        self.group = nn.Parameter(0.3 * torch.randn(1, fields, 4, 3, 3))
        self.bias = nn.Parameter(0.1 * torch.randn(fields))
        self.roll = roll

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        fields = self.lift.shape[0]
        # Lifting: output channel (f, k) correlates with the filter turned by g^k.
        lifted = torch.stack([turn(self.lift, k) for k in range(4)], 1).reshape(fields * 4, -1, 3, 3)
        y = torch.conv2d(x, lifted, padding=1)
        y = torch.relu(y + self.bias.repeat_interleave(4).reshape(1, -1, 1, 1))
        # Group convolution: for output rotation k, turn the filter by g^k and roll its group axis by k.
        weights = []
        for k in range(4):
            w = turn(self.group, k)
            if self.roll:
                w = torch.roll(w, k, 2)
            weights.append(w)
        psi = torch.cat(weights, 0).reshape(4, fields * 4, 3, 3)
        z = torch.tanh(torch.conv2d(y, psi, padding=1))
        return z.mean([2, 3])


class DeepSets(nn.Module):
    def __init__(self, k: int = 3, n: int = 6, positional: float = 0.0):
        super().__init__()
        self.embed = nn.Linear(k, 16)
        self.phi = nn.Sequential(nn.Tanh(), nn.Linear(16, 16), nn.Tanh())
        self.rho = nn.Sequential(nn.Linear(16, 16), nn.Tanh(), nn.Linear(16, 2))
        self.position = nn.Parameter(positional * torch.randn(n, 16))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.phi(self.embed(x) + self.position[: x.shape[1]])
        return self.rho(h.sum(1))


class DistanceCloud(nn.Module):
    def __init__(self, z_scale: float = 1.0):
        super().__init__()
        self.edge = nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, 8), nn.Tanh())
        self.head = nn.Sequential(nn.Linear(8, 16), nn.Tanh(), nn.Linear(16, 2))
        self.register_buffer("scale", torch.tensor([1.0, 1.0, z_scale]))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = x * self.scale
        d = (p.unsqueeze(1) - p.unsqueeze(2)).pow(2).sum(-1, keepdim=True)
        return self.head(self.edge(d).mean([1, 2]))


def rotation(rng: torch.Generator) -> torch.Tensor:
    q = torch.randn(4, generator=rng)
    w, x, y, z = (q / q.norm()).tolist()
    return torch.tensor([[1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)],
                         [2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)],
                         [2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)]])


def worst(model: nn.Module, cases) -> float:
    """The largest relative error |f(g x) - rho(g) f(x)| / |f(x)| over (x, act, rho) cases."""
    e = 0.0
    with torch.no_grad():
        for x, act, rho in cases:
            fx = model(x)
            e = max(e, ((model(act(x)) - rho(fx)).norm() / fx.norm()).item())
    return e


def cases_c4(rng):
    x = torch.randn(3, 2, 8, 8, generator=rng)
    return [(x, lambda v, k=k: turn(v, k), lambda y, k=k: torch.roll(y, k, 1)) for k in range(1, 4)]


def cases_sets(rng):
    x = torch.randn(3, 6, 3, generator=rng)
    perms = [torch.randperm(6, generator=rng) for _ in range(4)]
    return [(x, lambda v, p=p: v[:, p], lambda y: y) for p in perms]


def cases_cloud(rng):
    x = torch.randn(3, 8, 3, generator=rng)
    rs = [rotation(rng) for _ in range(4)]
    return [(x, lambda v, r=r: v @ r.T, lambda y: y) for r in rs]


def main():
    rng = torch.Generator().manual_seed(1)
    models = {
        "c4_gcnn": (C4GroupCnn(roll=True), C4GroupCnn(roll=False), cases_c4),
        "deepsets": (DeepSets(), DeepSets(positional=1e-4), cases_sets),
        "cloud": (DistanceCloud(), DistanceCloud(z_scale=1 + 1e-3), cases_cloud),
    }
    for name, (good, bad, cases) in models.items():
        bad.load_state_dict({k: v for k, v in good.state_dict().items() if k not in ("position", "scale")}, strict=False)
        ok, broken = worst(good, cases(rng)), worst(bad, cases(rng))
        print(f"{name}: correct max relative error {ok:.2e}, planted bug {broken:.2e}")
        assert ok < 1e-12 and broken > 1e-8, name
        for model, file in ((good, name), (bad, name + "_bug")):
            torch.jit.script(model.eval()).save(os.path.join(HERE, file + ".pt"))


if __name__ == "__main__":
    main()
