import pytest
from datasets import ClassLabel, Value

from helpers import course_text, load_dataset
from helpers.errors import CourseError

MRPC_HEADER = "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"


def write_glue(root, train_rows, header=MRPC_HEADER, bom=False):
    folder = root / "MRPC"
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("train.tsv", "dev.tsv"):
        text = ("\ufeff" if bom and name == "dev.tsv" else "") + header + "".join(train_rows)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "test.tsv").write_text(
        "index\t#1 ID\t#2 ID\t#1 String\t#2 String\n0\t1\t2\tA b.\tC d.\n"
    )
    return folder


def test_tiny_mrpc_has_the_hub_features_and_enough_rows(tiny):
    mrpc = load_dataset("glue", "mrpc")
    assert list(mrpc) == ["train", "validation", "test"]
    features = mrpc["train"].features
    assert features["label"] == ClassLabel(names=["not_equivalent", "equivalent"])
    assert features["sentence1"] == Value("string") and features["idx"] == Value("int32")
    assert [
        mrpc[s].num_rows >= n for s, n in [("train", 300), ("validation", 60), ("test", 60)]
    ] == [True] * 3
    for split in mrpc.values():
        share = sum(split["label"]) / split.num_rows
        assert 0.3 < share < 0.75
    assert mrpc["train"][0]["idx"] == 0


def test_tiny_sst2_and_split_argument(tiny):
    sst2 = load_dataset("nyu-mll/glue", "sst2", split="train")
    assert sst2.num_rows >= 300
    assert sst2.features["label"].names == ["negative", "positive"]


def test_glue_dir_is_read_in_full_mode_with_bom(full, monkeypatch, tmp_path):
    write_glue(
        tmp_path, ["1\t10\t11\tOne fact.\tThe same fact.\n", "0\t12\t13\tA.\tB.\n"], bom=True
    )
    monkeypatch.setenv("GLUE_DIR", str(tmp_path))
    mrpc = load_dataset("glue", "mrpc")
    assert mrpc["validation"]["label"][:] == [1, 0]
    assert mrpc["train"][0]["sentence2"] == "The same fact."
    assert mrpc["test"]["label"][:] == [-1]


def test_glue_dir_missing_file_names_the_path(full, monkeypatch, tmp_path):
    folder = write_glue(tmp_path, ["1\t10\t11\tA.\tB.\n"])
    (folder / "dev.tsv").unlink()
    monkeypatch.setenv("GLUE_DIR", str(tmp_path))
    with pytest.raises(CourseError, match=f"Missing data file {folder / 'dev.tsv'}"):
        load_dataset("glue", "mrpc")


def test_malformed_row_names_file_and_line(full, monkeypatch, tmp_path):
    folder = write_glue(tmp_path, ["1\t10\t11\tA.\tB.\n", "1\t12\tonly three\n"])
    monkeypatch.setenv("GLUE_DIR", str(tmp_path))
    with pytest.raises(CourseError, match=rf"{folder / 'train.tsv'} line 3: expected 5 .* got 3"):
        load_dataset("glue", "mrpc", split="train")


def test_bad_label_names_file_and_line(full, monkeypatch, tmp_path):
    write_glue(tmp_path, ["yes\t10\t11\tA.\tB.\n"])
    monkeypatch.setenv("GLUE_DIR", str(tmp_path))
    with pytest.raises(CourseError, match=r"train.tsv line 2: label must be 0 or 1, got 'yes'"):
        load_dataset("glue", "mrpc", split="train")


def test_unknown_split_and_unknown_glue_task(tiny):
    with pytest.raises(CourseError, match="Unknown split 'dev'"):
        load_dataset("glue", "mrpc", split="dev")
    with pytest.raises(CourseError, match="GLUE config 'cola' has no course copy"):
        load_dataset("glue", "cola")


def test_data_set_without_tiny_copy_says_so(tiny):
    with pytest.raises(
        CourseError, match=r"'imdb' has no course copy.*glue/mrpc.*COURSE_MODE=full"
    ):
        load_dataset("imdb")


def test_local_files_pass_through_to_datasets(tiny, tmp_path):
    csv = tmp_path / "reviews.csv"
    csv.write_text("text,label\nGood.,1\nBad.,0\n")
    data = load_dataset("csv", data_files=str(csv), split="train")
    assert data["text"][:] == ["Good.", "Bad."]


def test_course_text(tiny):
    assert len(course_text("english").encode()) >= 50_000
    assert any("\uac00" <= ch <= "\ud7a3" for ch in course_text("korean"))
    with pytest.raises(CourseError, match="Known: english, korean"):
        course_text("french")
