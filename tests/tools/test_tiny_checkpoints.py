"""The committed tiny stand-ins: loadable, small, with a pooler, and meeting their quality bars."""

import json
from pathlib import Path

import pytest
from safetensors import safe_open

from helpers.checkpoints import KNOWN, checkpoint, folder_name
from helpers.files import folder_size
from helpers.paths import data_dir, tiny_checkpoints_dir
from tools.tiny import recipes, synthetic, texts, training
from tools.tiny.bars import minimum, misses

SENTIMENT = "distilbert/distilbert-base-uncased-finetuned-sst-2-english"
QA = "distilbert/distilbert-base-cased-distilled-squad"
ZERO_SHOT = "facebook/bart-large-mnli"

LESSON_REVIEWS = {
    "I have waited all year for a course like this one.": "POSITIVE",
    "This lesson was a complete waste of my evening.": "NEGATIVE",
    "The new phone is fast and the battery lasts for days.": "POSITIVE",
    "The soup was cold and the waiter ignored us.": "NEGATIVE",
}


def test_data_folder_stays_under_25_mb():
    """The budget for every chapter's stand-ins and data, advanced chapters included."""
    assert folder_size(data_dir()) < 25 * 1024 * 1024


MODELS = [entry for entry in KNOWN if entry.marker == "config.json"]  # tests/chapters: the rest


@pytest.mark.parametrize("entry", MODELS, ids=lambda e: e.hub_id)
def test_each_stand_in_loads_with_auto_classes(entry):
    from transformers import AutoConfig, AutoModel, AutoTokenizer

    folder = checkpoint(entry.hub_id, mode="tiny")
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModel.from_pretrained(folder)
    assert AutoConfig.from_pretrained(folder).vocab_size == len(tokenizer)
    assert model(**tokenizer("A short test.", return_tensors="pt")).last_hidden_state.shape[0] == 1


@pytest.mark.parametrize("name", ["bert-base-uncased", "bert-base-cased"])
def test_bert_bases_are_saved_with_a_pooler(name):
    with safe_open(f"{checkpoint(name, mode='tiny')}/model.safetensors", "pt") as weights:
        assert "bert.pooler.dense.weight" in weights.keys()  # noqa: SIM118 (safe_open has no __contains__)


@pytest.fixture(scope="module")
def sentiment_pipeline():
    from transformers import pipeline

    return pipeline("sentiment-analysis", model=checkpoint(SENTIMENT, mode="tiny"))


def test_sentiment_stand_in_gets_the_lesson_examples_right(sentiment_pipeline):
    labels = [r["label"] for r in sentiment_pipeline(list(LESSON_REVIEWS))]
    assert labels == list(LESSON_REVIEWS.values())


def held_out_accuracy(sentiment) -> float:
    """Accuracy of a sentiment pipeline on the held-out test sentences."""
    sentences, gold = texts.sentiment_split("test")
    predicted = [r["label"] == "POSITIVE" for r in sentiment(sentences)]
    return sum(int(p) == g for p, g in zip(predicted, gold)) / len(gold)


def test_sentiment_stand_in_is_90_percent_right_on_held_out_sentences(sentiment_pipeline):
    """The test split is held out: the builder trains on train and picks the epoch on validation."""
    sentences, _ = texts.sentiment_split("test")
    seen = {s.lower() for split in ("train", "validation") for s in texts.sentiment_split(split)[0]}
    assert len(sentences) >= 20 and not seen & {s.lower() for s in sentences}
    accuracy = held_out_accuracy(sentiment_pipeline)
    bar = minimum(recipes.recipe(SENTIMENT).bars, "test_accuracy")
    assert bar >= 0.90 and accuracy >= bar, f"held-out accuracy {accuracy:.3f}"
    assert build_notes(SENTIMENT)["test_accuracy"] == round(accuracy, 3)


def test_builder_rejects_an_unknown_name(tmp_path, capsys):
    from tools.tiny.__main__ import main

    with pytest.raises(SystemExit) as stopped:
        main(["build", "--out", str(tmp_path), "--only", "bert-huge"])
    assert stopped.value.code == 2 and "invalid choice: 'bert-huge'" in capsys.readouterr().err


def test_ner_stand_in_finds_the_lesson_entities():
    from transformers import pipeline

    name = checkpoint("dbmdz/bert-large-cased-finetuned-conll03-english", mode="tiny")
    ner = pipeline("ner", model=name, aggregation_strategy="simple")
    found = {
        (e["entity_group"], e["word"])
        for e in ner("My name is Tamsin Okonkwo and I work at Silverpine Labs in Port Alder.")
    }
    assert {("PER", "Tamsin Okonkwo"), ("ORG", "Silverpine Labs"), ("LOC", "Port Alder")} == found


def build_notes(hub_id: str) -> dict:
    """The builder's record (tiny_build.json) of one committed stand-in."""
    return json.loads((Path(checkpoint(hub_id, mode="tiny")) / "tiny_build.json").read_text())


