"""Builds the sample models that pin float32 inside forward, as a PyTorch user often writes them (`x = x.float()`
first, float32 parameters), and saves each with torch.jit.script:

  float32_cast.pt / float32_cast_bug.pt   make_models.py's DeepSets net on [B, 6, 3], in float32, wrapped in a module
                                          whose forward hands it x.float(): [B, 2],
                                          invariant under S_6. Bug: a learned positional embedding of size 1e-3
                                          added inside phi. Handed float64 parameters (its float64 twin), such a
                                          model mixes float32 and float64 and fails: `check` checks it in float32
                                          with an estimated rounding floor instead.

Run with Debian's python3-torch (1.13): /usr/bin/python3 samples/models/make_float32_models.py; it checks each model's
invariance or its bug on random inputs (in float32) before saving.
"""
import os

import sys

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_models import DeepSets  # noqa: E402  (sets float64 as the default dtype: the nets are made float32 below)

torch.manual_seed(20261208)


class CastsToFloat32(nn.Module):
    """The wrapped net (float32 parameters) on x.float(): the input is cast inside forward."""

    def __init__(self, inner: nn.Module):
        super().__init__()
        self.inner = inner

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.inner(x.float())


def worst(model: nn.Module, rng: torch.Generator) -> float:
    """The largest relative error |f(p x) - f(x)| / |f(x)| over random row permutations p, in float32."""
    x = torch.randn(16, 6, 3, generator=rng, dtype=torch.float32)
    e = 0.0
    with torch.no_grad():
        fx = model(x)
        for _ in range(8):
            p = torch.randperm(6, generator=rng)
            e = max(e, ((model(x[:, p]) - fx).norm() / fx.norm()).item())
    return e


def main():
    rng = torch.Generator().manual_seed(1)
    good, bad = CastsToFloat32(DeepSets().float()), CastsToFloat32(DeepSets(positional=1e-3).float())
    bad.load_state_dict({k: v for k, v in good.state_dict().items() if k != "inner.position"}, strict=False)
    ok, broken = worst(good, rng), worst(bad, rng)
    print(f"float32_cast: correct max relative error {ok:.2e} (float32 rounding), planted bug {broken:.2e}")
    assert ok < 1e-6 and broken > 1e-4
    for model, file in ((good, "float32_cast"), (bad, "float32_cast_bug")):
        torch.jit.script(model.eval()).save(os.path.join(HERE, file + ".pt"))


if __name__ == "__main__":
    main()
