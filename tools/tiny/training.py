"""Short, seeded training loops that give the tiny stand-ins some real behaviour."""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch.nn.functional import cross_entropy
from transformers import DataCollatorForLanguageModeling

BLOCK = 64


def blocks(tokenizer, texts: list[str], size: int = BLOCK) -> list[list[int]]:
    """Concatenate the token ids of `texts` and cut them into blocks of `size` ids."""
    ids = [i for text in texts for i in tokenizer(text, add_special_tokens=False)["input_ids"]]
    return [ids[start : start + size] for start in range(0, len(ids) - size + 1, size)]


def _batches(items: list, batch_size: int, steps: int, seed: int):
    """`steps` random batches of `items`, reproducible from `seed`."""
    generator = torch.Generator().manual_seed(seed)
    for _ in range(steps):
        picks = torch.randint(len(items), (batch_size,), generator=generator)
        yield [items[i] for i in picks]


def _step(model, optimizer, loss) -> float:
    """One optimizer step on `loss`."""
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    optimizer.zero_grad()
    return loss.item()


def train_loop(
    model,
    examples: list,
    loss_of: Callable[[list], torch.Tensor],
    steps: int,
    seed: int = 0,
    lr: float = 2e-3,
    batch_size: int = 16,
    decay: bool = False,
) -> float:
    """The builder's one training loop: `steps` seeded random batches of `batch_size` `examples`,
    the loss `loss_of(batch)`, AdamW (weight decay 0.01) with gradients clipped to 1, and with
    `decay` a learning rate that warms up over the first 5% of steps and then falls linearly to 0;
    returns the last loss."""
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    warmup = max(steps // 20, 1)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda step: min((step + 1) / warmup, (steps - step) / (steps - warmup)) if decay else 1.0,
    )
    model.train()
    loss = float("nan")
    for batch in _batches(examples, batch_size, steps, seed):
        loss = _step(model, optimizer, loss_of(batch))
        schedule.step()
    model.eval()
    return loss


def train_masked_lm(model, tokenizer, texts: list[str], steps: int, seed: int = 0) -> float:
    """Masked-LM training on blocks of `texts`; returns the last loss."""
    collator = DataCollatorForLanguageModeling(tokenizer, mlm_probability=0.15, seed=seed)
    examples = [
        {"input_ids": [tokenizer.cls_token_id, *b, tokenizer.sep_token_id]}
        for b in blocks(tokenizer, texts, BLOCK - 2)
    ]

    def loss_of(batch: list) -> torch.Tensor:
        inputs = collator(batch)
        labels = inputs.pop("labels")
        out = model(**inputs)
        logits = out.logits if hasattr(out, "logits") else out.prediction_logits
        return cross_entropy(logits.flatten(0, 1), labels.flatten())

    return train_loop(model, examples, loss_of, steps, seed)


def _bag_of_words_loss(logits: torch.Tensor, input_ids: torch.Tensor, special: list[int]):
    """Cross-entropy between the vocabulary distribution predicted at the first ([CLS]) position
    and the sequence's own bag of words: it teaches [CLS] to summarise the whole text."""
    counts = torch.zeros_like(logits[:, 0, :]).scatter_add_(
        1, input_ids, torch.ones_like(input_ids, dtype=logits.dtype)
    )
    counts[:, special] = 0
    target = counts / counts.sum(-1, keepdim=True).clamp(min=1)
    return -(target * logits[:, 0, :].log_softmax(-1)).sum(-1).mean()


