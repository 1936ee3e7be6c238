"""Checks and quiz of chapter 11 (making models small and serving them)."""

from __future__ import annotations

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict

__all__ = ["check_pruned"]


def check_pruned(model, amount: float) -> Verdict:
    """Pass when `amount` of the encoder's linear weights of `model` are zero and permanent."""
    if unanswered(model):
        return verdict(False, NOT_ANSWERED)
    import torch

    encoder = getattr(getattr(model, "base_model", None), "encoder", None)
    if encoder is None:
        return verdict(False, f"Expected a transformers encoder model, got {type(model).__name__}.")
    linears = [m for m in encoder.modules() if isinstance(m, torch.nn.Linear)]
    if any(hasattr(m, "weight_orig") for m in linears):
        return verdict(False, "The masks are still attached: call prune.remove(module, 'weight').")
    zeros = sum(int((m.weight == 0).sum()) for m in linears)
    share = zeros / sum(m.weight.numel() for m in linears)
    if abs(share - amount) > 0.01:
        return verdict(
            False,
            f"{share:.0%} of the encoder's linear weights are zero, not "
            f"{amount:.0%}: prune all of them together (global_unstructured).",
        )
    return verdict(True, "That share of the encoder's linear weights is zero, for good.")


QUIZZES = {
    "11.1": Quiz(
        "Why are the latency cells of this notebook not compared by the course's tests?",
        {
            "a": "latency is a timing: it changes with the machine, its load and the run",
            "b": "onnxruntime has no timer",
            "c": "latency does not matter in deployment",
        },
        "a",
        "Timings differ from run to run even on one machine; compare them side by side in one "
        "run, never against a number saved elsewhere.",
        "Would the same cell print the same milliseconds twice?",
    ),
    "11.2": Quiz(
        "Dynamic int8 quantization of the linear layers: what is stored as 8-bit integers?",
        {
            "a": "the activations, computed once and saved",
            "b": "the weights of the matrix multiplications; activations are quantized on the fly "
            "at each call",
            "c": "the token ids",
        },
        "b",
        "Weights are quantized once (4× smaller than fp32); 'dynamic' means each activation's "
        "scale is computed during inference, so no calibration data is needed.",
        "What does 'dynamic' refer to?",
    ),
    "11.3": Quiz(
        "In distillation, why divide both models' logits by a temperature T > 1?",
        {
            "a": "to make training faster",
            "b": "softer probabilities show how the teacher ranks the wrong classes too, which is "
            "what the student learns beyond the labels",
            "c": "to make the student's predictions more confident",
        },
        "b",
        "At T = 1 the teacher's top class takes almost all the probability; a higher T spreads "
        "it, so the relations between classes carry through (the T² factor keeps the gradient "
        "scale).",
        "Compare softmax([4, 2, 0]) with softmax([2, 1, 0]).",
    ),
    "11.4": Quiz(
        "After 50% magnitude pruning, the saved model file has the same size. Why?",
        {
            "a": "pruning failed",
            "b": "a dense tensor stores its zeros like any other number; only sparse storage (or "
            "compression) saves space",
            "c": "safetensors cannot store zeros",
        },
        "b",
        "Unstructured pruning changes values, not shapes; to gain size or speed you need sparse "
        "formats or kernels, or structured pruning that removes whole rows or heads.",
        "What is the shape of the weight matrix after pruning?",
    ),
    "11.5": Quiz(
        "The ONNX export's logits differ from PyTorch's by 2e-6. What does that mean?",
        {
            "a": "the export is broken",
            "b": "the same arithmetic in another order: floating-point sums differ in the last "
            "digits; a gap far below the logits' scale is a pass",
            "c": "onnxruntime uses int8 by default",
        },
        "b",
        "Parity checks use a tolerance: fp32 results agree to about 1e-6 relative, not bit for "
        "bit, across runtimes and even across CPUs.",
        "Is floating-point addition associative?",
    ),
    "11.6": Quiz(
        "Streamlit reruns the whole script on every click. Why is the model loaded in a function "
        "decorated with `@st.cache_resource`?",
        {
            "a": "the decorator makes the model smaller",
            "b": "so it is loaded once per server process and reused by every rerun and every "
            "user, instead of on each click",
            "c": "Streamlit cannot import onnxruntime without it",
        },
        "b",
        "Loading is the slow part (files, sessions); the answer itself takes milliseconds. A cached "
        "resource is shared across sessions, so it must not hold one user's state.",
        "What would a click cost if the files were read again each time?",
    ),
    "11.7": Quiz(
        "A review contains `<img src=x onerror=alert(1)>`. What keeps it from running in the page?",
        {
            "a": "the model ignores HTML",
            "b": "`html.escape` turns `<` and `>` into `&lt;` and `&gt;`, so the browser shows the "
            "characters instead of reading a tag",
            "c": "Streamlit blocks every review containing `<`",
        },
        "b",
        "Anything a user typed and the page shows is escaped first: the model reads the text, the "
        "browser only ever sees it as text.",
        "What does the browser do with `&lt;img`?",
    ),
}
