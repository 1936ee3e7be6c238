"""One recipe per tiny stand-in: architecture, tokenizer and the short training it gets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory

import torch
from transformers import (
    BartConfig,
    BartForSequenceClassification,
    BertConfig,
    BertForPreTraining,
    BertForTokenClassification,
    DistilBertConfig,
    DistilBertForMaskedLM,
    DistilBertForQuestionAnswering,
    DistilBertForSequenceClassification,
    DistilBertTokenizer,
    GPT2Config,
    GPT2LMHeadModel,
    LlamaConfig,
    LlamaForCausalLM,
)

from tools.tiny import (
    chat,
    korean,
    lesson03,
    lesson09,
    lesson11,
    synthetic,
    texts,
    tokenizers,
    training,
)
from tools.tiny.bars import Bar, at_least, at_most, below, equals, strictly_between
from tools.tiny.base import SIZE, Built

MLM_STEPS = 300
BERT_STEPS = (
    2000  # MLM + next-sentence steps of the BERT stand-ins (600: lesson 03 learned nothing)
)
CLM_STEPS = 300
CHAT_SIZE = {"hidden": 128, "layers": 2, "heads": 4, "ffn": 512}
CHAT_STEPS = 1500
SENTIMENT_EPOCHS = 8
SENTIMENT_LR = 5e-4
NER_STEPS = 600
# QA and zero-shot: steps, batch, learning rate and data were chosen on the selection sets of
# data/synthetic (hand-written plus generated from another seed); the held-out test sets are
# only scored, once, at the end of each build.
QA_STEPS = 2400
QA_BATCH = 48
QA_LR = 6e-3
QA_EXAMPLES = 20000  # 6,000, each seen 19 times, were learned by heart: 0.72 of new ones right
NLI_STEPS = 3000  # 1,200 at 3e-3: the topic loss stayed near chance (selection 0.49)
NLI_LR = 1e-3
LESSON_QA = {
    "question": "Where does Mara work?",
    "context": "Mara Lindqvist works at Brightwater Foods in Dunmore. She bakes bread.",
    "answer": "Brightwater Foods",
}
LESSON_ZERO_SHOT = {
    "text": "This course teaches you how to fine-tune a language model.",
    "labels": ["education", "politics", "business"],
    "gold": "education",
}
CONLL_LABELS = ("O", "B-MISC", "I-MISC", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
NLI_LABELS = ("contradiction", "neutral", "entailment")


@dataclass(frozen=True)
class Recipe:
    """How to build the stand-in for one hub checkpoint, and the bars its notes must meet."""

    hub_id: str
    build: Callable[[dict], Built]
    needs: tuple[str, ...] = ()
    saved: bool = True
    bars: tuple[Bar, ...] = ()


def _bert_config(tokenizer, **extra) -> BertConfig:
    """A tiny BERT config sized for `tokenizer`."""
    return BertConfig(
        vocab_size=len(tokenizer),
        hidden_size=SIZE["hidden"],
        num_hidden_layers=SIZE["layers"],
        num_attention_heads=SIZE["heads"],
        intermediate_size=SIZE["ffn"],
        max_position_embeddings=SIZE["positions"],
        pad_token_id=tokenizer.pad_token_id,
        **extra,
    )


def _distil_config(tokenizer, **extra) -> DistilBertConfig:
    """A tiny DistilBERT config sized for `tokenizer`."""
    return DistilBertConfig(
        vocab_size=len(tokenizer),
        dim=SIZE["hidden"],
        n_layers=SIZE["layers"],
        n_heads=SIZE["heads"],
        hidden_dim=SIZE["ffn"],
        max_position_embeddings=SIZE["positions"],
        pad_token_id=tokenizer.pad_token_id,
        **extra,
    )


def wordpiece(lowercase: bool) -> Callable[[dict], Built]:
    """A WordPiece vocabulary alone (shared by the BERT and DistilBERT stand-ins, as on the hub)."""

    def build(done: dict) -> Built:
        return Built(None, tokenizers.wordpiece(texts.tokenizer_texts(), lowercase), {})

    return build


def bert_base(vocab: str) -> Callable[[dict], Built]:
    """A BERT base with pooler (saved as BertForPreTraining), MLM-trained on the corpus."""

    def build(done: dict) -> Built:
        tokenizer = done[vocab].tokenizer
        model = BertForPreTraining(_bert_config(tokenizer))
        loss = training.train_bert_pretraining(
            model, tokenizer, texts.corpus_paragraphs(), texts.paraphrase_pairs(), BERT_STEPS
        )
        notes = {"pretraining_loss": round(loss, 3)}
        if tokenizer.do_lower_case:
            notes["mrpc_lesson_03"] = mrpc_lesson_03(model, tokenizer)
        return Built(model, tokenizer, notes)

    return build


def mrpc_lesson_03(bert: BertForPreTraining, tokenizer) -> dict:
    """Lesson 03's own Trainer run on `bert` (saved to a temporary folder, as the lesson loads it)."""
    with TemporaryDirectory() as folder:
        bert.save_pretrained(folder)
        tokenizer.save_pretrained(folder)
        return lesson03.record(Path(folder))