def train_masked_lm_summarising(
    model, tokenizer, texts: list[str], steps: int, seed: int = 0
) -> float:
    """Masked-LM training on whole texts (one per example, not blocks), plus a bag-of-words loss
    at [CLS] on the unmasked text, so that a classifier head reading [CLS] starts from a summary
    of the text (BERT's stand-ins get that from next-sentence prediction). Returns the last loss."""
    collator = DataCollatorForLanguageModeling(tokenizer, mlm_probability=0.15, seed=seed)
    examples = [{"input_ids": ids} for ids in tokenizer(texts, truncation=True)["input_ids"]]
    special = tokenizer.all_special_ids

    def loss_of(batch: list) -> torch.Tensor:
        plain = tokenizer.pad(batch, return_tensors="pt")
        inputs = collator(batch)
        labels = inputs.pop("labels")
        mlm = cross_entropy(model(**inputs).logits.flatten(0, 1), labels.flatten())
        summary = model(**plain).logits
        return mlm + _bag_of_words_loss(summary, plain["input_ids"], special)

    return train_loop(model, examples, loss_of, steps, seed)


def train_bert_pretraining(
    model, tokenizer, texts: list[str], pairs: list[tuple[str, str]], steps: int, seed: int = 0
) -> float:
    """BERT's own pretraining, small: masked LM on blocks of `texts` and on sentence pairs, and
    next-sentence prediction on the pairs (half keep their second sentence, half get the second
    sentence of another pair). Labels of the pairs are never used. Returns the last loss."""
    collator = DataCollatorForLanguageModeling(tokenizer, mlm_probability=0.15, seed=seed)
    rng = torch.Generator().manual_seed(seed)
    examples = [
        {
            "input_ids": [tokenizer.cls_token_id, *b, tokenizer.sep_token_id],
            "token_type_ids": [0] * BLOCK,
            "next": -100,
        }
        for b in blocks(tokenizer, texts, BLOCK - 2)
    ]
    words = [w for _, second in pairs for w in second.split()]
    for i, (first, second) in enumerate(pairs):
        other = pairs[int(torch.randint(len(pairs), (1,), generator=rng))][1]
        changed = second.split()
        at = int(torch.randint(len(changed), (1,), generator=rng))
        changed[at] = words[int(torch.randint(len(words), (1,), generator=rng))]
        for label, text in ((0, second), (1, other), (1, " ".join(changed))):
            if label and text == second:
                continue
            ids = tokenizer(first, text, truncation=True)["input_ids"]
            second_starts = ids.index(tokenizer.sep_token_id) + 1
            types = [0] * second_starts + [1] * (len(ids) - second_starts)
            examples.append({"input_ids": ids, "token_type_ids": types, "next": label})

    def loss_of(batch: list) -> torch.Tensor:
        nexts = torch.tensor([e["next"] for e in batch])
        inputs = collator([{k: v for k, v in e.items() if k != "next"} for e in batch])
        labels = inputs.pop("labels")
        out = model(**inputs)
        mlm = cross_entropy(out.prediction_logits.flatten(0, 1), labels.flatten())
        if (nexts >= 0).any():
            return mlm + cross_entropy(out.seq_relationship_logits, nexts, ignore_index=-100)
        return mlm

    return train_loop(model, examples, loss_of, steps, seed)


def train_causal_lm(model, tokenizer, texts: list[str], steps: int, seed: int = 0) -> float:
    """Next-token training on blocks of `texts`; returns the last loss."""

    def loss_of(batch: list) -> torch.Tensor:
        ids = torch.tensor(batch)
        return model(input_ids=ids, labels=ids).loss

    return train_loop(model, blocks(tokenizer, texts), loss_of, steps, seed)


def train_chat_lm(
    model, tokenizer, texts: list[str], chats: list[list[dict]], steps: int, seed: int = 0
) -> float:
    """Next-token training on a mix of text blocks (three copies) and chat-formatted
    conversations (each cut to 128 tokens), with a warm-up and a linear decay; returns the last
    loss."""
    rendered = tokenizer.apply_chat_template(chats, tokenize=False)
    conversations = [tokenizer(c, add_special_tokens=False)["input_ids"][:128] for c in rendered]
    examples = blocks(tokenizer, texts) * 3 + conversations
    pad = tokenizer.pad_token_id

    def loss_of(batch: list) -> torch.Tensor:
        width = max(len(ids) for ids in batch)
        ids = torch.full((len(batch), width), pad)
        labels = torch.full((len(batch), width), -100)
        for row, seq in enumerate(batch):
            ids[row, : len(seq)] = labels[row, : len(seq)] = torch.tensor(seq)
        return model(input_ids=ids, labels=labels).loss

    return train_loop(model, examples, loss_of, steps, seed, decay=True)