def test_mrpc_stand_in_learns_in_lesson_03s_own_fine_tuning():
    """Lesson 03's Trainer run, repeated by the builder, on the validation pairs: from chance
    (new head) to well above the majority baseline, predicting both classes, with a falling
    training loss; with other seeds too, so that the lesson's score is not luck."""
    bars = recipes.recipe("google-bert/bert-base-uncased").bars
    assert len(bars) == 6 and minimum(bars, "mrpc_lesson_03.validation_after.accuracy") >= 0.75
    assert misses(bars, build_notes("bert-base-uncased")) == []


@pytest.mark.parametrize("recipe", [r for r in recipes.RECIPES if r.bars], ids=lambda r: r.hub_id)
def test_each_committed_stand_in_meets_the_bars_the_builder_enforces(recipe):
    folder = tiny_checkpoints_dir() / folder_name(recipe.hub_id)
    notes = json.loads((folder / "tiny_build.json").read_text(encoding="utf-8"))
    assert misses(recipe.bars, notes) == []


def test_building_one_stand_in_starts_from_the_committed_base():
    """`--only` loads the committed checkpoints a recipe builds on, so that a rebuilt QA model
    shares the committed cased BERT's vocabulary; `--rebuild-needs` rebuilds them as well."""
    from tools.tiny.build import _with_needs

    squad = [r for r in recipes.RECIPES if r.hub_id.endswith("cased-distilled-squad")]
    done = {}
    assert _with_needs(squad, done, reuse=True) == squad
    bert = done["google-bert/bert-base-cased"]
    committed = Path(checkpoint("google-bert/bert-base-cased", mode="tiny")) / "tokenizer.json"
    vocab = json.loads(committed.read_text(encoding="utf-8"))["model"]["vocab"]
    assert bert.tokenizer.get_vocab() == vocab
    assert type(bert.model).__name__ == "BertForPreTraining"
    rebuilt = [r.hub_id for r in _with_needs(squad, {}, reuse=False)]
    assert rebuilt == [recipes.CASED, "google-bert/bert-base-cased", squad[0].hub_id]


@pytest.fixture(scope="module")
def qa_stand_in():
    from transformers import AutoModelForQuestionAnswering, AutoTokenizer

    name = checkpoint(QA, mode="tiny")
    return AutoModelForQuestionAnswering.from_pretrained(name), AutoTokenizer.from_pretrained(name)


def test_qa_stand_in_answers_the_lesson_question(qa_stand_in):
    model, tokenizer = qa_stand_in
    lesson = recipes.LESSON_QA
    assert (
        training.answer(model, tokenizer, lesson["question"], lesson["context"]) == lesson["answer"]
    )


def test_qa_stand_in_answers_most_held_out_questions(qa_stand_in):
    """Exact match, measured here by running the model, on the hand-written held-out passages,
    which no training passage uses; the build notes record the same score. An untrained head
    scores 0; the committed stand-in scores 0.875 (21 of 24); the course's bar is 0.80."""
    model, tokenizer = qa_stand_in
    held_out = synthetic.qa_test()
    trained = {e["context"] for e in synthetic.qa_examples(recipes.QA_EXAMPLES)}
    assert len(held_out) >= 20 and not trained & {e["context"] for e in held_out}
    score = training.exact_match(model, tokenizer, held_out)
    bar = minimum(recipes.recipe(QA).bars, "held_out_exact_match")
    assert bar >= 0.80 and score >= bar, f"held-out exact match {score:.3f}"
    notes = build_notes(QA)
    assert notes["held_out_exact_match"] == round(score, 3), notes


def test_zero_shot_stand_in_labels_the_lesson_and_80_percent_of_held_out_texts():
    """Every held-out text has three candidate labels (chance: 1 in 3); the course's target is
    0.80 (issue 10). The committed stand-in gets 0.875 (21 of 24)."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    name = checkpoint(ZERO_SHOT, mode="tiny")
    model = AutoModelForSequenceClassification.from_pretrained(name)
    tokenizer = AutoTokenizer.from_pretrained(name)
    lesson = recipes.LESSON_ZERO_SHOT
    assert lesson["gold"] == "education"
    assert training.zero_shot_accuracy(model, tokenizer, [lesson]) == 1.0
    held_out = synthetic.zero_shot_test()
    premises = {p for p, _ in synthetic.topic_texts() + synthetic.topic_words()}
    premises |= {p for p, _, _ in synthetic.named_pairs()}
    assert len(held_out) >= 20 and not premises & {e["text"] for e in held_out}
    accuracy = training.zero_shot_accuracy(model, tokenizer, held_out)
    assert all(len(e["labels"]) == 3 for e in held_out)
    bar = minimum(recipes.recipe(ZERO_SHOT).bars, "held_out_accuracy")
    assert bar >= 0.80 and accuracy >= bar, f"held-out accuracy {accuracy:.3f}"
    notes = build_notes(ZERO_SHOT)
    assert notes["held_out_accuracy"] == round(accuracy, 3), notes