def review_models(done: dict) -> Built:
    """Chapter 09's two trained review models and their manifest, from running the lesson on the
    Korean stand-in just built (chapters 10 and 11 load them in tiny mode)."""
    folder = lesson09.run_lesson(done["klue/roberta-base"])
    return Built(None, None, lesson09.scores(folder), files=folder)


def review_analyser(done: dict) -> Built:
    """Chapter 11's served folder (the review models as int8 ONNX files), from running the lesson
    on the review models built or committed; scored with the app the lesson wrote."""
    folder = lesson11.run_lesson(done["course/review-models"].files)
    return Built(None, None, lesson11.scores(folder), files=folder)


def _distil_tokenizer(bert_tokenizer) -> DistilBertTokenizer:
    """The DistilBERT tokenizer over a BERT vocabulary (no token_type_ids)."""
    return DistilBertTokenizer(
        vocab=bert_tokenizer.get_vocab(),
        do_lower_case=bert_tokenizer.do_lower_case,
        model_max_length=512,
    )


BERT_TO_DISTIL = (
    ("bert.embeddings.", "distilbert.embeddings."),
    ("bert.encoder.layer.", "distilbert.transformer.layer."),
    (".attention.self.query.", ".attention.q_lin."),
    (".attention.self.key.", ".attention.k_lin."),
    (".attention.self.value.", ".attention.v_lin."),
    (".attention.output.dense.", ".attention.out_lin."),
    (".attention.output.LayerNorm.", ".sa_layer_norm."),
    (".intermediate.dense.", ".ffn.lin1."),
    (".output.dense.", ".ffn.lin2."),
    (".output.LayerNorm.", ".output_layer_norm."),
)


def _distil_name(bert_name: str) -> str:
    """The DistilBERT parameter that plays the role of BERT parameter `bert_name`."""
    for old, new in BERT_TO_DISTIL:
        bert_name = bert_name.replace(old, new)
    return bert_name


def _from_bert(distil: torch.nn.Module, bert: torch.nn.Module) -> None:
    """Start a DistilBERT from a BERT's embeddings and layers, as DistilBERT itself was."""
    target = distil.state_dict()
    copied = {_distil_name(k): v for k, v in bert.state_dict().items() if _distil_name(k) in target}
    missing = [k for k in target if k.startswith("distilbert.") and k not in copied]
    if missing:
        raise RuntimeError(f"BERT weights do not cover DistilBERT parameters {missing}")
    distil.load_state_dict({**target, **copied})