def train_classifier(
    model,
    tokenizer,
    texts: list[str],
    labels: list[int],
    epochs: int,
    seed: int = 0,
    lr: float = 1e-3,
) -> float:
    """Sequence-classification training for `epochs` passes; returns the last loss."""
    pairs = list(zip(texts, labels))

    def loss_of(batch: list) -> torch.Tensor:
        inputs = tokenizer([t for t, _ in batch], padding=True, return_tensors="pt")
        return model(**inputs, labels=torch.tensor([y for _, y in batch])).loss

    return train_loop(model, pairs, loss_of, epochs * (len(pairs) // 16), seed, lr)


def train_classifier_selecting(
    model,
    tokenizer,
    train: tuple[list, list],
    validation: tuple[list, list],
    epochs: int,
    lr: float = 1e-3,
) -> tuple[int, float]:
    """Train epoch by epoch, keep the weights of the epoch best on `validation`; return it and its accuracy."""
    best_epoch, best_accuracy, best_state = 0, -1.0, None
    for epoch in range(1, epochs + 1):
        train_classifier(model, tokenizer, *train, epochs=1, seed=epoch, lr=lr)
        score = accuracy(model, tokenizer, *validation)
        if score > best_accuracy:
            best_epoch, best_accuracy = epoch, score
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    return best_epoch, best_accuracy


@torch.no_grad()
def accuracy(model, tokenizer, texts: list[str], labels: list[int]) -> float:
    """Fraction of `texts` the classifier labels right."""
    inputs = tokenizer(texts, padding=True, return_tensors="pt")
    predictions = model(**inputs).logits.argmax(-1)
    return (predictions == torch.tensor(labels)).float().mean().item()


def _ner_features(tokenizer, words: list[str], tags: list[str], label2id: dict) -> dict:
    """Token ids and one label per token: a word's first piece keeps its tag, later pieces get I-."""
    encoded = tokenizer(words, is_split_into_words=True, truncation=True)
    labels, previous = [], None
    for word in encoded.word_ids():
        if word is None:
            labels.append(-100)
        else:
            tag = tags[word] if word != previous else tags[word].replace("B-", "I-")
            labels.append(label2id[tag])
        previous = word
    return {"input_ids": encoded["input_ids"], "labels": labels}


def train_token_classifier(model, tokenizer, sentences: list, steps: int, seed: int = 0) -> float:
    """Token-classification training on (words, tags) sentences; returns the last loss."""
    from transformers import DataCollatorForTokenClassification

    collator = DataCollatorForTokenClassification(tokenizer)
    examples = [_ner_features(tokenizer, w, t, model.config.label2id) for w, t in sentences]
    return train_loop(model, examples, lambda batch: model(**collator(batch)).loss, steps, seed)


def _qa_features(tokenizer, example: dict) -> dict:
    """Token ids of question and context, and the token positions where the answer starts and ends."""
    encoded = tokenizer(example["question"], example["context"], return_offsets_mapping=True)
    first, last = example["start"], example["start"] + len(example["answer"])
    sequence = encoded.sequence_ids()
    offsets = encoded["offset_mapping"]
    tokens = [
        i
        for i, s in enumerate(sequence)
        if s == 1 and offsets[i][0] < last and offsets[i][1] > first
    ]
    return {"input_ids": encoded["input_ids"], "start": tokens[0], "end": tokens[-1]}


def train_question_answering(
    model,
    tokenizer,
    examples: list[dict],
    steps: int,
    seed: int = 0,
    lr: float = 3e-3,
    batch_size: int = 16,
) -> float:
    """Extractive-QA training: cross-entropy on the answer's start and end tokens; returns the last loss."""
    features = [_qa_features(tokenizer, e) for e in examples]

    def loss_of(batch: list) -> torch.Tensor:
        inputs = tokenizer.pad([{"input_ids": f["input_ids"]} for f in batch], return_tensors="pt")
        out = model(
            **inputs,
            start_positions=torch.tensor([f["start"] for f in batch]),
            end_positions=torch.tensor([f["end"] for f in batch]),
        )
        return out.loss

    return train_loop(model, features, loss_of, steps, seed, lr, batch_size, decay=True)


@torch.no_grad()
def answer(model, tokenizer, question: str, context: str) -> str:
    """The best span of `context` (end not before start), found as lesson 01 does it by hand."""
    inputs = tokenizer(question, context, return_tensors="pt", return_offsets_mapping=True)
    offsets = inputs.pop("offset_mapping")[0]
    outputs = model(**inputs)
    in_context = torch.tensor([s == 1 for s in inputs.sequence_ids()])
    start_scores = outputs.start_logits[0].masked_fill(~in_context, -1e4)
    end_scores = outputs.end_logits[0].masked_fill(~in_context, -1e4)
    valid = torch.ones(len(in_context), len(in_context), dtype=torch.bool).triu()
    span_scores = (start_scores[:, None] + end_scores[None, :]).masked_fill(~valid, -1e4)
    start, end = divmod(int(span_scores.argmax()), span_scores.shape[1])
    return context[int(offsets[start][0]) : int(offsets[end][1])]


def exact_match(model, tokenizer, examples: list[dict]) -> float:
    """Fraction of `examples` whose predicted span is exactly the answer."""
    hits = [answer(model, tokenizer, e["question"], e["context"]) == e["answer"] for e in examples]
    return sum(hits) / len(hits)


def zero_shot_accuracy(model, tokenizer, examples: list[dict]) -> float:
    """Fraction of `examples` (text, candidate labels, gold) the zero-shot pipeline gets right."""
    from transformers import pipeline

    classify = pipeline("zero-shot-classification", model=model, tokenizer=tokenizer)
    hits = [
        classify(e["text"], candidate_labels=e["labels"])["labels"][0] == e["gold"]
        for e in examples
    ]
    return sum(hits) / len(hits)


def train_zero_shot(
    model,
    tokenizer,
    topics: list[tuple[str, str]],
    triples: list[tuple[str, str, str]],
    template: str,
    steps: int,
    seed: int = 0,
    lr: float = 3e-3,
) -> float:
    """NLI training shaped as the zero-shot pipeline uses it. Each batch holds 8 (text, topic)
    items, each against the hypotheses `template` of its topic and of two other topics, and 8
    `triples` (premise, hypothesis, label). Loss: cross-entropy on every pair's label, plus
    cross-entropy of the entailment logits across each text's three hypotheses (the pipeline's
    softmax over candidate labels, right topic as target). Returns the last loss."""
    rng = torch.Generator().manual_seed(seed)
    names = sorted({t for _, t in topics})
    entail, contra = model.config.label2id["entailment"], model.config.label2id["contradiction"]

    def loss_of(batch: list) -> torch.Tensor:
        pairs, labels = [], []
        for text, topic in batch:
            others = [n for n in names if n != topic]
            picks = torch.randperm(len(others), generator=rng)[:2].tolist()
            for i, name in enumerate([topic] + [others[p] for p in picks]):
                pairs.append((text, template.format(name)))
                labels.append(entail if i == 0 else contra)
        for i in torch.randint(len(triples), (8,), generator=rng).tolist():
            premise, hypothesis, label = triples[i]
            pairs.append((premise, hypothesis))
            labels.append(model.config.label2id[label])
        inputs = tokenizer(
            [p for p, _ in pairs], [h for _, h in pairs], padding=True, return_tensors="pt"
        )
        logits = model(**inputs).logits
        grouped = logits[: 3 * len(batch), entail].view(len(batch), 3)
        listwise = cross_entropy(grouped, torch.zeros(len(batch), dtype=torch.long))
        return cross_entropy(logits, torch.tensor(labels)) + listwise

    return train_loop(model, topics, loss_of, steps, seed, lr, batch_size=8, decay=True)
