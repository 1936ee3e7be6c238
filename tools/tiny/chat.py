"""General instruction data for the tiny instruct stand-in (SmolLM2-135M-Instruct's role).

A real instruct model arrives knowing the chat format, when to stop, and the everyday words of
its languages. The stand-in learns the same here, from course-written tasks that are *not*
chapter 12's task: no conversation maps a labelled review to its keywords or sentiment, so the
lesson's SFT run is what teaches that. Everything is built from the course's texts.
"""

from __future__ import annotations

import random

from tools.tiny import texts

# ChatML as SmolLM2-135M-Instruct writes it, with a shorter default system message.
CHAT_TEMPLATE = (
    "{% for message in messages %}"
    "{% if loop.first and messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{% endif %}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)

# Course-written Korean glossary: the words of the review domain a general model would know.
ASPECT_MEANINGS = {
    "배송": "주문한 옷이 집까지 오는 과정과 그 속도를 말해요.",
    "가격": "옷을 사는 데 드는 돈, 값이 싼지 비싼지를 말해요.",
    "디자인": "옷의 모양과 스타일, 보기 좋은지를 말해요.",
    "색상": "옷의 색깔, 사진과 같은지 예쁜지를 말해요.",
    "품질": "옷이 얼마나 잘 만들어졌고 튼튼한지를 말해요.",
    "사이즈": "옷의 치수가 나에게 맞는지를 말해요.",
    "소재": "옷을 만든 천과 재질, 촉감을 말해요.",
    "핏": "옷을 입었을 때 몸에 맞는 모양을 말해요.",
    "착용감": "옷을 입었을 때 편한지, 느낌이 어떤지를 말해요.",
    "기능성": "보온, 통기성, 방수처럼 옷이 하는 일을 말해요.",
    "길이": "소매나 기장이 길거나 짧은지를 말해요.",
    "마감처리": "바느질과 실밥 정리처럼 마무리가 깔끔한지를 말해요.",
    "세탁": "빨래한 뒤에 줄거나 색이 빠지는지를 말해요.",
    "포장": "옷이 담겨 온 상자와 봉투의 상태를 말해요.",
}
LEVEL_MEANINGS = {
    "매우부정": "아주 나쁘다는 뜻이에요. 다시는 사지 않겠다는 느낌이에요.",
    "부정": "나쁘다는 뜻이에요. 아쉬운 점이 있다는 느낌이에요.",
    "중립": "좋지도 나쁘지도 않다는 뜻이에요. 보통이라는 느낌이에요.",
    "긍정": "좋다는 뜻이에요. 만족한다는 느낌이에요.",
    "매우긍정": "아주 좋다는 뜻이에요. 강력히 추천한다는 느낌이에요.",
}
OPPOSITES = {"긍정": "부정", "부정": "긍정", "매우긍정": "매우부정", "매우부정": "매우긍정"}


def _topic(word: str) -> str:
    """`word` with its topic particle: 은 after a final consonant, else 는."""
    has_final = (ord(word[-1]) - 0xAC00) % 28 != 0
    return word + ("은" if has_final else "는")


def glossary_texts() -> list[str]:
    """The glossary as plain sentences (for the tokenizer and the language-model text)."""
    meanings = {**ASPECT_MEANINGS, **LEVEL_MEANINGS}
    return [f"{word}: {meaning}" for word, meaning in meanings.items()]


def _glossary_chats() -> list[tuple[str, str]]:
    """Questions about the glossary words, each answered from it."""
    meanings = {**ASPECT_MEANINGS, **LEVEL_MEANINGS}
    pairs = [(f"{_topic(w)} 무슨 뜻인가요?", f"{_topic(w)} {m}") for w, m in meanings.items()]
    pairs += [(f"'{word}'의 반대말은 무엇인가요?", other) for word, other in OPPOSITES.items()]
    pairs.append(("감성을 다섯 단계로 나누면 어떻게 되나요?", ", ".join(LEVEL_MEANINGS)))
    pairs.append(("옷 리뷰에서 자주 말하는 것들을 알려 주세요.", ", ".join(ASPECT_MEANINGS)))
    return pairs


def _review_chats(reviews: list[str], rng: random.Random) -> list[tuple[str, str]]:
    """Tasks on unlabelled reviews that need no label: copy one, name its first word, count
    its words."""
    pairs = []
    for review in reviews:
        task = rng.randrange(3)
        if task == 0:
            pairs.append((f"이 리뷰를 그대로 옮겨 적어 주세요.\n{review}", review))
        elif task == 1:
            pairs.append((f"이 리뷰의 첫 낱말은 무엇인가요?\n{review}", review.split()[0]))
        else:
            pairs.append((f"이 리뷰는 몇 낱말인가요?\n{review}", f"{len(review.split())}개예요."))
    return pairs


def _english_chats(rng: random.Random) -> list[tuple[str, str]]:
    """English tasks: the sentiment of the course's training sentences, and continuing a
    paragraph of the corpus."""
    sentences, labels = texts.sentiment_split("train")
    pairs = [
        (f"Is this positive or negative?\n{s}", ("negative", "positive")[y])
        for s, y in zip(sentences, labels)
    ]
    for paragraph in texts.corpus_paragraphs():
        words = paragraph.split()
        if len(words) > 12:
            cut = rng.randrange(6, 10)
            pairs.append(
                ("Continue the text.\n" + " ".join(words[:cut]), " ".join(words[cut : cut + 16]))
            )
    return pairs


def conversations(
    reviews: list[str], copies_of_glossary: int = 20, seed: int = 0
) -> list[list[dict]]:
    """The stand-in's instruction data as chat messages (user, then assistant), shuffled."""
    rng = random.Random(seed)
    pairs = (
        _glossary_chats() * copies_of_glossary + _review_chats(reviews, rng) + _english_chats(rng)
    )
    rng.shuffle(pairs)
    return [[{"role": "user", "content": q}, {"role": "assistant", "content": a}] for q, a in pairs]