def distilbert_base(done: dict) -> Built:
    """An uncased DistilBERT masked LM, started from the BERT stand-in and trained on the corpus."""
    bert = done["google-bert/bert-base-uncased"]
    tokenizer = _distil_tokenizer(bert.tokenizer)
    model = DistilBertForMaskedLM(_distil_config(tokenizer))
    _from_bert(model, bert.model)
    loss = training.train_masked_lm(model, tokenizer, texts.corpus_paragraphs(), MLM_STEPS // 2)
    return Built(model, tokenizer, {"mlm_loss": round(loss, 3)})


def sentiment(done: dict) -> Built:
    """DistilBERT fine-tuned on the course's sentiment sentences; epoch picked on dev, test held out."""
    base = done["distilbert/distilbert-base-uncased"]
    labels = {0: "NEGATIVE", 1: "POSITIVE"}
    config = _distil_config(
        base.tokenizer, id2label=labels, label2id={v: k for k, v in labels.items()}
    )
    model = DistilBertForSequenceClassification(config)
    model.distilbert.load_state_dict(base.model.distilbert.state_dict())
    epoch, dev = training.train_classifier_selecting(
        model,
        base.tokenizer,
        texts.sentiment_split("train"),
        texts.sentiment_split("validation"),
        SENTIMENT_EPOCHS,
        lr=SENTIMENT_LR,
    )
    test = training.accuracy(model, base.tokenizer, *texts.sentiment_split("test"))
    notes = {"epoch": epoch, "validation_accuracy": round(dev, 3), "test_accuracy": round(test, 3)}
    return Built(model, base.tokenizer, notes)


def gpt2(done: dict) -> Built:
    """A GPT-2 causal LM with a byte-level BPE, trained on the corpus."""
    tokenizer = tokenizers.gpt2_bpe(texts.tokenizer_texts())
    config = GPT2Config(
        vocab_size=len(tokenizer),
        n_positions=SIZE["positions"],
        n_embd=SIZE["hidden"],
        n_layer=SIZE["layers"],
        n_head=SIZE["heads"],
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
    )
    model = GPT2LMHeadModel(config)
    loss = training.train_causal_lm(model, tokenizer, texts.corpus_paragraphs(), CLM_STEPS)
    return Built(model, tokenizer, {"clm_loss": round(loss, 3)})


def smollm2_instruct(done: dict) -> Built:
    """A small Llama with SmolLM2's special tokens and a ChatML template, trained on the
    course's English and Korean text and on general chat tasks (tools/tiny/chat.py), so it
    arrives as an instruct model does: it follows the format and stops. Chapter 12's review
    task is left to the lesson."""
    reviews = [line for line in texts.korean_texts() if len(line.split()) > 2]
    plain = texts.corpus_paragraphs() + texts.korean_texts() + chat.glossary_texts()
    chats = chat.conversations(reviews)
    tokenizer = tokenizers.chat_bpe(texts.tokenizer_texts() + plain)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=CHAT_SIZE["hidden"],
        intermediate_size=CHAT_SIZE["ffn"],
        num_hidden_layers=CHAT_SIZE["layers"],
        num_attention_heads=CHAT_SIZE["heads"],
        num_key_value_heads=CHAT_SIZE["heads"],
        max_position_embeddings=SIZE["positions"],
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        tie_word_embeddings=True,
    )
    model = LlamaForCausalLM(config)
    loss = training.train_chat_lm(model, tokenizer, plain, chats, CHAT_STEPS)
    return Built(model, tokenizer, {"chat_lm_loss": round(loss, 3)})


def bart_mnli(done: dict) -> Built:
    """A BART sequence classifier with the MNLI labels, trained on the course's NLI pairs."""
    tokenizer = tokenizers.bart_bpe(texts.tokenizer_texts() + synthetic.nli_texts())
    labels = dict(enumerate(NLI_LABELS))
    config = BartConfig(
        vocab_size=len(tokenizer),
        d_model=SIZE["hidden"],
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=SIZE["heads"],
        decoder_attention_heads=SIZE["heads"],
        encoder_ffn_dim=SIZE["ffn"],
        decoder_ffn_dim=SIZE["ffn"],
        max_position_embeddings=SIZE["positions"],
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.eos_token_id,
        forced_eos_token_id=tokenizer.eos_token_id,
        id2label=labels,
        label2id={v: k for k, v in labels.items()},
    )
    model = BartForSequenceClassification(config)
    template = synthetic.nli_template()
    loss = training.train_zero_shot(
        model,
        tokenizer,
        synthetic.topic_texts() + synthetic.topic_words(),
        synthetic.named_pairs(),
        template,
        NLI_STEPS,
        lr=NLI_LR,
    )
    selection = training.zero_shot_accuracy(model, tokenizer, synthetic.zero_shot_selection())
    lesson = training.zero_shot_accuracy(model, tokenizer, [LESSON_ZERO_SHOT])
    held_out = synthetic.zero_shot_test()
    test = training.zero_shot_accuracy(model, tokenizer, held_out)
    notes = {
        "nli_loss": round(loss, 3),
        "lesson_example_right": lesson == 1.0,
        "selection_accuracy": round(selection, 3),
        "held_out_accuracy": round(test, 3),
        "held_out_count": len(held_out),
    }
    return Built(model, tokenizer, notes)


def ner(done: dict) -> Built:
    """A cased BERT token classifier (CoNLL-2003 labels) trained on the course's invented names."""
    base = done["google-bert/bert-base-cased"]
    labels = dict(enumerate(CONLL_LABELS))
    model = BertForTokenClassification(
        _bert_config(base.tokenizer, id2label=labels, label2id={v: k for k, v in labels.items()})
    )
    model.bert.load_state_dict(base.model.bert.state_dict(), strict=False)
    loss = training.train_token_classifier(
        model, base.tokenizer, synthetic.ner_sentences(800), NER_STEPS
    )
    return Built(model, base.tokenizer, {"ner_loss": round(loss, 3)})


