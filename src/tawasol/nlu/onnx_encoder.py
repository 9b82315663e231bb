"""The optional MiniLM sentence encoder run by onnxruntime: the same numbers as `embeddings.py`, ~10x faster.

The ONNX graph is written here, node by node, from the installed safetensors (no PyTorch, no exporter,
nothing downloaded): embeddings + LayerNorm, the self-attention layers with the padding mask, the GELU
feed-forward blocks and their residual LayerNorms, mean pooling over the real tokens and L2
normalisation. It is built once and cached under `<model_dir>/onnx-encoder/`, in float32 and, on demand,
with int8 weights (onnxruntime's dynamic quantisation). Sessions run on one thread.

Needs the optional extra `pip install 'tawasol[encoder]'` (onnxruntime, onnx; the graph is built with
onnx, run with onnxruntime). Without onnxruntime, `fast_encoder()` falls back to the NumPy encoder and
logs why.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from tawasol.nlu.embeddings import EmbeddingModelMissing, SentenceEncoder, WordPiece, pad_ids, read_safetensors

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
OPSET = 17  # LayerNormalization
PRECISIONS = ("fp32", "int8")


class EncoderRuntimeMissing(EmbeddingModelMissing):
    """onnxruntime (the optional extra `encoder`) is needed and not installed."""


def runtime_available() -> bool:
    try:
        return importlib.util.find_spec("onnxruntime") is not None
    except (ImportError, ValueError):  # a broken or blocked install counts as absent
        return False


def default_cache_dir() -> Path:
    from tawasol.config import get_settings  # settings only when no folder is given

    return get_settings().effective_model_dir / "onnx-encoder"


def build_graph(tensors: dict[str, np.ndarray], heads: int, layers: int, eps: float = 1e-12):  # type: ignore[no-untyped-def]
    """The ONNX model of a BERT encoder with mean pooling and L2 normalisation.

    Inputs: `input_ids` int64 (batch, length), `attention_mask` float32 (batch, length), 1 for real tokens.
    Output: `embedding` float32 (batch, hidden), unit rows.
    """
    from onnx import TensorProto, helper, numpy_helper

    t = {k.removeprefix("bert."): v for k, v in tensors.items()}
    hidden = t["embeddings.word_embeddings.weight"].shape[1]
    d = hidden // heads
    inits: list = []
    nodes: list = []

    def const(name: str, value: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def node(op: str, inputs: list[str], out: str, **attrs: object) -> str:
        nodes.append(helper.make_node(op, inputs, [out], name=f"{op}_{len(nodes)}", **attrs))
        return out

    def linear(x: str, prefix: str, out: str, scale: float = 1.0) -> str:
        w = const(prefix + ".weight", (t[prefix + ".weight"].T * scale).astype(np.float32))
        b = const(prefix + ".bias", (t[prefix + ".bias"] * scale).astype(np.float32))
        return node("Add", [node("MatMul", [x, w], out + "_mm"), b], out)

    def layer_norm(x: str, prefix: str, out: str) -> str:
        w = const(prefix + ".weight", t[prefix + ".weight"].astype(np.float32))
        b = const(prefix + ".bias", t[prefix + ".bias"].astype(np.float32))
        return node("LayerNormalization", [x, w, b], out, axis=-1, epsilon=eps)

    # embeddings: word + position (+ token type 0, folded into the position table)
    word = const("word_embeddings", t["embeddings.word_embeddings.weight"].astype(np.float32))
    pos_table = (t["embeddings.position_embeddings.weight"]
                 + t["embeddings.token_type_embeddings.weight"][0]).astype(np.float32)
    pos = const("position_embeddings", pos_table)
    length = node("Shape", ["input_ids"], "length", start=1, end=2)
    zero, one = const("i0", np.array([0], dtype=np.int64)), const("i1", np.array([1], dtype=np.int64))
    minus1 = const("im1", np.array([-1], dtype=np.int64))
    pos_rows = node("Slice", [pos, zero, length, zero], "pos_rows")
    x = node("Add", [node("Gather", [word, "input_ids"], "tok_emb"), pos_rows], "emb_sum")
    x = layer_norm(x, "embeddings.LayerNorm", "emb")
    # attention bias: 0 on real tokens, -1e4 on padding, shaped (batch, 1, 1, length)
    inv = node("Sub", [const("f1", np.array(1.0, dtype=np.float32)), "attention_mask"], "mask_inv")
    bias = node("Mul", [inv, const("fneg", np.array(-10000.0, dtype=np.float32))], "mask_bias2d")
    bias = node("Unsqueeze", [bias, const("axes12", np.array([1, 2], dtype=np.int64))], "mask_bias")
    split_shape = const("split_shape", np.array([0, 0, heads, d], dtype=np.int64))
    merge_shape = const("merge_shape", np.array([0, 0, hidden], dtype=np.int64))
    inv_sqrt2 = const("inv_sqrt2", np.array(1 / np.sqrt(2.0), dtype=np.float32))
    half = const("half", np.array(0.5, dtype=np.float32))
    f_one = "f1"
    for layer in range(layers):
        p = f"encoder.layer.{layer}."
        q = linear(x, p + "attention.self.query", f"l{layer}_q", scale=1.0 / float(np.sqrt(d)))
        k = linear(x, p + "attention.self.key", f"l{layer}_k")
        v = linear(x, p + "attention.self.value", f"l{layer}_v")
        q = node("Transpose", [node("Reshape", [q, split_shape], f"l{layer}_q4")], f"l{layer}_qh", perm=[0, 2, 1, 3])
        k = node("Transpose", [node("Reshape", [k, split_shape], f"l{layer}_k4")], f"l{layer}_kh", perm=[0, 2, 3, 1])
        v = node("Transpose", [node("Reshape", [v, split_shape], f"l{layer}_v4")], f"l{layer}_vh", perm=[0, 2, 1, 3])
        scores = node("Add", [node("MatMul", [q, k], f"l{layer}_qk"), bias], f"l{layer}_scores")
        att = node("Softmax", [scores], f"l{layer}_att", axis=-1)
        ctx = node("Transpose", [node("MatMul", [att, v], f"l{layer}_ctx4")], f"l{layer}_ctxt", perm=[0, 2, 1, 3])
        ctx = node("Reshape", [ctx, merge_shape], f"l{layer}_ctx")
        out = linear(ctx, p + "attention.output.dense", f"l{layer}_ao")
        x = layer_norm(node("Add", [x, out], f"l{layer}_res1"), p + "attention.output.LayerNorm", f"l{layer}_h1")
        h = linear(x, p + "intermediate.dense", f"l{layer}_ff1")
        erf = node("Erf", [node("Mul", [h, inv_sqrt2], f"l{layer}_gs")], f"l{layer}_erf")
        gx = node("Mul", [h, node("Add", [erf, f_one], f"l{layer}_erf1")], f"l{layer}_gx")
        gelu = node("Mul", [gx, half], f"l{layer}_gelu")
        h = linear(gelu, p + "output.dense", f"l{layer}_ff2")
        x = layer_norm(node("Add", [x, h], f"l{layer}_res2"), p + "output.LayerNorm", f"l{layer}_h2")
    # mean pooling over real tokens, then unit length
    mask3 = node("Unsqueeze", ["attention_mask", minus1], "mask3")
    summed = node("ReduceSum", [node("Mul", [x, mask3], "masked"), one], "summed", keepdims=0)
    count = node("Max",
                 [node("ReduceSum", ["attention_mask", one], "count0", keepdims=1),
                  const("f1e9", np.array(1e-9, dtype=np.float32))], "count")
    pooled = node("Div", [summed, count], "pooled")
    norm = node("Max",
                [node("ReduceL2", [pooled], "norm0", axes=[1], keepdims=1),
                 const("f1e12", np.array(1e-12, dtype=np.float32))], "norm")
    node("Div", [pooled, norm], "embedding")
    graph = helper.make_graph(
        nodes,
        "minilm_sentence_encoder",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "length"]),
            helper.make_tensor_value_info("attention_mask", TensorProto.FLOAT, ["batch", "length"]),
        ],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", hidden])],
        inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="tawasol")
    model.ir_version = 8
    return model


class _DropPreprocessingHint(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "pre-processing before quantization" not in record.getMessage()


def _session(path: Path):  # type: ignore[no-untyped-def]
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(path), sess_options=options, providers=["CPUExecutionProvider"])


def _model_key(folder: Path) -> str:
    weights = folder / "model.safetensors"
    h = hashlib.sha256(str(weights.stat().st_size).encode())
    with weights.open("rb") as f:
        h.update(f.read(1_000_000))
    return h.hexdigest()[:12]


def build_cached(folder: Path, cache_dir: Path, precision: str = "fp32") -> Path:
    """The .onnx file of the encoder in `folder` at `precision`, built once into `cache_dir`."""
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {PRECISIONS}, got {precision!r}")
    target = cache_dir / f"minilm-{_model_key(folder)}-f{FORMAT_VERSION}" / f"encoder-{precision}.onnx"
    if target.is_file():
        return target
    if importlib.util.find_spec("onnx") is None:
        raise EncoderRuntimeMissing("building the ONNX encoder needs the onnx package: pip install 'tawasol[encoder]'")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=target.parent))
    try:
        fp32 = target.parent / "encoder-fp32.onnx"
        if not fp32.is_file():
            import onnx

            config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
            model = build_graph(read_safetensors(folder / "model.safetensors"), config["num_attention_heads"],
                                config["num_hidden_layers"],
                                float(config.get("layer_norm_eps", 1e-12)))
            onnx.checker.check_model(model)
            onnx.save(model, str(tmp / fp32.name))
            os.replace(tmp / fp32.name, fp32)
        if precision == "int8":
            from onnxruntime.quantization import QuantType, quantize_dynamic

            # int8 weights per output channel, on the weight MatMuls only (the embedding table stays float:
            # quantising it saves memory, not time); per-tensor weights lose too much (cosine ~0.97 vs 0.994)
            root = logging.getLogger()
            hint = _DropPreprocessingHint()
            root.addFilter(hint)  # the quantiser logs a pre-processing hint on the root logger at every call
            try:
                quantize_dynamic(fp32, tmp / target.name, weight_type=QuantType.QInt8, per_channel=True,
                                 op_types_to_quantize=["MatMul"])
            finally:
                root.removeFilter(hint)
            os.replace(tmp / target.name, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


class OnnxSentenceEncoder:
    """The MiniLM encoder in an onnxruntime session (one thread); `encode(texts)` like `SentenceEncoder`."""

    def __init__(self, path: Path, vocab: list[str], precision: str = "fp32") -> None:
        if not runtime_available():
            raise EncoderRuntimeMissing("the ONNX encoder needs onnxruntime: pip install 'tawasol[encoder]'")
        self.path = path
        self.precision = precision
        self.tokenizer = WordPiece(vocab)
        self.session = _session(path)
        self.dim = int(self.session.get_outputs()[0].shape[1])

    @classmethod
    def from_dir(cls, folder: Path, cache_dir: Path | None = None, precision: str = "fp32") -> OnnxSentenceEncoder:
        path = build_cached(folder, cache_dir or default_cache_dir(), precision)
        return cls(path, (folder / "vocab.txt").read_text(encoding="utf-8").splitlines(), precision)

    @classmethod
    def installed(cls, cache_dir: Path | None = None, precision: str = "fp32") -> OnnxSentenceEncoder:
        return cls.from_dir(SentenceEncoder.installed_dir(), cache_dir, precision)

    def _run(self, batch: list[list[int]]) -> np.ndarray:
        ids, mask = pad_ids(batch)
        return self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        ids = [self.tokenizer.encode(t) for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = np.argsort([len(i) for i in ids], kind="stable")  # batches of similar length waste little padding
        for start in range(0, len(ids), batch_size):
            chunk = order[start : start + batch_size]
            out[chunk] = self._run([ids[i] for i in chunk])
        return out


def fast_encoder(cache_dir: Path | None = None, precision: str = "fp32") -> OnnxSentenceEncoder | SentenceEncoder:
    """The installed MiniLM encoder on onnxruntime when it is installed, else the NumPy one (logged: ~10x slower).

    int8 weights change the vectors slightly, so `precision="int8"` needs onnxruntime (no fallback).
    """
    folder = SentenceEncoder.installed_dir()  # EmbeddingModelMissing with the install hint
    if runtime_available():
        return OnnxSentenceEncoder.from_dir(folder, cache_dir, precision)
    if precision != "fp32":
        raise EncoderRuntimeMissing(f"the {precision} MiniLM encoder needs onnxruntime: pip install 'tawasol[encoder]'")
    log.warning("onnxruntime is not installed: the MiniLM encoder runs in NumPy (~25 ms per message instead of ~2); "
                "pip install 'tawasol[encoder]' for the fast path")
    return SentenceEncoder.from_dir(folder)
