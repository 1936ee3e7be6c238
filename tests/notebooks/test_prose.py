"""Prose that contradicted the saved outputs stays fixed: every markdown cell is read for the
claims a reading of the notebooks found false, and where a claim can be checked against the
saved output it is."""

from __future__ import annotations

import re
from ast import literal_eval

import nbformat
import pytest

from tools.sources import NOTEBOOKS_DIR

# (notebook, a claim its markdown must not make again, what the saved output shows instead)
FALSE_CLAIMS = [
    (
        "01_pipeline",
        r"punctuation",
        "the tiny fill-mask guesses are words (names), not punctuation",
    ),
    ("02_tokenizers", r"split them into stems and endings", "BERT's vocabulary splits syllables"),
    ("06_lora", r"time saved is small", "the measured LoRA run is not faster on a tiny model"),
    ("08_pretraining", r"three times longer", "NFD makes 안녕하세요 5 -> 12 characters"),
    ("11_compression_and_serving", r"compression buys less", "int8 is about 3.5x smaller"),
    ("11_compression_and_serving", r"agree to about 1e-5", "the check's bound is 1e-4"),
    ("12_instruction_tuning", r"Both rise as DPO", "the logged margins go up and down"),
    ("12_instruction_tuning", r"to see what they gained or lost", "the changes are printed, read"),
]


def notebook(name: str):
    return nbformat.read(NOTEBOOKS_DIR / f"{name}.ipynb", as_version=4)


def markdown(name: str) -> str:
    return "\n".join(c.source for c in notebook(name).cells if c.cell_type == "markdown")


def printed(name: str, code: str) -> str:
    """The saved text output of the first code cell whose source contains `code`."""
    for cell in notebook(name).cells:
        if cell.cell_type == "code" and code in cell.source:
            return "".join(
                o.get("text", "") or o.get("data", {}).get("text/plain", "") for o in cell.outputs
            )
    raise LookupError(f"{name} has no code cell with {code!r}")


@pytest.mark.parametrize(("name", "claim", "instead"), FALSE_CLAIMS)
def test_the_prose_does_not_make_a_claim_its_output_contradicts(name, claim, instead):
    found = re.search(claim, markdown(name))
    assert not found, f"{name} says {found.group(0)!r} again, but {instead}"


def test_the_int8_file_is_as_much_smaller_as_chapter_11_says():
    sizes = literal_eval(
        printed("11_compression_and_serving", 'table["size (KB)"]').splitlines()[0]
    )
    assert sizes["ONNX fp32"] / sizes["ONNX int8"] > 3, sizes
    assert "a little less than that" in markdown("11_compression_and_serving")


def test_chapter_08s_normalizer_lengthens_hangul_as_the_text_reads():
    out = printed("08_pretraining", "uncased_bert = normalizers")
    before, after = map(int, re.search(r"안녕하세요: (\d+) -> (\d+)", out).groups())
    assert after > before, out
    assert "the cell below counts by how much" in markdown("08_pretraining")


def test_chapter_02s_cased_bert_splits_korean_into_syllables_as_the_text_reads():
    out = printed("02_tokenizers", 'korean = helpers.course_text("korean")')
    cased = re.search(r"cased:\s+(\[.*\])", out).group(1)
    pieces = [p.removeprefix("##") for p in literal_eval(cased) if p != "."]
    assert all(len(piece) == 1 for piece in pieces), pieces
    assert "syllable by syllable" in markdown("02_tokenizers")


def test_chapter_02s_tokenizer_retrained_on_reviews_wins_on_an_unseen_review():
    out = printed("02_tokenizers", "reviews_tokenizer = old.train_new_from_iterator")
    original, retrained = map(int, re.findall(r"(\d+) tokens", out))
    assert retrained < original and "needs fewer: True" in out, out


@pytest.mark.parametrize("path", sorted(NOTEBOOKS_DIR.glob("*.ipynb")), ids=lambda p: p.stem)
def test_a_folded_solution_prints_a_pass_that_gives_no_answer_away(path):
    """A solution cell's saved output says the check passed, with no number from the answer."""
    cells = [c for c in notebook(path.stem).cells if "solution" in c.metadata.get("tags", [])]
    for cell in cells:
        out = "".join(o.get("text", "") for o in cell.outputs)
        assert "Correct" in out and not re.search(r"\d", out), (cell.source[:80], out)


def test_lessons_leave_tiny_modes_needs_to_the_setup_call():
    """Tiny mode's quiet Trainer comes from `setup_notebook` (the library's own default then
    prints log lines instead of bars), not from lines in the lesson a learner has to skip."""
    from tools.sources import sources

    for source in sources():
        text = source.read_text(encoding="utf-8")
        assert "disable_tqdm=course.tiny" not in text, source.stem
        assert not re.search(r"if course\.tiny:\s*\n\s*\w+\.remove_callback", text), source.stem


def test_chapter_08s_fix_keeps_hangul_syllables_that_plain_retraining_splits():
    out = printed("08_pretraining", "accents_kept = AutoTokenizer")
    lines = {line[:24].strip(): line[24:] for line in out.splitlines() if line.strip()}
    syllable, jamo = re.compile("[\uac00-\ud7a3]"), re.compile("[\u1100-\u11ff]")
    assert jamo.search(lines["retrained"]) and not syllable.search(lines["retrained"]), out
    kept = lines["retrained, accents kept"]
    assert syllable.search(kept) and not jamo.search(kept), out


def test_lessons_take_per_mode_values_from_a_settings_table():
    """A value that differs between the modes (a size, a rate, a tolerance) comes from a settings
    table (`helpers.settings`, `helpers.pretraining_settings`, ...), not a literal per mode."""
    from tools.sources import sources

    per_mode_literal = re.compile(r"\{\s*\"tiny\":|[\d.e-]+\s+if course\.tiny else\s+[\d.e-]+")
    for source in sources():
        found = per_mode_literal.search(source.read_text(encoding="utf-8"))
        assert found is None, (source.stem, found and found.group(0))