def squad(done: dict) -> Built:
    """A cased DistilBERT extractive QA model from the cased BERT, trained on the course's passages."""
    bert = done["google-bert/bert-base-cased"]
    tokenizer = _distil_tokenizer(bert.tokenizer)
    model = DistilBertForQuestionAnswering(_distil_config(tokenizer))
    _from_bert(model, bert.model)
    examples = synthetic.qa_examples(QA_EXAMPLES)
    loss = training.train_question_answering(
        model, tokenizer, examples, QA_STEPS, lr=QA_LR, batch_size=QA_BATCH
    )
    lesson = training.answer(model, tokenizer, LESSON_QA["question"], LESSON_QA["context"])
    selection = training.exact_match(model, tokenizer, synthetic.qa_selection())
    held_out = synthetic.qa_test()
    test = training.exact_match(model, tokenizer, held_out)
    notes = {
        "qa_loss": round(loss, 3),
        "lesson_answer": lesson,
        "selection_exact_match": round(selection, 3),
        "held_out_exact_match": round(test, 3),
        "held_out_count": len(held_out),
    }
    return Built(model, tokenizer, notes)


# Quality bars, each on held-out data (tools/tiny/bars.py): the builder refuses a stand-in that
# misses one. Lesson 03's fine-tuning of the BERT stand-in, on the validation pairs: from chance
# (new head) to well above always answering "equivalent", predicting both classes, with a
# falling loss, and with other seeds too, so that the lesson's score is not luck.
MRPC = "mrpc_lesson_03"
MRPC_BARS = (
    at_least(f"{MRPC}.validation_after.accuracy", 0.75),
    at_least(
        f"{MRPC}.validation_after.accuracy", 0.12, over=f"{MRPC}.validation_after.majority_baseline"
    ),
    at_least(f"{MRPC}.validation_accuracy_other_seeds", 0.75),
    strictly_between(f"{MRPC}.validation_after.predicted_positive", 0, 1),
    at_most(
        f"{MRPC}.validation_before.accuracy",
        0.05,
        over=f"{MRPC}.validation_before.majority_baseline",
    ),
    below(f"{MRPC}.train_loss_last_third", f"{MRPC}.train_loss_first_third"),
)
SENTIMENT_BARS = (at_least("test_accuracy", 0.90),)
ZERO_SHOT_BARS = (at_least("held_out_accuracy", 0.80), equals("lesson_example_right", True))
QA_BARS = (at_least("held_out_exact_match", 0.80), equals("lesson_answer", LESSON_QA["answer"]))
# Chapter 09's models on the review test split: against always answering the commonest level.
REVIEW_BARS = (
    at_least("keyword_micro_f1", 0.80),
    at_least("sentiment_accuracy", 0.12, over="majority_accuracy"),
)

UNCASED, CASED = "wordpiece-uncased", "wordpiece-cased"
RECIPES = (
    Recipe(UNCASED, wordpiece(lowercase=True), saved=False),
    Recipe(CASED, wordpiece(lowercase=False), saved=False),
    Recipe("google-bert/bert-base-uncased", bert_base(UNCASED), (UNCASED,), bars=MRPC_BARS),
    Recipe("google-bert/bert-base-cased", bert_base(CASED), (CASED,)),
    Recipe(
        "distilbert/distilbert-base-uncased", distilbert_base, ("google-bert/bert-base-uncased",)
    ),
    Recipe(
        "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
        sentiment,
        ("distilbert/distilbert-base-uncased",),
        bars=SENTIMENT_BARS,
    ),
    Recipe("openai-community/gpt2", gpt2),
    Recipe("facebook/bart-large-mnli", bart_mnli, bars=ZERO_SHOT_BARS),
    Recipe("HuggingFaceTB/SmolLM2-135M-Instruct", smollm2_instruct),
    Recipe(
        "dbmdz/bert-large-cased-finetuned-conll03-english", ner, ("google-bert/bert-base-cased",)
    ),
    Recipe(
        "distilbert/distilbert-base-cased-distilled-squad",
        squad,
        ("google-bert/bert-base-cased",),
        bars=QA_BARS,
    ),
    Recipe("klue/roberta-base", korean.klue_roberta),
    Recipe("course/review-models", review_models, ("klue/roberta-base",), bars=REVIEW_BARS),
    Recipe("course/review-analyser", review_analyser, ("course/review-models",), bars=REVIEW_BARS),
)


def recipe(hub_id: str) -> Recipe:
    """The recipe of `hub_id`."""
    return next(r for r in RECIPES if r.hub_id == hub_id)
