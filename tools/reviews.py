"""The course's Korean clothing reviews (data/reviews), built from hand-written phrase banks.

A review mentions one to three aspects, each with a sentiment level. A mention is either a
subject (one of the aspect's nouns with 이/가 or 은/는) followed by a predicate written for that
aspect and level, or a sentence that states the aspect and level without naming it. Openers,
connectors ("근데" when the sentiment turns), endings and aspect-free fillers vary the text.
Levels and aspects are drawn unevenly, as in real shop reviews: mostly positive, and delivery or
size far more often than finishing or washing. Every phrase here was written for the course.

Run `python -m tools.reviews` to rewrite reviews.csv and unlabelled.txt. The held-out splits are
drawn first, each with its own seed, so a different training size never changes them; no review
text appears twice in reviews.csv, and unlabelled.txt repeats no validation or test review.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

from helpers.chapters.ch09_reviews import ASPECTS, COLUMNS, LEVELS
from helpers.paths import data_dir

# How often each aspect is mentioned (relative weights, in ASPECTS order).
ASPECT_WEIGHTS = dict(zip(ASPECTS, (16, 11, 13, 10, 11, 15, 6, 6, 6, 2.5, 3, 2.5, 2, 2.5)))
LEVEL_WEIGHTS = dict(zip(LEVELS, (0.05, 0.13, 0.13, 0.37, 0.32)))
MENTIONS = {1: 0.45, 2: 0.38, 3: 0.17}  # aspects per review
SHOPS = ("봄날옷장", "데일리무드", "하루핏", "소소클로젯", "모노앤코")
CATEGORIES = ("상의", "하의", "아우터", "원피스", "니트")
# Held-out splits first, so that a larger training split never changes them.
SPLITS = {"validation": (180, 2), "test": (180, 3), "train": (840, 1)}
UNLABELLED = (3000, 4)  # lines, seed
MIN_ASPECT, MIN_LEVEL = 3, 5  # the fewest mentions of each aspect and each level per split

# The nouns that name each aspect; a predicate follows them with 이/가 or 은/는.
NOUNS = {
    "배송": ("배송", "택배", "배송 속도", "발송", "도착"),
    "가격": ("가격", "값", "가격대", "판매가"),
    "디자인": ("디자인", "스타일", "모양", "전체 디자인", "디테일"),
    "색상": ("색상", "색깔", "컬러", "색감", "색"),
    "품질": ("품질", "퀄리티", "만듦새", "전체적인 품질", "옷 상태"),
    "사이즈": ("사이즈", "치수", "크기", "사이즈감"),
    "소재": ("소재", "원단", "재질", "천", "옷감"),
    "핏": ("핏", "핏감", "라인", "실루엣", "태"),
    "착용감": ("착용감", "입었을 때 느낌", "입은 느낌", "입는 느낌"),
    "기능성": ("기능성", "보온성", "통기성", "방수 기능"),
    "길이": ("길이", "기장", "총장", "길이감"),
    "마감처리": ("마감", "마감처리", "바느질", "박음질", "마무리"),
    "세탁": ("세탁", "빨래", "관리", "세탁법"),
    "포장": ("포장", "포장 상태", "패키지", "박스 포장"),
}

# aspect -> level -> wordings. "~" stands for the subject (a noun of the aspect and its
# particle); a wording without "~" states the aspect without naming one of its nouns.
PHRASES = {
    "배송": {
        "매우긍정": (
            "~ 진짜 엄청 빨라요",
            "~ 총알처럼 빨랐어요",
            "~ 역대급으로 빨랐어요",
            "~ 이렇게 빠를 줄 몰랐어요",
            "~ 너무 빨라서 깜짝 놀랐어요",
            "~ 정말 최고로 빨랐어요",
            "주문하고 하루 만에 와서 정말 놀랐어요",
            "밤에 주문했는데 다음 날 아침에 받았어요, 최고예요",
            "주문한 다음 날 바로 받아서 너무 좋았어요",
            "새벽에 시켰는데 당일에 받았어요, 완전 감동이에요",
        ),
        "긍정": (
            "~ 빨라요",
            "~ 빨랐어요",
            "~ 생각보다 빨랐어요",
            "~ 빠른 편이에요",
            "~ 괜찮았어요",
            "~ 신속했어요",
            "주문하고 이틀 만에 받았어요",
            "예정일보다 하루 일찍 도착했어요",
            "생각보다 금방 받았어요",
        ),
        "중립": (
            "~ 보통이에요",
            "~ 평범했어요",
            "~ 평균 정도였어요",
            "~ 빠르지도 느리지도 않았어요",
            "~ 그냥 그랬어요",
            "주문하고 사흘쯤 걸렸어요",
            "안내받은 날짜에 맞춰 왔어요",
        ),
        "부정": (
            "~ 좀 느렸어요",
            "~ 생각보다 늦었어요",
            "~ 조금 오래 걸렸어요",
            "~ 느린 편이에요",
            "~ 살짝 지연됐어요",
            "주문하고 일주일 넘게 기다렸어요",
            "예정일보다 이틀 늦게 왔어요",
            "받기까지 생각보다 오래 걸렸어요",
        ),
        "매우부정": (
            "~ 너무너무 느려요",
            "~ 최악이었어요",
            "~ 진짜 너무 늦었어요",
            "~ 답답할 정도로 느렸어요",
            "~ 말도 안 되게 늦었어요",
            "2주가 지나서야 받았어요, 다시는 안 시킬래요",
            "연락도 없이 열흘 넘게 안 와서 화가 났어요",
            "선물할 날짜를 놓쳐 버렸어요, 너무 속상해요",
        ),
    },
    "가격": {
        "매우긍정": (
            "~ 말도 안 되게 착해요",
            "~ 너무 저렴해서 놀랐어요",
            "~ 진짜 혜자예요",
            "~ 이 정도면 거의 공짜예요",
            "~ 정말 최고로 착해요",
            "이 돈 주고 이런 옷을 사다니 완전 이득이에요",
            "가성비 진짜 최고예요",
            "이 값에 살 수 있어서 너무 행복해요",
        ),
        "긍정": (
            "~ 착해요",
            "~ 저렴한 편이에요",
            "~ 합리적이에요",
            "~ 괜찮아요",
            "~ 부담 없어요",
            "가성비 좋아요",
            "할인 받아서 싸게 잘 샀어요",
            "이 값이면 만족해요",
        ),
        "중립": (
            "~ 적당해요",
            "~ 그냥 평범해요",
            "~ 다른 곳이랑 비슷해요",
            "~ 딱 그 정도예요",
            "~ 보통이에요",
            "다른 쇼핑몰이랑 값은 비슷했어요",
            "싸지도 비싸지도 않아요",
        ),
        "부정": (
            "~ 좀 비싸요",
            "~ 조금 부담스러워요",
            "~ 살짝 비싼 편이에요",
            "~ 생각보다 높아요",
            "~ 좀 세요",
            "할인 없이 사기엔 비싸요",
            "가성비는 별로예요",
            "제값 주고 사기엔 좀 아까워요",
        ),
        "매우부정": (
            "~ 터무니없이 비싸요",
            "~ 너무 비싸서 돈이 아까워요",
            "~ 말도 안 되게 비싸요",
            "~ 사기 수준이에요",
            "이 돈이면 백화점 가서 사겠어요",
            "돈이 너무 아까워서 잠이 안 와요",
            "가성비 최악이에요",
        ),
    },
    "디자인": {
        "매우긍정": (
            "~ 진짜 너무 예뻐요",
            "~ 완전 제 취향이에요",
            "~ 실물로 보니 더 예뻐요",
            "~ 볼수록 예뻐서 너무 좋아요",
            "~ 정말 고급스러워요",
            "입고 나갔더니 다들 어디서 샀냐고 물어봤어요",
            "사진보다 실물이 백 배 예뻐요",
            "보자마자 한눈에 반했어요",
        ),
        "긍정": (
            "~ 예뻐요",
            "~ 깔끔해요",
            "~ 마음에 들어요",
            "~ 심플하고 좋아요",
            "~ 세련됐어요",
            "어디에나 코디하기 좋아요",
            "사진이랑 똑같이 예뻐요",
            "심플해서 자주 입을 것 같아요",
        ),
        "중립": (
            "~ 평범해요",
            "~ 무난해요",
            "~ 그냥 기본이에요",
            "~ 특별할 건 없어요",
            "~ 사진이랑 비슷해요",
            "흔한 스타일이라 무난하게 입을 것 같아요",
            "딱 사진에서 본 그대로예요",
        ),
        "부정": (
            "~ 좀 촌스러워요",
            "~ 생각했던 거랑 달라요",
            "~ 사진보다 별로예요",
            "~ 조금 밋밋해요",
            "~ 살짝 유치해요",
            "실물이 사진보다 덜 예뻐요",
            "막상 받아 보니 너무 평범해서 아쉬워요",
        ),
        "매우부정": (
            "~ 너무 촌스러워서 못 입겠어요",
            "~ 사진이랑 완전 딴판이에요",
            "~ 정말 최악이에요",
            "~ 너무 이상해요",
            "사진이랑 전혀 다른 옷이 온 줄 알았어요",
            "실물 보고 너무 실망해서 바로 반품했어요",
        ),
    },
    "색상": {
        "매우긍정": (
            "~ 진짜 너무 예뻐요",
            "~ 화면이랑 똑같이 너무 예뻐요",
            "~ 오묘하고 고급스러워요",
            "~ 제 피부톤에 완전 찰떡이에요",
            "피부가 확 살아 보이는 빛깔이에요, 최고예요",
            "화면에서 본 그대로 영롱한 빛깔이에요",
        ),
        "긍정": (
            "~ 예뻐요",
            "~ 화사해요",
            "~ 은은하고 좋아요",
            "~ 화면이랑 비슷하게 잘 나왔어요",
            "~ 차분해서 좋아요",
            "화면에서 본 색 그대로 왔어요",
            "어두운 톤이라 손이 자주 가요",
        ),
        "중립": (
            "~ 그냥 그래요",
            "~ 평범해요",
            "~ 무난한 편이에요",
            "~ 사진이랑 약간 달라요",
            "화면보다 살짝 어둡지만 그럭저럭 괜찮아요",
        ),
        "부정": (
            "~ 사진보다 칙칙해요",
            "~ 생각보다 어두워요",
            "~ 조금 탁해요",
            "~ 화면이랑 좀 달라요",
            "밝은 색인 줄 알았는데 좀 어둡게 왔어요",
            "화면에서 본 것보다 누레요",
        ),
        "매우부정": (
            "~ 사진이랑 완전 달라요",
            "~ 너무 칙칙해서 못 입겠어요",
            "~ 형광처럼 튀어서 너무 싫어요",
            "베이지를 시켰는데 거의 회색이 왔어요",
            "물 빠진 것처럼 바래 보여서 실망했어요",
        ),
    },
    "품질": {
        "매우긍정": (
            "~ 백화점 제품 못지않아요",
            "~ 정말 훌륭해요",
            "~ 기대 이상으로 너무 좋아요",
            "~ 명품 부럽지 않아요",
            "이 정도면 어디 내놔도 안 빠지는 옷이에요",
            "받자마자 좋은 옷이라는 게 느껴졌어요",
        ),
        "긍정": (
            "~ 좋아요",
            "~ 괜찮아요",
            "~ 튼튼해 보여요",
            "~ 기대보다 좋아요",
            "~ 훌륭한 편이에요",
            "오래 입을 수 있을 것 같아요",
            "탄탄하게 잘 만든 옷이에요",
        ),
        "중립": (
            "~ 보통이에요",
            "~ 그럭저럭이에요",
            "~ 평범한 수준이에요",
            "~ 딱 기대한 만큼이에요",
            "좋지도 나쁘지도 않은 옷이에요",
        ),
        "부정": (
            "~ 좀 떨어져요",
            "~ 생각보다 별로예요",
            "~ 기대보다 못해요",
            "~ 조금 허술해요",
            "몇 번 입었는데 벌써 보풀이 일어났어요",
            "오래 못 입을 것 같아요",
        ),
        "매우부정": (
            "~ 정말 형편없어요",
            "~ 최악이에요",
            "~ 불량 수준이에요",
            "~ 너무 조악해요",
            "한 번 입고 바로 구멍이 났어요",
            "받자마자 여기저기 흠집이 있었어요",
        ),
    },
    "사이즈": {
        "매우긍정": (
            "~ 완전 딱 맞아요",
            "~ 저한테 맞춘 것처럼 딱이에요",
            "~ 정말 정확해요",
            "~ 완벽하게 맞아요",
            "평소 입는 대로 샀는데 거짓말처럼 딱 맞아요",
            "사이즈표대로 시켰더니 완벽하게 맞았어요",
        ),
        "긍정": (
            "~ 잘 맞아요",
            "~ 정사이즈예요",
            "~ 딱 맞아요",
            "~ 표기랑 같아요",
            "~ 적당해요",
            "평소 입는 치수로 주문하면 돼요",
            "사이즈 고민 안 하셔도 될 것 같아요",
        ),
        "중립": (
            "~ 보통이에요",
            "~ 그냥 표기대로예요",
            "~ 크지도 작지도 않아요",
            "~ 무난해요",
            "반 치수 정도 차이 나는 느낌이에요",
            "평소랑 비슷하게 맞는 편이에요",
        ),
        "부정": (
            "~ 좀 작아요",
            "~ 조금 커요",
            "~ 생각보다 작게 나왔어요",
            "~ 한 치수 크게 나왔어요",
            "~ 살짝 애매해요",
            "한 치수 크게 사시는 걸 추천해요",
            "평소 사이즈로 샀더니 좀 끼어요",
        ),
        "매우부정": (
            "~ 너무 작아서 입지도 못해요",
            "~ 터무니없이 커요",
            "~ 표기랑 완전 달라요",
            "~ 엉망이에요",
            "L을 시켰는데 S가 온 것 같아요, 결국 반품했어요",
            "두 치수나 작게 나와서 못 입어요",
        ),
    },
    "소재": {
        "매우긍정": (
            "~ 정말 부드러워요",
            "~ 고급스럽고 너무 좋아요",
            "~ 너무 보들보들해요",
            "~ 최고급이에요",
            "만져 보자마자 좋은 원단이라는 게 느껴져요",
            "캐시미어처럼 부드러워서 감동했어요",
        ),
        "긍정": (
            "~ 부드러워요",
            "~ 좋아요",
            "~ 도톰하고 괜찮아요",
            "~ 탄탄해요",
            "~ 두께감이 적당해요",
            "만졌을 때 촉감이 좋아요",
        ),
        "중립": (
            "~ 평범해요",
            "~ 보통이에요",
            "~ 딱 보통 두께예요",
            "~ 그냥 흔한 면이에요",
            "특별할 것 없는 면 소재예요",
        ),
        "부정": (
            "~ 좀 얇아요",
            "~ 살짝 까끌해요",
            "~ 조금 저렴해 보여요",
            "~ 조금 비쳐요",
            "~ 생각보다 뻣뻣해요",
            "생각보다 얇아서 속이 살짝 비쳐요",
        ),
        "매우부정": (
            "~ 너무 얇아서 다 비쳐요",
            "~ 완전 비닐 같아요",
            "~ 너무 까끌거려서 못 입겠어요",
            "~ 최악이에요",
            "만지자마자 싸구려 천인 게 느껴져요",
        ),
    },
    "핏": {
        "매우긍정": (
            "~ 진짜 예술이에요",
            "~ 너무 예쁘게 떨어져요",
            "~ 완벽해요",
            "~ 정말 끝내줘요",
            "입으니까 몸매가 확 살아 보여서 너무 좋아요",
            "모델처럼 떨어지는 느낌이라 대만족이에요",
        ),
        "긍정": (
            "~ 예뻐요",
            "~ 깔끔하게 떨어져요",
            "~ 자연스러워요",
            "~ 날씬해 보여요",
            "입으면 날씬해 보여요",
        ),
        "중립": (
            "~ 평범해요",
            "~ 그냥 일자예요",
            "~ 무난해요",
            "~ 특별하진 않아요",
            "몸에 붙지도 않고 뜨지도 않고 그냥 그래요",
        ),
        "부정": (
            "~ 좀 어정쩡해요",
            "~ 애매하게 떠요",
            "~ 생각보다 퍼져 보여요",
            "~ 살짝 부해 보여요",
            "입으니까 어깨가 좀 떠 보여요",
        ),
        "매우부정": (
            "~ 너무 이상해요",
            "~ 완전 박스 같아요",
            "~ 최악이에요",
            "입으니까 너무 뚱뚱해 보여서 바로 벗었어요",
            "자루를 뒤집어쓴 것 같아요",
        ),
    },
    "착용감": {
        "매우긍정": (
            "~ 정말 편해요",
            "~ 너무 가벼워요",
            "~ 잠옷처럼 편해요",
            "~ 최고예요",
            "하루 종일 입어도 하나도 안 불편해요",
            "안 입은 것처럼 가볍고 편해요",
        ),
        "긍정": (
            "~ 편해요",
            "~ 좋아요",
            "~ 가벼워요",
            "~ 편안한 편이에요",
            "오래 입고 있어도 편해요",
        ),
        "중립": (
            "~ 그냥 그래요",
            "~ 보통이에요",
            "~ 평범해요",
            "~ 불편하진 않아요",
            "편하지도 불편하지도 않아요",
        ),
        "부정": (
            "~ 좀 답답해요",
            "~ 조금 불편해요",
            "~ 살짝 무거워요",
            "~ 좀 갑갑해요",
            "오래 입고 있으면 조여서 불편해요",
        ),
        "매우부정": (
            "~ 너무 불편해요",
            "~ 최악이에요",
            "~ 정말 별로예요",
            "너무 따가워서 입자마자 벗었어요",
            "숨이 막힐 정도로 불편해요",
        ),
    },
    "기능성": {
        "매우긍정": (
            "~ 정말 뛰어나요",
            "~ 최고 수준이에요",
            "~ 기대 이상이에요",
            "~ 확실히 남달라요",
            "한겨울에 입어도 하나도 안 추워요",
            "비 오는 날 입었는데 속까지 하나도 안 젖었어요",
            "땀이 나도 금방 말라서 최고예요",
        ),
        "긍정": (
            "~ 좋아요",
            "~ 괜찮아요",
            "~ 쓸 만해요",
            "~ 제 역할을 해요",
            "겨울에 입기 따뜻해요",
            "바람이 잘 통해서 여름에 좋아요",
        ),
        "중립": (
            "~ 그냥 그래요",
            "~ 보통이에요",
            "~ 특별히 느껴지진 않아요",
            "~ 있는지 잘 모르겠어요",
            "광고만큼인지는 아직 잘 모르겠어요",
        ),
        "부정": (
            "~ 좀 부족해요",
            "~ 기대보다 떨어져요",
            "~ 별로예요",
            "~ 광고보다 못해요",
            "생각보다 안 따뜻해요",
            "조금만 비가 와도 스며들어요",
        ),
        "매우부정": (
            "~ 전혀 없어요",
            "~ 완전 엉터리예요",
            "~ 광고랑 완전 달라요",
            "~ 하나도 효과가 없어요",
            "입고 나갔다가 얼어 죽는 줄 알았어요",
            "방수라더니 비에 다 젖었어요",
        ),
    },
    "길이": {
        "매우긍정": (
            "~ 완벽해요",
            "~ 딱 원하던 대로예요",
            "~ 정말 딱 좋아요",
            "~ 수선할 필요 없이 딱이에요",
            "수선 안 해도 될 만큼 딱 맞게 떨어져요, 최고예요",
        ),
        "긍정": (
            "~ 적당해요",
            "~ 딱 좋아요",
            "~ 괜찮아요",
            "~ 알맞아요",
            "발목까지 오는 게 딱 좋아요",
        ),
        "중립": (
            "~ 보통이에요",
            "~ 그냥 그래요",
            "~ 무난해요",
            "~ 평범해요",
            "짧지도 길지도 않아요",
        ),
        "부정": (
            "~ 좀 길어요",
            "~ 조금 짧아요",
            "~ 애매하게 길어요",
            "~ 생각보다 짧아요",
            "키가 작은 편이라 밑단이 좀 끌려요",
        ),
        "매우부정": (
            "~ 너무 길어서 질질 끌려요",
            "~ 너무 짧아서 못 입겠어요",
            "~ 말도 안 되게 짧아요",
            "배꼽이 다 보일 정도로 짧아서 못 입어요",
        ),
    },
    "마감처리": {
        "매우긍정": (
            "~ 정말 꼼꼼해요",
            "~ 흠잡을 데가 없어요",
            "~ 완벽해요",
            "~ 장인이 한 것 같아요",
            "실밥 하나 없이 완벽하게 정리돼 있어요",
        ),
        "긍정": (
            "~ 깔끔해요",
            "~ 꼼꼼해요",
            "~ 괜찮아요",
            "~ 잘 되어 있어요",
            "실밥 정리가 잘 되어 있어요",
        ),
        "중립": (
            "~ 보통이에요",
            "~ 평범해요",
            "~ 그럭저럭이에요",
            "~ 그냥 그래요",
            "실밥이 조금 있긴 한데 크게 신경 쓰이진 않아요",
        ),
        "부정": (
            "~ 좀 엉성해요",
            "~ 조금 허술해요",
            "~ 군데군데 삐뚤어요",
            "~ 아쉬워요",
            "실밥이 여기저기 나와 있어요",
        ),
        "매우부정": (
            "~ 엉망이에요",
            "~ 최악이에요",
            "~ 너무 허술해서 화가 나요",
            "받자마자 솔기가 다 터져 있었어요",
            "실밥이 너무 많아서 가위로 한참 잘랐어요",
        ),
    },
    "세탁": {
        "매우긍정": (
            "~ 정말 편해요",
            "~ 전혀 걱정 없어요",
            "~ 너무 간편해요",
            "여러 번 빨아도 새 옷 같아요",
            "세탁기에 막 돌려도 멀쩡해요",
            "빨고 나서도 하나도 안 줄었어요",
        ),
        "긍정": (
            "~ 편해요",
            "~ 간편해요",
            "~ 쉬워요",
            "~ 괜찮아요",
            "빨아도 크게 변하지 않아요",
            "세탁기에 돌려도 괜찮았어요",
            "빨아도 물이 안 빠져서 좋아요",
        ),
        "중립": (
            "~ 보통이에요",
            "~ 그냥 그래요",
            "~ 평범해요",
            "아직 한 번밖에 안 빨아서 잘 모르겠어요",
            "손빨래하라고 해서 그렇게 하고 있어요",
        ),
        "부정": (
            "~ 좀 번거로워요",
            "~ 까다로워요",
            "~ 조금 불편해요",
            "한 번 빨았더니 조금 줄었어요",
            "빨고 나니 보풀이 좀 생겼어요",
            "세탁하고 나서 물이 조금 빠졌어요",
        ),
        "매우부정": (
            "~ 최악이에요",
            "~ 너무 힘들어요",
            "한 번 빨았는데 완전 쪼그라들었어요",
            "빨래하고 나니 물이 다 빠져서 못 입어요",
            "세탁기 한 번 돌렸더니 다 늘어났어요",
        ),
    },
    "포장": {
        "매우긍정": (
            "~ 정말 정성스러워요",
            "~ 선물처럼 너무 예뻐요",
            "~ 고급스럽고 꼼꼼해요",
            "~ 감동이었어요",
            "손편지까지 들어 있어서 감동받았어요",
        ),
        "긍정": (
            "~ 깔끔해요",
            "~ 꼼꼼해요",
            "~ 괜찮았어요",
            "~ 깨끗했어요",
            "옷이 구김 없이 잘 접혀서 왔어요",
        ),
        "중립": (
            "~ 평범해요",
            "~ 보통이에요",
            "~ 무난해요",
            "~ 딱 기본이에요",
            "비닐 봉투 하나에 담겨 왔어요",
        ),
        "부정": (
            "~ 좀 허술해요",
            "~ 대충 한 것 같아요",
            "~ 아쉬워요",
            "~ 조금 엉성해요",
            "봉투가 살짝 찢어져서 왔어요",
        ),
        "매우부정": (
            "~ 엉망이었어요",
            "~ 최악이에요",
            "~ 너무 더러웠어요",
            "상자가 다 찢어지고 옷이 젖어서 왔어요",
            "봉투가 뜯겨서 옷이 밖으로 나와 있었어요",
        ),
    },
}

# Words that may open a mention: any level, then extra ones for the strong levels.
OPENERS = ("솔직히 ", "일단 ", "무엇보다 ", "개인적으로 ")
STRONG_OPENERS = {"매우긍정": ("와 ", "진심 "), "매우부정": ("하... ", "진짜 ")}
# Before a later mention: when the sentiment turns, and when it keeps its direction.
TURN = ("근데 ", "다만 ", "하지만 ", "그런데 ", "반면에 ")
KEEP = ("그리고 ", "게다가 ")
ENDINGS = {
    "매우긍정": (".", "!", "!!", "~", " ㅎㅎ", "!!!"),
    "긍정": (".", ".", "!", "~", " ㅎㅎ"),
    "중립": (".", ".", ".", ""),
    "부정": (".", ".", " ㅠㅠ", ".."),
    "매우부정": (".", " ㅠㅠ", "...", " ㅡㅡ", "!"),
}
# Sentences that name no aspect: before the review, and after it by its overall direction.
BEFORE = (
    "엄마 선물로 샀어요.",
    "두 번째 구매예요.",
    "친구 추천으로 주문했어요.",
    "후기 보고 주문했어요.",
    "출근할 때 입으려고 샀어요.",
    "여자친구 생일 선물로 골랐어요.",
    "남편 주려고 샀어요.",
    "여행 가서 입으려고 샀어요.",
    "운동할 때 입으려고 샀어요.",
    "딸아이 입히려고 샀어요.",
    "봄에 입으려고 미리 샀어요.",
    "이 쇼핑몰은 처음 이용해 봐요.",
    "오래 고민하다 결제했어요.",
    "주말 모임에 입으려고 주문했어요.",
)
AFTER = {
    1: (
        "재구매 의사 있어요.",
        "잘 입을게요.",
        "번창하세요.",
        "주변에도 추천할게요.",
        "또 주문할게요.",
    ),
    -1: ("재구매는 안 할 것 같아요.", "다음엔 다른 데서 살래요.", "아쉽네요.", "고민 중이에요."),
    0: ("참고하세요.", "후기 남겨요.", "고민하시는 분들 참고하세요.", "도움이 되셨으면 해요."),
}
SIGN = dict(zip(LEVELS, (-1, -1, 0, 1, 1)))


def _has_final_consonant(word: str) -> bool:
    """Whether the last syllable of a Hangul word ends in a consonant (받침)."""
    last = word[-1]
    return "가" <= last <= "힣" and (ord(last) - ord("가")) % 28 != 0


def _subject(noun: str, rng: random.Random) -> str:
    """The noun with a subject (이/가) or topic (은/는) particle."""
    topic = rng.random() < 0.4
    if _has_final_consonant(noun):
        return noun + ("은" if topic else "이")
    return noun + ("는" if topic else "가")


def mention(aspect: str, level: str, rng: random.Random) -> str:
    """One sentence that gives `aspect` the sentiment `level`, with its ending."""
    wording = rng.choice(PHRASES[aspect][level])
    text = wording.replace("~", _subject(rng.choice(NOUNS[aspect]), rng))
    return text + rng.choice(ENDINGS[level])


def _draw_aspects(rng: random.Random) -> list[str]:
    """One to three different aspects, the common ones more often."""
    count = rng.choices(list(MENTIONS), weights=list(MENTIONS.values()))[0]
    left = dict(ASPECT_WEIGHTS)
    chosen = []
    for _ in range(count):
        aspect = rng.choices(list(left), weights=list(left.values()))[0]
        chosen.append(aspect)
        del left[aspect]
    return chosen


def review(rng: random.Random) -> tuple[str, dict[str, str]]:
    """A review text and its labels {aspect: level}."""
    aspects = _draw_aspects(rng)
    levels = rng.choices(LEVELS, weights=list(LEVEL_WEIGHTS.values()), k=len(aspects))
    parts = [rng.choice(BEFORE)] if rng.random() < 0.3 else []
    previous = None
    for aspect, level in zip(aspects, levels):
        text = mention(aspect, level, rng)
        if previous is not None and SIGN[level] * SIGN[previous] < 0:
            text = rng.choice(TURN) + text
        elif previous is not None and rng.random() < 0.3:
            text = rng.choice(KEEP) + text
        elif rng.random() < 0.15:
            text = rng.choice(OPENERS + STRONG_OPENERS.get(level, ())) + text
        parts.append(text)
        previous = level
    if rng.random() < 0.3:
        direction = sum(SIGN[level] for level in levels)
        parts.append(rng.choice(AFTER[(direction > 0) - (direction < 0)]))
    return " ".join(parts), dict(zip(aspects, levels))


def format_labels(labels: dict[str, str]) -> str:
    """{aspect: level} -> "aspect:level|..." in ASPECTS order."""
    return "|".join(f"{a}:{labels[a]}" for a in ASPECTS if a in labels)


def _covered(rows: list[tuple]) -> bool:
    """Whether every aspect and every level is mentioned often enough in `rows`."""
    counts = {name: 0 for name in ASPECTS + LEVELS}
    for *_, labels in rows:
        for aspect, level in labels.items():
            counts[aspect] += 1
            counts[level] += 1
    return all(counts[a] >= MIN_ASPECT for a in ASPECTS) and all(
        counts[level] >= MIN_LEVEL for level in LEVELS
    )


def draw_split(size: int, rng: random.Random, taken: set[str]) -> list[tuple]:
    """`size` rows (shop, category, text, labels) with texts not in `taken`; redrawn until
    every aspect and level is covered."""
    while True:
        rows, seen = [], set(taken)
        while len(rows) < size:
            text, labels = review(rng)
            if text not in seen:
                seen.add(text)
                rows.append((rng.choice(SHOPS), rng.choice(CATEGORIES), text, labels))
        if _covered(rows):
            return rows


def labelled_csv() -> tuple[str, set[str]]:
    """reviews.csv as text, and the held-out review texts."""
    taken: set[str] = set()
    drawn, held_out = {}, set()
    for split, (size, seed) in SPLITS.items():
        drawn[split] = draw_split(size, random.Random(seed), taken)
        taken |= {row[2] for row in drawn[split]}
        if split != "train":
            held_out |= {row[2] for row in drawn[split]}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    # Ids in drawing order (validation, test, train), rows in the order train, validation, test.
    ids = iter(range(1, len(taken) + 1))
    numbered = {split: [(next(ids), *row) for row in drawn[split]] for split in drawn}
    for split in ("train", "validation", "test"):
        for review_id, shop, category, text, labels in numbered[split]:
            writer.writerow((review_id, split, shop, category, text, format_labels(labels)))
    return out.getvalue(), held_out


def unlabelled_text(held_out: set[str]) -> str:
    """One review per line for pretraining, none equal to a validation or test review."""
    lines, seen = [], set(held_out)
    size, seed = UNLABELLED
    rng = random.Random(seed)
    while len(lines) < size:
        text, _ = review(rng)
        if text not in seen:
            seen.add(text)
            lines.append(text)
    return "\n".join(lines) + "\n"


def write(folder: Path | None = None) -> None:
    """Write reviews.csv and unlabelled.txt (UTF-8) into `folder` (default data/reviews)."""
    folder = folder or data_dir() / "reviews"
    folder.mkdir(parents=True, exist_ok=True)
    table, held_out = labelled_csv()
    (folder / "reviews.csv").write_bytes(table.encode("utf-8"))
    (folder / "unlabelled.txt").write_bytes(unlabelled_text(held_out).encode("utf-8"))


if __name__ == "__main__":
    write()
