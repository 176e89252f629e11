#!/usr/bin/env python3
"""Build the TSUR Pulse region packs (spb, kursk) from the shared reference data.

Usage (from the project root):

    python3 scripts/build-region-packs.py --data ../shared/data [--out src/main/resources/regions]

Python 3 standard library only. Deterministic: same input -> byte-identical output
(sorted keys/lists, no timestamps, fixed rounding).

Writes, per region (spb, kursk):
  region.json           ids, names, categories (+ keyword stems), municipalities (+ aliases)
  municipalities.geojson  boundaries (OSM, ODbL) with properties {id, name}
  demo-profile.json     counts-only figures for the demo stream generator
  demo-templates.json   hand-written synthetic resident messages (never copied from the data)
and regions/README.md. No message text from the data is written anywhere; only counts,
shares, category/topic labels and keyword stems derived by a statistic.
"""

import argparse
import csv
import gzip
import html
import json
import math
import os
import re
import sys
from collections import Counter, defaultdict
from datetime import datetime

ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0"

SPB_CSV = "spb/appeals-2020-10-18_2021-01-31.csv.gz"
KURSK_CSV = "kursk/train.csv"
SPB_GEO = "geo/spb_municipalities.geojson"
KURSK_GEO = "geo/kursk_municipalities.geojson"
KURSK_MO_CSV = "geo/kursk_municipalities.csv"

# ---------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------

TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}


def slugify(text):
    out = []
    for ch in text.lower():
        if ch in TRANSLIT:
            out.append(TRANSLIT[ch])
        elif ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            out.append("-")
    return re.sub(r"-+", "-", "".join(out)).strip("-")


def norm_name(s):
    """Key for case/space/ё-insensitive name comparison (what the service should do too)."""
    s = s.lower().replace("ё", "е").replace("\u00a0", " ")
    s = re.sub(r"\s*-\s*", "-", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s


def r5(v):
    return round(v, 5)


def rnd(v, nd=4):
    return round(v, nd)


def write_json(path, obj, pretty=True):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        if pretty:
            json.dump(obj, f, ensure_ascii=False, indent=1)
        else:
            json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    return path


# ---------------------------------------------------------------------------
# geometry: ray-casting point-in-polygon over Polygon / MultiPolygon with holes
# ---------------------------------------------------------------------------

def polygons_of(geom):
    """List of polygons; each polygon is a list of rings (first = outer, rest = holes)."""
    if geom["type"] == "Polygon":
        return [geom["coordinates"]]
    if geom["type"] == "MultiPolygon":
        return list(geom["coordinates"])
    raise ValueError("unsupported geometry " + geom["type"])


def point_in_ring(x, y, ring):
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y):
            xc = (xj - xi) * (y - yi) / (yj - yi) + xi
            if x < xc:
                inside = not inside
        j = i
    return inside


def point_in_polygon(x, y, poly):
    if not point_in_ring(x, y, poly[0]):
        return False
    for hole in poly[1:]:
        if point_in_ring(x, y, hole):
            return False
    return True


def seg_dist_m(px, py, ax, ay, bx, by, kx):
    """Distance in metres from point to segment, equirectangular (kx = cos(lat))."""
    px, ax, bx = px * kx, ax * kx, bx * kx
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        t = 0.0
    else:
        t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    ex, ey = ax + t * dx - px, ay + t * dy - py
    return math.hypot(ex, ey) * 111320.0


class Locator:
    def __init__(self, items):
        """items: list of (id, geometry)."""
        self.items = []
        for fid, geom in items:
            polys = polygons_of(geom)
            xs = [p[0] for poly in polys for p in poly[0]]
            ys = [p[1] for poly in polys for p in poly[0]]
            self.items.append((fid, polys, (min(xs), min(ys), max(xs), max(ys))))

    def locate(self, lon, lat):
        """Id of the polygon containing the point (first in id order if several), else None."""
        hits = []
        for fid, polys, (x0, y0, x1, y1) in self.items:
            if lon < x0 or lon > x1 or lat < y0 or lat > y1:
                continue
            if any(point_in_polygon(lon, lat, poly) for poly in polys):
                hits.append(fid)
        return (sorted(hits)[0] if hits else None), len(hits)

    def nearest(self, lon, lat, max_m):
        """Nearest polygon by boundary distance (for points in water / just outside)."""
        kx = math.cos(math.radians(lat))
        best = (max_m, None)
        for fid, polys, (x0, y0, x1, y1) in self.items:
            # cheap bbox reject (~max_m margin)
            m = max_m / 111320.0
            if lon < x0 - m / kx or lon > x1 + m / kx or lat < y0 - m or lat > y1 + m:
                continue
            for poly in polys:
                for ring in poly:
                    for i in range(len(ring) - 1):
                        d = seg_dist_m(lon, lat, ring[i][0], ring[i][1],
                                       ring[i + 1][0], ring[i + 1][1], kx)
                        if d < best[0]:
                            best = (d, fid)
        return best[1], best[0]


def round_geometry(geom):
    def rr(c):
        if isinstance(c[0], (int, float)):
            return [r5(c[0]), r5(c[1])]
        return [rr(x) for x in c]
    return {"type": geom["type"], "coordinates": rr(geom["coordinates"])}


# ---------------------------------------------------------------------------
# text -> word prefixes (for keyword statistics and the keyword classifier)
# ---------------------------------------------------------------------------

TAG_RE = re.compile(r"<[^>]*>")
WORD_RE = re.compile(r"[а-я]+")

STOP_WORDS = set("""
а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже
для до его ее ей если есть еще же за здесь и из или им их к как какой когда кто ли либо
мне мы на над не него нее нет ни них но ну о об однако он она они оно от очень по под после
при про с со так также там то того тоже только том тот ту тут у уже хотя чего чем что чтобы
эта эти это этого этой этом этот я
вообще который которая которое которые которых просто нужно надо можно будет будут может
могут своих свой своей свои себя себе сейчас ваш наш наши нашего нашей нашем нам нас
сделать делать сделали прошу просим просьба просьбу помогите пожалуйста спасибо здравствуйте
добрый день вечер утро уважаемые уважаемый
""".split())

# generic/formulaic stems that carry no category signal, plus tokens a stem must not be
STOP_PREFIXES = (
    "здравс", "пожал", "спаси", "уважа", "добры", "прошу", "просим", "помог", "сообщ",
    "обращ", "заран", "благод", "являе", "котор", "сегод", "вчера", "данны", "также",
    "нужно", "необх", "пробл", "ситуа", "вопро", "ответ", "вообщ", "почем", "сколь",
    "может", "могут", "будет", "котор", "очень", "всего", "этого", "такой", "какой",
)

HTML_JUNK = set("nbsp span style background color rgb font size quot amp lt gt br div".split())


def clean_text(text):
    t = html.unescape(TAG_RE.sub(" ", text))
    return t.lower().replace("ё", "е")


def tokens(text):
    out = []
    for w in WORD_RE.findall(clean_text(text)):
        if len(w) < 3 or w in STOP_WORDS or set(w) <= {"х"}:
            continue
        out.append(w)
    return out


def prefixes_of(tok_list, lo=4, hi=6):
    ps = set()
    for w in tok_list:
        if len(w) < lo:
            continue
        for k in range(lo, min(hi, len(w)) + 1):
            ps.add(w[:k])
    return ps


def log_odds_candidates(docs, labels, cat, min_df, alpha=0.5):
    """docs: list of prefix sets; returns [(z, prefix, df_in, df_out)] sorted by z desc."""
    n_in = sum(1 for l in labels if l == cat)
    n_out = len(labels) - n_in
    df_in, df_out = Counter(), Counter()
    for ps, l in zip(docs, labels):
        (df_in if l == cat else df_out).update(ps)
    res = []
    for p, a in df_in.items():
        if a < min_df:
            continue
        b = df_out.get(p, 0)
        d = (math.log((a + alpha) / (n_in - a + alpha))
             - math.log((b + alpha) / (n_out - b + alpha)))
        var = 1 / (a + alpha) + 1 / (n_in - a + alpha) + 1 / (b + alpha) + 1 / (n_out - b + alpha)
        res.append((d / math.sqrt(var), p, a, b))
    res.sort(key=lambda x: (-x[0], x[1]))
    return res


def select_keywords(cands, drop, words4, base_rate, max_n=30, min_n=10, min_z=2.0):
    """Greedy pick by z: 5-6-letter prefixes, or 4-letter stems that are whole words
    themselves (снег, лифт, двор); precision >= max(0.3, base rate + 0.15); no nesting."""
    min_prec = max(0.3, base_rate + 0.15)
    chosen = []
    for z, p, a, b in cands:
        if len(chosen) >= max_n:
            break
        if z < min_z and len(chosen) >= min_n:
            break
        if any(p.startswith(d) for d in drop) or any(p.startswith(s) for s in STOP_PREFIXES):
            continue
        if len(p) == 4 and p not in words4:
            continue
        if a / (a + b) < min_prec:
            continue
        if any(p.startswith(q) or q.startswith(p) for q in chosen):
            continue
        chosen.append(p)
    return chosen


def classify(tok_list, cat_keywords, order):
    """cat_keywords: {cat: [prefix]}; score = number of tokens starting with one of the
    category's prefixes; highest score wins, ties -> earlier in `order`; no hit -> None."""
    best, best_score = None, 0
    for cat in order:
        kws = cat_keywords.get(cat) or ()
        if not kws:
            continue
        s = sum(1 for w in tok_list if w.startswith(tuple(kws)))
        if s > best_score:
            best, best_score = cat, s
    return best


# ---------------------------------------------------------------------------
# hand-curated data (see the main() report for what is derived)
# ---------------------------------------------------------------------------

SPB_CATEGORY_SLUGS = {
    "Благоустройство": "improvement",
    "Содержание МКД": "building-maintenance",
    "Нарушение правил пользования общим имуществом": "common-property-rules",
    "Незаконная информационная и (или) рекламная конструкция": "illegal-advertising",
    "Фасад": "facade",
    "Повреждения или неисправность элементов уличной инфраструктуры": "street-infrastructure",
    "Водоснабжение": "water-supply",
    "Состояние рекламных или информационных конструкций": "advertising-condition",
    "Кровля": "roof",
    "Санитарное состояние": "sanitary",
    "Незаконная реализация товаров с торгового оборудования (прилавок, ящик, с земли)":
        "illegal-street-trade",
    "Центральное отопление": "heating",
    "Подвалы": "basements",
    "Нарушение порядка пользования общим имуществом": "common-property-order",
    "Водоотведение": "sewerage",
}

# Kursk: the source has numeric codes only; names chosen by hand from each code's topics.
KURSK_CATEGORIES = {
    "0": ("k00-roads", "Дороги"),
    "1": ("k01-stray-animals", "Безнадзорные животные"),
    "2": ("k02-public-services", "Госуслуги"),
    "3": ("k03-housing-utilities", "ЖКХ"),
    "4": ("k04-healthcare", "Здравоохранение"),
    "5": ("k05-culture", "Культура"),
    "6": ("k06-support-measures", "Меры поддержки и льготы"),
    "7": ("k07-education", "Образование"),
    "8": ("k08-public-transport", "Общественный транспорт"),
    "9": ("k09-communications", "Связь"),
    "10": ("k10-social-protection", "Социальная защита"),
    "11": ("k11-construction", "Строительство"),
    "12": ("k12-test", "Тестовая категория"),
    "13": ("k13-trade", "Торговля"),
    "14": ("k14-labour", "Труд и занятость"),
    "15": ("k15-sport", "Физкультура и спорт"),
    "16": ("k16-environment", "Экология"),
}
KURSK_NO_KEYWORDS = {"12"}  # a single "test" row; never auto-assign it

# Stems rejected after reading the candidate lists: function words and generic verbs,
# street/place/personal names, portal boilerplate, words frequent for unrelated reasons.
KEYWORD_DROP = {
    "spb": set("""
    вдоль следо отсут состо перво работа между второ месяц кварт неудо закры замен слома
    площад соблюд адрес компа корп недел номер откры черно одном относя уточн прину сувор
    уровне судеб совмес несмо перео следи прочег частью статье листа разра выдел разре
    докум отноше получе порядк удале однот окне графич памятн инспе градо осмот недоп
    инжен глуха размес лице провер законн выделе случае несоо песте добров цветы строк
    кофе иных белгр парик россий салон иным правом славы интере кодек актов оцени попер
    ресто раскла алког едина стили невски санкц вкопан казан консо манга апреля типов
    вернул художе бланк успеш отраб разно едино строго фрагм ровны нерав внесе наиме
    промер агрот фонда слоя небол переа переус перело выдав геолок диаме землей врове
    пархо идет минут тепла утром плохое соседе меняе дозво часы понед утрен заяво пятни
    запахо поступ пропус стира позор стояще непотр усиль сталь воздей изгиб искри
    замече стенам мелкие слыше прекр предн работо справл вести несов находк отдела
    выруб коап району ордер блокам вязан прямой группо древе заряд пород сделк фигур
    декла лесхо наушн весов аксес пообе зпглу низка жилые минст листам индус члено
    жилья неуста финан обога факте номин стенды сильны водок жутки стойки просу усилив
    испар невын уровн урове плено портящ уродуе выста дома домом домам частн предпр
    оплат оказа строит относ отнош совме памят закон непот рыбац работ галер
    кадет лермо несут призн проче апрел изгот пива правов примеч стома убери убран убрат
    строг
    """.split()),
    "kursk": set("""
    адресу ничег никаки начин неодн квадр домом упал участ части районе невоз домам
    жителе огром запол верхн ведущ радуг глебо появил разно окруж вблиз рынок веток
    грязно окно вечера десятк вычис косух появив курча напри стоят пуска пусти грязны
    писат добра сможе татар какую москв одну удобн сразу дизай списа вороне перека
    следов зачем волок льгов прише сказал получи положи могу сделал дали моей типа
    итоге мама берем спрос дают месту группы прошла персо разъя подал записа внест семи
    суммы марте старш хотела приста извес оказал оказы проце скажи дмитр нужны первог
    выборо вышло карту перео потеря дочь военн отдал льгот вдруг рисков семейн младш
    мужа обсто стран оконча переве перено присыл анаст бесед мамой набор кашле конста
    мальч насмо научи олего плато сообр пьяни навест вечно герое могилы пораж прояв
    сбили стояли хорошу видны дойде долги отметк сохра туале чаще бывае войны карта
    набир отпуск снегу грибк жертв захор конти спорто умерш хамят штрафо бород легки
    олимп подат настр симво банне возить хочу просто полож могил наприм отдале невын
    адрес район улиц источ кустах прибы запус вечны испуг конно защити
    ворон огнем репре риско возит
    """.split()),
}

# Where a category has too few rows for the statistic (or two source categories are
# near-synonyms), a few obvious domain stems are added by hand. Listed here, in the open.
KEYWORD_SEED = {
    "spb": {
        "improvement": ["налед", "гололед", "урн", "скамей", "убра", "убер"],
        "advertising-condition": ["табло", "ситиб", "сити", "лайтб", "покоси", "оборва",
                                  "пилон", "стела"],
        "basements": ["подвал", "техпод", "продух", "приямк", "замок", "подполь"],
        "common-property-order": ["собрани", "кабел", "общедом"],
        "illegal-advertising": ["штенде", "растяж", "баннер"],
        "heating": ["холодн", "тепло"],
        "sewerage": ["фекал", "канализ"],
    },
    "kursk": {
        "k02-public-services": ["госусл", "мфц", "портал", "услуг", "кабине", "электрон",
                                "заявлен", "очеред", "регистр", "учетн"],
        "k05-culture": ["культур", "музе", "театр", "концерт", "памятн", "праздн",
                        "библиот", "клуб", "мемориа", "фестив"],
        "k06-support-measures": ["поддерж", "пандем", "самоизол", "ограничен", "бизнес",
                                 "предприн", "коронав", "карант", "субсид", "льготн"],
        "k09-communications": ["интерн", "сотов", "мобил", "почто", "почта", "почты",
                               "провай", "вышк", "сигнал", "радио", "телевид", "ростел"],
        "k11-construction": ["строит", "стройк", "застрой", "застройщ", "котлов", "огражд",
                             "паспорт", "недостр", "кран", "заброш"],
        "k13-trade": ["магаз", "просроч", "товар", "ларек", "ларьк", "кассир", "чек"],
        "k14-labour": ["зарпла", "работод", "трудов", "уволи", "увольн", "вакан", "занято",
                       "безраб", "оклад", "стаж"],
        "k15-sport": ["спорт", "стадио", "трениро", "тренер", "физкул", "секци", "бассейн",
                      "футбол", "хоккей", "каток", "турник", "тренаж"],
    },
}

# Town names of Kursk district centres (admin centres), added as aliases so that a
# village/town mentioned in an address or an executor name maps to its district.
# Ambiguous common words (Белая, Тим) are deliberately left out.
KURSK_EXTRA_ALIASES = {
    "Глушковский район": ["Глушково", "п. Глушково"],
    "Горшеченский район": ["Горшечное", "п. Горшечное"],
    "Дмитриевский район": ["Дмитриев", "г. Дмитриев", "г. Дмитриева", "города Дмитриева"],
    "Золотухинский район": ["Золотухино", "п. Золотухино"],
    "Касторенский район": ["Касторное", "п. Касторное"],
    "Конышевский район": ["Конышевка", "п. Конышевка"],
    "Кореневский район": ["Коренево", "п. Коренево"],
    "Мантуровский район": ["Мантурово", "с. Мантурово"],
    "Медвенский район": ["Медвенка", "п. Медвенка"],
    "Обоянский район": ["Обоянь", "г. Обоянь", "г. Обояни", "города Обояни"],
    "Октябрьский район": ["Прямицыно", "п. Прямицыно"],
    "Поныровский район": ["Поныри", "п. Поныри"],
    "Пристенский район": ["Пристень", "п. Пристень"],
    "Рыльский район": ["Рыльск", "г. Рыльск", "г. Рыльска", "города Рыльска"],
    "Советский район": ["Кшенский", "п. Кшенский"],
    "Солнцевский район": ["Солнцево", "п. Солнцево"],
    "Суджанский район": ["Суджа", "г. Суджа", "г. Суджи", "города Суджи"],
    "Фатежский район": ["Фатеж", "г. Фатеж", "г. Фатежа", "города Фатежа"],
    "Хомутовский район": ["Хомутовка", "п. Хомутовка"],
    "Черемисиновский район": ["Черемисиново", "п. Черемисиново"],
    "Большесолдатский район": ["Большое Солдатское", "с. Большое Солдатское"],
    "Курск": ["Курске", "Курска"],
    "Железногорск": ["Железногорске", "Железногорска"],
    "Курчатов": ["Курчатове", "Курчатова", "г. Курчатова", "Администрация города Курчатова"],
    "Льгов": ["Льгове", "Льгова"],
    "Щигры": ["Щиграх", "Щигров", "г. Щигров", "Администрация города Щигры"],
}

SPB_YO = {"Черная": "Чёрная", "Звездное": "Звёздное", "Семеновский": "Семёновский",
          "Озерки": "Озёрки", "поселок": "посёлок"}

SPB_DISTRICTS_ORDER = None  # filled from data

# Population figures used only to scale the Kursk demo rate from the SPb one.
POP_SPB_2020 = 5398064     # Rosstat, 1 Jan 2020
POP_KURSK_OBL_2020 = 1107041  # Rosstat, 1 Jan 2020


# ---------------------------------------------------------------------------
# St Petersburg municipalities
# ---------------------------------------------------------------------------

def spb_key(name):
    """Map name and data name -> common key: «муниципальный округ N 65» and «…№65» -> «№65»."""
    s = norm_name(name)
    s = re.sub(r"^муниципальный округ ", "", s)
    s = re.sub(r"^округ ", "", s)
    s = re.sub(r"^(n|№)\s*(\d+)$", r"№\2", s)
    return s


def spb_municipality_record(name):
    m = re.match(r"^муниципальный округ N (\d+)$", name)
    aliases = set()
    if m:
        n = m.group(1)
        mid = "spb-mo-" + n
        short = "МО №" + n
        aliases |= {"муниципальный округ №" + n, "муниципальный округ № " + n,
                    "МО №" + n, "МО № " + n, "МО " + n, "МО N " + n, "округ №" + n,
                    "муниципальный округ " + n}
        return mid, short, aliases
    m = re.match(r"^(город|поселок) (.+)$", name)
    if m:
        kind, base = m.groups()
        mid = "spb-" + slugify(base)
        short = base
        aliases |= {base}
        if kind == "город":
            aliases |= {"г. " + base, "г." + base}
        else:
            aliases |= {"пос. " + base, "п. " + base, "посёлок " + base}
        return mid, short, aliases
    m = re.match(r"^муниципальный округ (?:округ )?(.+)$", name)
    base = m.group(1)
    mid = "spb-" + slugify(base)
    short = base
    aliases |= {base, "МО " + base, "муниципальный округ " + base}
    if not base.endswith(" округ"):
        aliases.add("округ " + base)
    return mid, short, aliases


def add_yo_variants(aliases):
    out = set(aliases)
    for a in aliases:
        b = a
        for plain, yo in SPB_YO.items():
            b = re.sub(r"\b%s\b" % plain, yo, b)
        out.add(b)
    return out


def build_spb(data_dir):
    geo = json.load(open(os.path.join(data_dir, SPB_GEO), encoding="utf-8"))
    feats = geo["features"]
    munis = {}
    for f in feats:
        name = f["properties"]["name"]
        mid, short, aliases = spb_municipality_record(name)
        assert mid not in munis, "duplicate id " + mid
        munis[mid] = {"id": mid, "name": name, "shortName": short, "aliases": aliases,
                      "geometry": f["geometry"], "key": spb_key(name)}
    key_to_id = {m["key"]: mid for mid, m in munis.items()}
    assert len(key_to_id) == len(munis)

    locator = Locator([(mid, m["geometry"]) for mid, m in sorted(munis.items())])

    with gzip.open(os.path.join(data_dir, SPB_CSV), "rt", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))

    # locate every row by coordinates
    overlaps = 0
    unlocated = []
    for r in rows:
        lon, lat = float(r["longitude"]), float(r["latitude"])
        pid, nhits = locator.locate(lon, lat)
        overlaps += nhits > 1
        r["_pip"] = pid
        r["_pip_near"] = pid
        if pid is None:
            unlocated.append(r)
    near_d = []
    for r in unlocated:
        nid, d = locator.nearest(float(r["longitude"]), float(r["latitude"]), 2000.0)
        r["_pip_near"] = nid
        near_d.append(d)

    # data name -> map id, by normalised name; the rest by PIP majority
    data_names = Counter(r["municipality"] for r in rows)
    resolved, by_coords = {}, {}
    for dn in sorted(data_names):
        k = spb_key(dn)
        if k in key_to_id:
            resolved[dn] = key_to_id[k]
    for dn in sorted(data_names):
        if dn in resolved:
            continue
        c = Counter(r["_pip"] for r in rows if r["municipality"] == dn)
        best, cnt = sorted(c.items(), key=lambda x: (-x[1], str(x[0])))[0]
        by_coords[dn] = (best, cnt, data_names[dn], c.most_common(4))
        resolved[dn] = best

    for dn, mid in resolved.items():
        m = munis[mid]
        verbatim = re.sub(r"\s+", " ", dn).strip()  # data spelling, whitespace collapsed
        if verbatim != m["name"]:
            m["aliases"].add(verbatim)
        if dn in by_coords:
            base = re.sub(r"^муниципальный округ\s+", "", dn).strip()
            m["aliases"] |= {base, "МО " + base, "муниципальный округ " + base,
                             "округ " + base}

    # district by majority of located rows
    dist = defaultdict(Counter)
    for r in rows:
        if r["_pip"]:
            dist[r["_pip"]][r["district"]] += 1
    for mid, m in munis.items():
        c = dist.get(mid)
        m["district"] = sorted(c.items(), key=lambda x: (-x[1], x[0]))[0][0] if c else None
        m["aliases"] = add_yo_variants(m["aliases"])
        m["aliases"].discard(m["name"])

    # alias uniqueness across municipalities (normalised)
    seen = {}
    for mid in sorted(munis):
        for a in list(munis[mid]["aliases"]) + [munis[mid]["name"]]:
            k = norm_name(a)
            if k in seen and seen[k] != mid:
                raise SystemExit("alias clash %r: %s vs %s" % (a, seen[k], mid))
            seen[k] = mid

    # agreement: data municipality column (after alias resolution) vs PIP
    alias_index = seen
    agree = agree_near = 0
    mism = Counter()
    for r in rows:
        named = alias_index.get(norm_name(r["municipality"]))
        assert named is not None, r["municipality"]
        r["_named"] = named
        agree += named == r["_pip"]
        agree_near += named == r["_pip_near"]
        if named != r["_pip"]:
            mism[(named, r["_pip"])] += 1

    # how far are mismatched points from the polygon their name column points to?
    single = {}
    mism_d = []
    for r in rows:
        if r["_named"] != r["_pip"]:
            if r["_named"] not in single:
                single[r["_named"]] = Locator([(r["_named"], munis[r["_named"]]["geometry"])])
            mism_d.append(single[r["_named"]].nearest(float(r["longitude"]),
                                                      float(r["latitude"]), 1e6)[1])
    mism_d.sort()

    return {"munis": munis, "rows": rows, "by_coords": by_coords, "overlaps": overlaps,
            "mism_d": mism_d,
            "unlocated": len(unlocated), "near_d": near_d, "agree": agree,
            "agree_near": agree_near, "mism": mism, "alias_index": alias_index}


# ---------------------------------------------------------------------------
# Kursk municipalities
# ---------------------------------------------------------------------------

def kursk_id(name, mo_type):
    if mo_type == "urban_okrug":
        return "kursk-gorod-" + slugify(name)
    return "kursk-" + slugify(name.replace(" район", "")) + "-rayon"


def build_kursk_munis(data_dir):
    geo = json.load(open(os.path.join(data_dir, KURSK_GEO), encoding="utf-8"))
    extra = {}
    with open(os.path.join(data_dir, KURSK_MO_CSV), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            extra[r["name"]] = r
    munis = {}
    for f in geo["features"]:
        p = f["properties"]
        name = p["name"]
        e = extra[name]
        mid = kursk_id(name, p["mo_type"])
        aliases = set(a.strip() for a in e["aliases"].split("|") if a.strip())
        for k in ("name_osm",):
            if p.get(k):
                aliases.add(p[k])
        if e.get("official_name_pattern"):
            aliases.add(e["official_name_pattern"])
        aliases |= set(KURSK_EXTRA_ALIASES.get(name, []))
        aliases.discard(name)
        pop = p.get("population_thousand") or (float(e["population_thousand"])
                                                if e.get("population_thousand") else None)
        short = name.replace(" район", " р-н")
        assert mid not in munis
        munis[mid] = {"id": mid, "name": name, "shortName": short, "district": None,
                      "aliases": aliases,
                      "population": int(round(pop * 1000)) if pop else None,
                      "geometry": f["geometry"], "mo_type": p["mo_type"]}
    seen = {}
    for mid in sorted(munis):
        for a in list(munis[mid]["aliases"]) + [munis[mid]["name"]]:
            k = norm_name(a)
            if k in seen and seen[k] != mid:
                raise SystemExit("kursk alias clash %r: %s vs %s" % (a, seen[k], mid))
            seen[k] = mid
    return munis


def kursk_alias_matcher(munis):
    """Compiled patterns (longest alias first) matching whole words, case-insensitive."""
    pats = []
    for mid, m in munis.items():
        for a in set(m["aliases"]) | {m["name"]}:
            pats.append((len(a), a, mid))
    pats.sort(key=lambda x: (-x[0], x[1]))
    compiled = []
    for _, a, mid in pats:
        body = re.escape(norm_name(a)).replace(r"\ ", r"\s*")
        compiled.append((re.compile(r"(?<![а-яa-z0-9])" + body + r"(?![а-яa-z0-9])"), mid, a))
    return compiled


def kursk_locate(text, matcher):
    """Municipality whose aliases occur most often (longest-first, occurrences consumed)."""
    t = norm_name(clean_text(text))
    hits = Counter()
    for pat, mid, _ in matcher:
        found = pat.findall(t)
        if found:
            hits[mid] += len(found)
            t = pat.sub(" ", t)
    if not hits:
        return None
    return sorted(hits.items(), key=lambda x: (-x[1], x[0]))[0][0]


# ---------------------------------------------------------------------------
# keyword derivation + evaluation
# ---------------------------------------------------------------------------

def derive_keywords(region, texts, labels, order, min_df_fn, no_keywords=()):
    toks = [tokens(t) for t in texts]
    docs = [prefixes_of(t) for t in toks]
    w4 = Counter(w for t in toks for w in t if len(w) == 4)
    words4 = {w for w, c in w4.items() if c >= 5}
    cnt = Counter(labels)
    seeds_all = KEYWORD_SEED.get(region, {})
    result = {}
    for cat in order:
        if cat in no_keywords:
            result[cat] = []
            continue
        n = cnt[cat]
        seeds = seeds_all.get(cat, [])
        cands = log_odds_candidates(docs, labels, cat, min_df_fn(n))
        kws = select_keywords(cands, KEYWORD_DROP.get(region, set()), words4,
                              n / len(labels), max_n=30 - len(seeds))
        result[cat] = sorted(set(kws) | set(seeds))
    # evaluate the rule classifier on the same data
    ok = unmatched = 0
    conf = Counter()
    for t, l in zip(toks, labels):
        p = classify(t, result, order)
        ok += p == l
        unmatched += p is None
        if p != l:
            conf[(l, p or "other")] += 1
    return result, {"accuracy": ok / len(labels), "unmatched": unmatched / len(labels),
                    "n": len(labels), "confusions": conf.most_common(8)}


def classify_templates(templates, cat_keywords, order):
    ok = tot = 0
    for cat, lst in templates.items():
        if cat == "other":
            continue
        for t in lst:
            tot += 1
            ok += classify(tokens(t), cat_keywords, order) == cat
    return ok, tot


# ---------------------------------------------------------------------------
# demo profiles
# ---------------------------------------------------------------------------

def normalise_mean1(vals, nd=3):
    m = sum(vals) / len(vals)
    return [round(v / m, nd) for v in vals]


def top_topics(pairs, k=8):
    """pairs: list of (category_id, topic); share within the category."""
    by_cat = defaultdict(Counter)
    for c, t in pairs:
        by_cat[c][t.strip()] += 1
    out = {}
    for c, cnt in by_cat.items():
        n = sum(cnt.values())
        top = sorted(cnt.items(), key=lambda x: (-x[1], x[0]))[:k]
        out[c] = [{"name": re.sub(r"\s+", " ", t), "share": rnd(v / n)} for t, v in top]
    return out


def category_shares(labels, topics):
    cnt = Counter(labels)
    n = len(labels)
    return [{"id": c, "share": rnd(v / n), "topics": topics[c]}
            for c, v in sorted(cnt.items(), key=lambda x: (-x[1], x[0]))]


# ---------------------------------------------------------------------------
# hand-written demo templates (synthetic; not taken from the data)
# Placeholders: {street} (from "streets"), {house} e.g. "14" or "14к2",
# {entrance} 1..12, {days} an integer 5..20 (so that «дней» agrees).
# ---------------------------------------------------------------------------

SPB_STREETS = [
    "ул. Марата", "Невский пр.", "Садовая ул.", "Гороховая ул.", "Литейный пр.",
    "Лиговский пр.", "Московский пр.", "пр. Ветеранов", "пр. Просвещения",
    "Будапештская ул.", "ул. Дыбенко", "Искровский пр.", "Гражданский пр.",
    "Суздальский пр.", "Комендантский пр.", "Богатырский пр.", "ул. Савушкина",
    "Каменноостровский пр.", "ул. Рубинштейна", "Кирочная ул.", "Заневский пр.",
    "пр. Энергетиков", "Индустриальный пр.", "Бухарестская ул.", "Купчинская ул.",
    "ул. Ленсовета", "Ленинский пр.", "пр. Стачек", "ул. Солдата Корзуна", "Дачный пр.",
    "ул. Седова", "Народная ул.", "бульвар Новаторов", "пр. Маршала Жукова",
    "ул. Типанова", "Дунайский пр.", "ул. Коллонтай", "Товарищеский пр.",
    "Пискарёвский пр.", "Светлановский пр.", "Мебельная ул.", "ул. Орджоникидзе",
    "Кондратьевский пр.",
]

KURSK_STREETS = [
    "ул. Ленина", "ул. Радищева", "ул. Дзержинского", "ул. Карла Маркса", "ул. Сумская",
    "пр-т Дружбы", "ул. 50 лет Октября", "ул. Союзная", "ул. Белгородская",
    "ул. Энгельса", "ул. Челюскинцев", "ул. Ломоносова", "ул. Щепкина",
    "ул. Перекальского", "ул. Володарского", "ул. Хуторская", "ул. Республиканская",
    "ул. Магистральная", "пр-т Победы", "пр-т Вячеслава Клыкова",
    "пр-т Анатолия Дериглазова", "ул. Харьковская", "ул. Обоянская", "ул. Кирова",
    "ул. Интернациональная", "ул. Чернышевского", "ул. Садовая", "ул. Луначарского",
    "ул. Гоголя", "ул. Блинова", "ул. Косухина", "ул. Студенческая", "ул. Ватутина",
    "ул. Кати Зеленко", "ул. Павлуновского", "ул. Бойцов 9-й Дивизии", "ул. Урицкого",
    "ул. Пучковка", "ул. Гагарина", "ул. Запольная", "ул. Заводская",
]

SPB_TEMPLATES = {
    "improvement": [
        "Во дворе дома {house} по {street} не вывозят мусор уже {days} дней, контейнеры переполнены, мусор лежит на газоне.",
        "снег на тротуаре у дома {house} не убран, люди ходят по проезжей части",
        "<p>Просим очистить от наледи пешеходную дорожку вдоль дома {house}, {street}. Сегодня поскользнулась пожилая соседка.</p>",
        "Надписи на стене трансформаторной будки во дворе, {street}, {house}. Закрасьте пожалуйста!!",
        "Не горит фонарь на опоре освещения напротив дома {house} по {street}, вечером во дворе полная темнота.",
        "Сломана скамейка и урна на детской площадке за домом {house}. Дети могут пораниться",
        "Огромная яма на асфальте во дворе дома {house} ({street}), после дождя не пройти, лужа по колено.",
        "Гололед на тротуаре от дома {house} до остановки, никто не посыпает песком уже {days} дней!!!",
        "обьявления и реклама на опоре освещения у дома {house} уберите пожалуйста",
        "Брошенный автомобиль без номеров стоит на газоне у дома {house} по {street} больше {days} дней.",
        "<p>Добрый день!&nbsp;На газоне у дома {house} ({street}) лежат старые покрышки и строительный мусор. Просьба убрать.</p>",
        "Граффити на ограждении сквера возле {street} {house}, требуется закрасить",
        "Упал дорожный знак «Пешеходный переход» у дома {house}, {street}. Опасно для водителей и пешеходов.",
        "Листья и ветки не убирают с дорожек в парке у дома {house} уже {days} дней, всё в грязи.",
        "Снег с дороги сгребли прямо на тротуар у {street}, {house} – не пройти с коляской! Тел. +7 921 000-00-00",
    ],
    "building-maintenance": [
        "В парадной {entrance} дома {house} по {street} не горит свет на 3 и 4 этаже уже {days} дней.",
        "Лифт в {entrance}-й парадной не работает с понедельника, на 9 этаж пожилым людям не подняться!!",
        "Уборку лестницы в парадной {entrance} не проводят, грязно, на площадке окурки. {street}, д. {house}.",
        "<p>Здравствуйте. В парадной № {entrance} по адресу {street}, д. {house} разбито стекло в окне между 2 и 3 этажом, сквозит.</p>",
        "не закрывается входная дверь в парадную {entrance}, сломан доводчик",
        "Почтовые ящики сломаны и исписаны, {street} {house}, парадная {entrance}",
        "Стены на лестнице в ужасном состоянии, краска облезла, потолок в пятнах. Когда будет ремонт парадной? д. {house}, {street}",
        "В подъезде {entrance} висят оголенные провода на 5 этаже возле щитка. Это опасно!",
        "График уборки парадной не соблюдается, полы не моют уже {days} дней. {street}, дом {house}",
        "Лампы на этаже перегорели, в холле у лифта темно. Дом {house}, парадная {entrance}.",
        "&nbsp;Двери на черную лестницу заколочены, а это пожарный выход. {street}, {house}",
        "в парадной грязь, уборщица не приходит, лестничная клетка не мыта {days} дней",
        "Прошу отремонтировать пол в тамбуре первого этажа, плитка разбита, дом {house} по {street}, подъезд {entrance}.",
    ],
    "common-property-rules": [
        "На фасаде дома {house} по {street} самовольно установлена решетка на окне первого этажа.",
        "Незаконно размещенный наружный блок кондиционера на лицевом фасаде дома {house}, {street}. Прошу проверить наличие согласования.",
        "на фасаде повесили спутниковую тарелку прямо над моим окном, {street} {house}",
        "<p>Владелец нежилого помещения в доме {house} установил рольставни на фасаде без разрешения. Уродует облик здания.</p>",
        "Самовольно установленная камера видеонаблюдения и кабели на фасаде дома {house}, {street}.",
        "Незаконная решетка и жалюзи на окнах первого этажа, дом {house}. Дом — объект культурного наследия!",
        "Прошу демонтировать незаконный кондиционер на фасаде по {street}, {house}, с него капает на тротуар",
        "Установлен громкоговоритель на фасаде кафе в доме {house}, шумит до ночи. Согласовано ли размещение?",
        "Воздуховод из ресторана выведен прямо по фасаду дома {house} ({street}). Запах во дворе!!",
        "Наружные блоки кондиционеров на фасаде по {street} д. {house} размещены самовольно, без проекта",
    ],
    "illegal-advertising": [
        "Незаконная рекламная конструкция (баннер) на ограждении у дома {house}, {street}. Прошу проверить и демонтировать.",
        "Штендер магазина стоит прямо на тротуаре у {street} {house}, мешает пройти.",
        "вывеска магазина на фасаде висит без разрешения, {street} {house}",
        "Растяжка с рекламой над проезжей частью у дома {house}, {street}. Есть ли на неё разрешение?",
        "<p>На фасаде дома {house} размещена реклама салона красоты, на мой взгляд незаконно. Прошу проверить.</p>",
        "Незаконная рекламная конструкция на газоне у остановки, {street} {house}. Вкопана в землю!",
        "Рекламный баннер закрывает окна жильцов в доме {house}. Кто разрешил???",
        "Виниловая пленка с рекламой на витрине закрывает всё окно, {street} д.{house}, просьба проверить законность",
        "Незаконная реклама на крыше павильона у дома {house} по {street}",
        "Бегущая строка с рекламой светит ночью в окна дома {house}, {street}. Прошу демонтировать.",
    ],
    "facade": [
        "Отваливается штукатурка с фасада дома {house} по {street}, куски падают на тротуар!",
        "Фасад дома {house} весь в плесени и пятнах, окраска облупилась. Когда будет ремонт?",
        "Разрушается цоколь дома {house}, {street}, видна кирпичная кладка.",
        "Нет адресного указателя с номером дома на фасаде, {street} {house}. Курьеры не могут найти.",
        "<p>Прошу восстановить окраску фасада после ремонта — закрасили пятнами другого цвета, не по колеру. Адрес: {street}, д. {house}.</p>",
        "межпанельные стыки не загерметизированы, в квартире сыро, дом {house}",
        "Облицовочная плитка на фасаде отвалилась у входа в парадную {entrance}, дом {house}",
        "Отмостка вокруг дома {house} разрушена, вода уходит в фундамент. {street}",
        "На фасаде дыры после демонтажа кондиционеров, не заделаны уже {days} дней, {street} д {house}",
        "Окраска фасада облезла, дом выглядит ужасно!!! {street}, {house}",
    ],
    "street-infrastructure": [
        "Открыт люк колодца на тротуаре у дома {house} по {street}, очень опасно!",
        "Крышка люка провалилась ниже уровня асфальта, машины бьют колёса. {street}, {house}",
        "Просела брусчатка на пешеходной дорожке у дома {house}, люди спотыкаются",
        "люк гремит каждый раз, когда проезжает машина, спать невозможно. {street} {house}",
        "<p>Провал грунта вокруг колодца во дворе дома {house}, {street}. Огородите пожалуйста!</p>",
        "Крышка люка сдвинута, колодец открыт, рядом детская площадка. Дом {house}.",
        "Решетка ливневой канализации провалилась на проезжей части у {street}, {house}",
        "Люк выступает над асфальтом сантиметров на 10, наезд на него опасен, {street} д. {house}",
        "Отсутствует крышка люка у остановки по {street} (напротив дома {house}). Срочно закройте!",
    ],
    "water-supply": [
        "Нет горячей воды в квартире уже {days} дней, {street} д. {house}, парадная {entrance}.",
        "Из крана течет ржавая вода коричневого цвета, пить невозможно. Дом {house}.",
        "Слабый напор холодной воды на 8 этаже, вода еле идет. {street} {house}",
        "<p>Горячая вода чуть теплая, температура не больше 40 градусов. Адрес: {street}, {house}.</p>",
        "в доме {house} отключили воду без предупреждения!!! когда дадут?",
        "Течь стояка холодного водоснабжения в ванной, управляющая компания не реагирует {days} дней",
        "Полотенцесушитель холодный, горячую воду дают с перебоями. {street}, д. {house}",
        "Вода из крана с запахом и желтая, {street} {house}. Проверьте качество воды!",
        "Перепады давления воды, то кипяток, то холодная. Дом {house}, парадная {entrance}",
        "Прорвало трубу холодной воды на кухне у соседей сверху, нас затопило. Срочно! +7 921 000-00-00",
    ],
    "advertising-condition": [
        "Информационный стенд у парадной {entrance} весь в обрывках старых объявлений, дом {house}.",
        "Рекламный щит у остановки на {street} покосился и может упасть!",
        "Разбит лайтбокс на остановке напротив дома {house}, осколки на тротуаре.",
        "Сити-борд у дома {house} ({street}) исписан, требуется очистка.",
        "<p>Оборвано полотно рекламной конструкции, висит над тротуаром, {street} {house}.</p>",
        "на стенде у дома {house} бумажные объявления в несколько слоев, давно не чистили",
        "Табло на остановке не работает и разбито. {street}",
        "Рекламная конструкция ржавая и покосилась, стоит на газоне у {street}, {house}",
    ],
    "roof": [
        "Сосульки и наледь на крыше дома {house} по {street}, свисают над тротуаром!",
        "Протекает крыша, на потолке в квартире на последнем этаже мокрое пятно. Дом {house}, парадная {entrance}.",
        "Водосточная труба оторвана и висит, {street} {house}",
        "<p>Сорван металл кровли ветром, гремит по ночам. Адрес: {street}, д. {house}.</p>",
        "Помята водосточная труба и отлив на углу дома {house}, вода льется на тротуар",
    ],
    "sanitary": [
        "В подвале дома {house} крысы, бегают уже по парадной {entrance}. Нужна дератизация!",
        "Тараканы в парадной и в квартирах, просим провести дезинсекцию. {street}, {house}",
        "засор мусоропровода, мусор не вывозят {days} дней, в парадной мухи и запах",
        "Комары из подвала летят в квартиры, проведите обработку. Дом {house}.",
    ],
    "illegal-street-trade": [
        "Незаконная торговля с ящиков у выхода из метро возле {street}, {house}, каждый день.",
        "Торгуют фруктами и овощами с тележек прямо на тротуаре, {street}, мешают пройти.",
        "Продают елки без всяких документов у дома {house} по {street}.",
        "<p>Бабушки торгуют с земли у остановки, продукты на картонке. {street}.</p>",
    ],
    "heating": [
        "В квартире холодно, батареи еле теплые, температура 16 градусов. {street} д. {house}",
        "Не прогреваются радиаторы в парадной {entrance}, окна в ледяных разводах.",
        "отопление не включили до сих пор!!! дом {house}, дети болеют",
        "Течет радиатор отопления на лестнице, дом {house}, {street}",
    ],
    "basements": [
        "Открыт подвал в доме {house}, дверь без замка, туда ходят посторонние.",
        "Продухи подвала заложены кирпичом, кошки не могут выйти. {street}, {house}",
        "В подвале дома {house} стоит вода и мусор, сырость поднимается в парадную {entrance}",
        "<p>Окна подвала разбиты, сетки нет. Дом {house}, {street}.</p>",
    ],
    "common-property-order": [
        "Провайдер протянул кабели по парадной {entrance} без согласования с собственниками, дом {house}.",
        "Зеркала и реклама в лифте установлены без решения общего собрания, {street} {house}",
        "Управляющая компания сдает в аренду часть подвала, собственники согласия не давали.",
        "Видеокамеры в парадной поставили без общего собрания, кто имеет доступ к записям?",
    ],
    "sewerage": [
        "Засор канализации, в подвале стоят фекальные воды, запах по всей парадной {entrance}. Дом {house}.",
        "Из унитаза поднимается вода, канализационный стояк забит. {street}, {house}",
        "Сильный запах канализации во дворе у дома {house} уже {days} дней",
        "Прорвало канализационную трубу в подвале, нечистоты текут. Срочно!!! тел +7 921 000-00-00",
    ],
    "other": [
        "Добрый день! Подскажите, куда обращаться по вопросу, которого нет в списке? Дом {house}, {street}.",
        "Спасибо за работу, всё устранили.",
        "Прошу дать разъяснение по ответу на мою предыдущую заявку, ничего не понятно.",
    ],
}

KURSK_TEMPLATES = {
    "k03-housing-utilities": [
        "Не работает уличное освещение на {street} уже {days} дней, вечером темно, фонари не горят.",
        "<p>Здравствуйте! В доме {house} по {street} нет горячей воды {days} дней, управляющая компания не отвечает на звонки.</p>",
        "Отсутствует крышка люка на колодце во дворе дома {house}, {street}. Дети гуляют рядом!",
        "Аварийное дерево у дома {house} по {street}, ветки висят над проводами, может упасть на машины.",
        "в квартире холодно батареи еле теплые, {street} {house} подъезд {entrance}",
        "Мусор с контейнерной площадки не вывозят уже {days} дней, баки переполнены. г. Курск, {street}, д. {house}.",
        "Управляющая компания не выполняет заявки, течет крыша над последним этажом подъезда {entrance}. Дом {house}.",
        "<p>Из крана идёт ржавая вода, пить невозможно.&nbsp;Адрес: {street}, {house}.</p>",
        "Тротуар по {street} не убирается, везде грязь и листья. Когда наведут порядок?",
        "Отключили свет в частном секторе, напряжение постоянно скачет, техника горит!!! {street}",
        "В подъезде {entrance} дома {house} не убирают, лампочки не горят, управляйка только деньги собирает",
        "Прорвало трубу теплотрассы возле дома {house}, {street}, пар идёт {days} дней.",
        "Прошу спилить сухие деревья во дворе дома {house} по {street}, ветки падают на детскую площадку.",
        "Низкое давление газа, колонка не включается. {street}, д. {house}. Тел. +7 910 000-00-00",
        "Канализация во дворе дома {house} течет прямо на дорогу, запах ужасный, {days} дней никто не устраняет",
    ],
    "k00-roads": [
        "Огромные ямы на дороге по {street}, машины объезжают по встречной. Когда будет ремонт дорожного покрытия?",
        "Не работает светофор на перекрестке {street}, водители не знают, кто едет первым.",
        "Дорогу на {street} не чистят от снега {days} дней, проехать невозможно.",
        "<p>Просим нанести разметку пешеходного перехода у школы на {street}, её совсем не видно.</p>",
        "Упал дорожный знак на {street} у дома {house}, надо восстановить.",
        "машины паркуются на тротуаре у дома {house} по {street}, пешеходам не пройти",
        "В нашем селе нет асфальта, грунтовая дорога после дождя превращается в грязь, скорая не проедет.",
        "Ямочный ремонт на {street} сделали плохо, асфальт уже раскрошился",
        "Освещения на участке дороги нет, пешеходы идут по обочине в темноте. {street}",
        "Нужна искусственная неровность у дома {house}, {street}, гоняют со скоростью 90!!",
        "Гололед на проезжей части {street}, не посыпают, уже две аварии",
        "Прошу сделать пешеходный переход возле остановки на {street}, детям приходится перебегать дорогу.",
    ],
    "k16-environment": [
        "Несанкционированная свалка мусора в овраге за домом {house} по {street}, растет с каждым днём.",
        "Неприятный запах от предприятия по вечерам, дышать невозможно, окна не открыть!!",
        "<p>На берегу реки свалили строительный мусор и бытовые отходы. Прошу принять меры.</p>",
        "Жидкие отходы сливают прямо в кювет на {street}, вонь стоит {days} дней.",
        "в лесополосе возле поселка свалка, жгут мусор, дым на весь район",
        "Стихийная свалка у гаражей по {street}, её не вывозят уже {days} дней.",
        "Вырубили деревья в парке без всякого разрешения, кто ответит?",
        "Зловонный запах с очистных сооружений, жители задыхаются. Проверьте выбросы.",
        "Загрязнение пруда: сбрасывают отходы, рыба всплыла.",
        "Мусор на полигоне горит, дым несёт на дома по {street}. Тел. +7 910 000-00-00",
    ],
    "k08-public-transport": [
        "Автобусы 41-го маршрута ходят раз в час, на остановке на {street} ждём по 40 минут.",
        "Водитель маршрутки не остановился на остановке, пассажиры стояли на морозе!",
        "В трамвае грязно, сиденья порваны, окна не закрываются.",
        "<p>Отменили пригородный автобус до нашего села, как добираться до работы в Курск?</p>",
        "Кондуктор отказался принимать оплату картой и высадил пассажира.",
        "Расписание электрички неудобное, вечером поездов нет.",
        "Газель переполнена, люди стоят в проходе, водитель разговаривает по телефону!!",
        "Нет остановочного павильона на {street}, стоим под дождём.",
        "Автобус не приходит по расписанию уже {days} дней подряд, утром никак не уехать",
        "Просим добавить рейсы общественного транспорта в час пик, автобусы переполнены.",
    ],
    "k04-healthcare": [
        "В поликлинике невозможно записаться к врачу, регистратура не берет трубку {days} дней.",
        "Не пришел сертификат о вакцинации на Госуслуги, прививку сделал две недели назад.",
        "<p>Маме не выдают льготные лекарства в аптеке уже месяц. Что делать?</p>",
        "Скорая ехала больше часа к пожилому человеку, это нормально?",
        "В больнице грубый персонал, пациентов не принимают без записи.",
        "Не могу получить сертификат переболевшего ковидом, в поликлинике отправляют на портал.",
        "Ремонт в поликлинике не делался много лет, течет потолок в кабинете врача.",
        "Очередь на анализы с 6 утра, талонов нет, вызвать врача на дом невозможно!!",
        "Инвалиду не выписывают рецепт на лекарство, врач отказывает.",
        "В фельдшерском пункте нашей деревни нет фельдшера уже {days} дней, лечиться негде.",
    ],
    "k10-social-protection": [
        "Подала документы на пособие на ребенка, выплату не назначили, отказ без объяснения.",
        "Многодетной семье не пришла ежемесячная выплата за этот месяц.",
        "<p>Почему нам отказали в социальной помощи? Доход семьи ниже прожиточного минимума.</p>",
        "Не начисляют компенсацию за коммунальные услуги как ветерану труда.",
        "Заявление на пособие малоимущим рассматривают уже {days} дней.",
        "Сняли с очереди на получение жилья как многодетную семью, прошу разобраться!",
        "Выплаты на детей от 3 до 7 лет пришли не в полном объеме.",
        "Просим помочь с оформлением статуса малоимущей семьи, в соцзащите отправляют по кругу.",
    ],
    "k07-education": [
        "Нет мест в детском саду, ребенок стоит в очереди третий год.",
        "Школа перешла на дистанционное обучение, а у нас нет интернета. Как учиться?",
        "<p>Не организован подвоз детей в школу из нашего села, дети идут пешком 3 км.</p>",
        "Учитель грубит детям на уроках, просим разобраться.",
        "Вторая смена в школе заканчивается в 7 вечера, дети возвращаются в темноте.",
        "В классе холодно, окна не закрываются, учебники старые.",
        "Территория детского сада не убрана, на площадке сломаны качели.",
        "Почему в первый класс не берут детей по прописке?",
    ],
    "k01-stray-animals": [
        "Стая бездомных собак возле школы на {street}, бросаются на детей!",
        "Бродячие собаки покусали ребенка у дома {house}, отлов так и не провели.",
        "<p>Во дворе агрессивная собака без хозяина, гулять с детьми страшно.</p>",
        "Просим провести отлов безнадзорных животных в районе {street}.",
    ],
    "k11-construction": [
        "Заброшенная стройка на {street}, ограждения нет, дети лазят по котловану.",
        "Застройщик не убирает грязь со стройки, машины тащат её на дорогу.",
        "На строительном объекте нет паспорта объекта, кто строит — непонятно.",
    ],
    "k05-culture": [
        "Памятник погибшим воинам в нашем селе разрушается, просим отремонтировать.",
        "В доме культуры не проводят никаких мероприятий, клуб закрыт.",
        "Праздничный концерт на площади был очень плохо организован, звук ужасный.",
    ],
    "k13-trade": [
        "В магазине на {street} продают просроченные продукты.",
        "Стихийная торговля у рынка, продают мясо с машины без документов.",
        "Кассир отказался выдать чек, продавец хамит покупателям.",
    ],
    "k06-support-measures": [
        "Как малому бизнесу получить поддержку в период ограничений? Субсидию не дали.",
        "Положены ли льготы медикам, работавшим в ковидном госпитале во время пандемии?",
        "Из-за карантина закрыли кафе, предпринимателям не выплатили никаких компенсаций.",
    ],
    "k15-sport": [
        "Спортивная площадка у школы на {street} разрушена, турники сломаны.",
        "Бассейн закрыт на ремонт уже год, секции не работают.",
        "Зимой не заливают каток, детям негде кататься.",
    ],
    "k09-communications": [
        "В нашем селе нет мобильной связи и интернета, вышка не работает.",
        "Посылка лежит на почте {days} дней, а уведомление не пришло.",
        "Провайдер отключил интернет без объяснения причин, дети не могут учиться.",
    ],
    "k14-labour": [
        "Работодатель не платит зарплату уже два месяца, куда обращаться?",
        "В центре занятости не помогают найти работу, пособие по безработице не начисляют.",
        "Работаю без трудового договора, уволили без оплаты.",
    ],
    "k02-public-services": [
        "На портале Госуслуги не получается подать заявление, выдает ошибку.",
        "В МФЦ огромная очередь, электронная запись не работает.",
        "Услуга недоступна в личном кабинете, хотя в других регионах работает.",
    ],
    "k12-test": [
        "Тест",
        "тестовое сообщение, просьба не обрабатывать",
        "<p>Проверка отправки.</p>",
    ],
    "other": [
        "Добрый день! Подскажите, в какой орган обратиться с моим вопросом?",
        "Благодарю за оперативное решение проблемы!",
        "Прошу разъяснить ответ на мое предыдущее обращение.",
    ],
}


# ---------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------

def muni_json(m):
    return {"id": m["id"], "name": m["name"], "shortName": m["shortName"],
            "district": m["district"], "aliases": sorted(m["aliases"], key=lambda a: (a.lower(), a)),
            "population": m["population"]}


def geojson_out(munis):
    return {
        "type": "FeatureCollection",
        "attribution": ATTRIBUTION,
        "features": [
            {"type": "Feature", "properties": {"id": mid, "name": munis[mid]["name"]},
             "geometry": round_geometry(munis[mid]["geometry"])}
            for mid in sorted(munis)
        ],
    }


def category_json(cat_id, name, keywords, code=None):
    d = {"id": cat_id, "name": name}
    if code is not None:
        d["code"] = code
    d["keywords"] = keywords
    return d


def check_templates(templates, cat_ids):
    allowed = {"street", "house", "entrance", "days"}
    for cat, lst in templates.items():
        assert cat in cat_ids, "template category %s not in region" % cat
        for t in lst:
            for ph in re.findall(r"\{(\w+)\}", t):
                assert ph in allowed, "bad placeholder %s in %r" % (ph, t)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(root, "..", "shared", "data"))
    ap.add_argument("--out", default=os.path.join(root, "src", "main", "resources", "regions"))
    args = ap.parse_args()
    data, out = args.data, args.out
    report = []

    def say(s=""):
        print(s)
        report.append(s)

    say("Attribution: " + ATTRIBUTION)

    # ------------------------------------------------------------------ SPb
    spb = build_spb(data)
    rows, munis = spb["rows"], spb["munis"]
    n = len(rows)
    say("")
    say("== spb: %d municipalities, %d data rows" % (len(munis), n))
    for dn, (mid, cnt, tot, top) in sorted(spb["by_coords"].items()):
        say("  new name %r -> %s (%s): %d of its %d rows fall inside that polygon; next: %s"
            % (dn, mid, munis[mid]["name"], cnt, tot,
               ", ".join("%s=%d" % (k, v) for k, v in top[1:]) or "-"))
    say("  rows inside no polygon: %d (max distance to the nearest polygon: %.0f m); rows inside >1 polygon: %d"
        % (spb["unlocated"], max(spb["near_d"] or [0]), spb["overlaps"]))
    say("  name-vs-coordinates agreement: %d / %d = %.2f%% (with nearest-polygon fallback: %.2f%%)"
        % (spb["agree"], n, 100.0 * spb["agree"] / n, 100.0 * spb["agree_near"] / n))
    md = spb["mism_d"]
    if md:
        say("  mismatched rows: %d; distance to the polygon named in the data: median %.0f m, "
            "%d within 100 m, max %.0f m" % (len(md), md[len(md) // 2],
                                             sum(1 for d in md if d <= 100), md[-1]))
    say("  main mismatch pairs (name column -> polygon by coordinates):")
    for (a, b), c in spb["mism"].most_common(12):
        say("    %4d  %s -> %s" % (c, a, b))
    no_district = sorted(mid for mid, m in munis.items() if m["district"] is None)
    say("  municipalities with no data rows (district=null): %s" % ", ".join(no_district))
    for m in munis.values():
        m["population"] = None

    cats = sorted(Counter(r["category"] for r in rows).items(), key=lambda x: (-x[1], x[0]))
    for c, _ in cats:
        if c not in SPB_CATEGORY_SLUGS:
            SPB_CATEGORY_SLUGS[c] = slugify(c)[:40]
    order = [SPB_CATEGORY_SLUGS[c] for c, _ in cats]
    labels = [SPB_CATEGORY_SLUGS[r["category"]] for r in rows]
    kw, ev = derive_keywords("spb", [r["text"] for r in rows], labels, order,
                             lambda k: max(3, int(0.003 * k)))
    say("  keyword classifier on SPb data: accuracy %.1f%% (n=%d; %.1f%% matched no keyword -> other)"
        % (100 * ev["accuracy"], ev["n"], 100 * ev["unmatched"]))
    say("    top confusions (true -> predicted): " +
        "; ".join("%s->%s %d" % (a, b, c) for (a, b), c in ev["confusions"][:6]))
    slug_name = {SPB_CATEGORY_SLUGS[c]: c for c, _ in cats}
    spb_categories = [category_json(cid, slug_name[cid], kw[cid]) for cid in order]
    spb_categories.append(category_json("other", "Прочее", []))

    region = {
        "id": "spb", "name": "Санкт-Петербург", "timeZone": "Europe/Moscow",
        "attribution": ATTRIBUTION,
        "categories": spb_categories,
        "municipalities": [muni_json(munis[mid]) for mid in sorted(munis)],
    }
    write_json(os.path.join(out, "spb", "region.json"), region)
    write_json(os.path.join(out, "spb", "municipalities.geojson"), geojson_out(munis), pretty=False)

    # demo profile (counts only)
    how = [0] * 168
    days = set()
    for r in rows:
        t = datetime.fromisoformat(r["created_at"])
        how[t.weekday() * 24 + t.hour] += 1
        days.add(t.date())
    first = min(days)
    last = max(days)
    span_days = (last - first).days + 1
    spb_per_day = n / span_days
    spb_how = normalise_mean1(how)
    topics = top_topics([(SPB_CATEGORY_SLUGS[r["category"]], r["reason"]) for r in rows])
    located = Counter(r["_pip"] for r in rows if r["_pip"])
    nloc = sum(located.values())
    profile = {
        "source": ("derived from spb/%s, portal «Наш Санкт-Петербург», %d messages %s..%s "
                   "(%d calendar days); counts only, no texts. hourOfWeek: index = weekday "
                   "(Mon=0)*24 + hour, Europe/Moscow, mean 1.0. Topic shares are within the "
                   "category (top 8). Municipality shares: messages located by point-in-polygon "
                   "on their coordinates (%d of %d located)."
                   % (os.path.basename(SPB_CSV), n, first, last, span_days, nloc, n)),
        "messagesPerDay": round(spb_per_day, 1),
        "hourOfWeek": spb_how,
        "categories": category_shares(labels, topics),
        "municipalities": [{"id": mid, "share": round(located.get(mid, 0) / nloc, 5)}
                           for mid in sorted(munis)],
    }
    write_json(os.path.join(out, "spb", "demo-profile.json"), profile)
    check_templates(SPB_TEMPLATES, set(order) | {"other"})
    write_json(os.path.join(out, "spb", "demo-templates.json"),
               {"placeholders": TEMPLATE_PLACEHOLDERS, "streets": SPB_STREETS,
                "templates": SPB_TEMPLATES})
    tok, ttot = classify_templates(SPB_TEMPLATES, kw, order)
    say("  categories: %d (+ other); demo templates: %d (keyword classifier puts %d of %d "
        "non-'other' templates in their own category)"
        % (len(order), sum(len(v) for v in SPB_TEMPLATES.values()), tok, ttot))
    spb_summary = {"munis": len(munis), "cats": len(order), "agree": spb["agree"] / n,
                   "acc": ev["accuracy"], "perday": spb_per_day}

    # ---------------------------------------------------------------- Kursk
    kmunis = build_kursk_munis(data)
    with open(os.path.join(data, KURSK_CSV), encoding="utf-8") as fh:
        krows = list(csv.DictReader(fh))
    kn = len(krows)
    say("")
    say("== kursk: %d municipalities, %d data rows" % (len(kmunis), kn))
    codes = sorted(KURSK_CATEGORIES, key=int)
    for r in krows:
        assert r["category"] in KURSK_CATEGORIES, r["category"]
    kcnt = Counter(r["category"] for r in krows)
    korder_codes = sorted(codes, key=lambda c: (-kcnt.get(c, 0), int(c)))
    korder = [KURSK_CATEGORIES[c][0] for c in korder_codes]
    klabels = [KURSK_CATEGORIES[r["category"]][0] for r in krows]
    no_kw = {KURSK_CATEGORIES[c][0] for c in KURSK_NO_KEYWORDS}
    kkw, kev = derive_keywords("kursk", [r["text"] for r in krows], klabels, korder,
                               lambda k: 2, no_keywords=no_kw)
    say("  keyword classifier on Kursk data: accuracy %.1f%% (n=%d; %.1f%% matched no keyword -> other)"
        % (100 * kev["accuracy"], kev["n"], 100 * kev["unmatched"]))
    say("    top confusions (true -> predicted): " +
        "; ".join("%s->%s %d" % (a, b, c) for (a, b), c in kev["confusions"][:6]))
    kursk_categories = [category_json(KURSK_CATEGORIES[c][0], KURSK_CATEGORIES[c][1],
                                      kkw[KURSK_CATEGORIES[c][0]], code=c)
                        for c in korder_codes]
    kursk_categories.append(category_json("other", "Прочее", []))
    kregion = {
        "id": "kursk", "name": "Курская область", "timeZone": "Europe/Moscow",
        "attribution": ATTRIBUTION,
        "categories": kursk_categories,
        "municipalities": [muni_json(kmunis[mid]) for mid in sorted(kmunis)],
    }
    write_json(os.path.join(out, "kursk", "region.json"), kregion)
    write_json(os.path.join(out, "kursk", "municipalities.geojson"), geojson_out(kmunis),
               pretty=False)

    # municipality of each message: executor first, then text
    matcher = kursk_alias_matcher(kmunis)
    kloc = Counter()
    via = Counter()
    for r in krows:
        mid = kursk_locate(r["executor"], matcher)
        if mid:
            via["executor"] += 1
        else:
            mid = kursk_locate(r["text"], matcher)
            via["text" if mid else "none"] += 1
        if mid:
            kloc[mid] += 1
    nmatched = sum(kloc.values())
    say("  municipality found for %d of %d messages (executor %d, text %d); top: %s"
        % (nmatched, kn, via["executor"], via["text"],
           ", ".join("%s=%d" % kv for kv in sorted(kloc.items(), key=lambda x: (-x[1], x[0]))[:5])))
    kpd = spb_per_day * POP_KURSK_OBL_2020 / POP_SPB_2020
    k_how = normalise_mean1([0.5 + 0.5 * v for v in spb_how])
    ktopics = top_topics([(KURSK_CATEGORIES[r["category"]][0], r["topic"]) for r in krows
                          if r["category"] not in KURSK_NO_KEYWORDS])
    kprof_labels = [KURSK_CATEGORIES[r["category"]][0] for r in krows
                    if r["category"] not in KURSK_NO_KEYWORDS]
    kprofile = {
        "source": ("derived from kursk/train.csv (2022 hackathon sample, %d messages; counts "
                   "only, no texts). The sample has no timestamps or coordinates: "
                   "messagesPerDay is the SPb rate scaled by population (Kursk oblast %d / "
                   "St Petersburg %d, Rosstat 1 Jan 2020); hourOfWeek is the SPb weekly rhythm "
                   "flattened halfway towards uniform (0.5 + 0.5*spb), mean 1.0. Category and "
                   "topic shares are from the sample (the single 'test' row excluded; topic "
                   "shares within the category, top 8). Municipality shares: municipality "
                   "named in the executor (else in the text) via the aliases in region.json, "
                   "found for %d of %d messages; add-one smoothed over all 33 so every "
                   "municipality can appear." % (kn, POP_KURSK_OBL_2020, POP_SPB_2020,
                                                 nmatched, kn)),
        "messagesPerDay": round(kpd, 1),
        "hourOfWeek": k_how,
        "categories": category_shares(kprof_labels, ktopics),
        "municipalities": [{"id": mid, "share": round((kloc.get(mid, 0) + 1) /
                                                      (nmatched + len(kmunis)), 5)}
                           for mid in sorted(kmunis)],
    }
    write_json(os.path.join(out, "kursk", "demo-profile.json"), kprofile)
    check_templates(KURSK_TEMPLATES, set(korder) | {"other"})
    write_json(os.path.join(out, "kursk", "demo-templates.json"),
               {"placeholders": TEMPLATE_PLACEHOLDERS, "streets": KURSK_STREETS,
                "templates": KURSK_TEMPLATES})
    ktok, kttot = classify_templates({k: v for k, v in KURSK_TEMPLATES.items()
                                      if k not in no_kw}, kkw, korder)
    say("  categories: %d (+ other); demo templates: %d (keyword classifier puts %d of %d "
        "non-'other' templates in their own category)"
        % (len(korder), sum(len(v) for v in KURSK_TEMPLATES.values()), ktok, kttot))
    kursk_summary = {"munis": len(kmunis), "cats": len(korder), "acc": kev["accuracy"],
                     "perday": kpd, "located": nmatched / kn}

    # ------------------------------------------------------------- README
    readme = README_TEMPLATE.format(
        attribution=ATTRIBUTION,
        spb_munis=spb_summary["munis"], spb_cats=spb_summary["cats"],
        spb_agree=100 * spb_summary["agree"], spb_acc=100 * spb_summary["acc"],
        spb_perday=spb_summary["perday"],
        k_munis=kursk_summary["munis"], k_cats=kursk_summary["cats"],
        k_acc=100 * kursk_summary["acc"], k_perday=kursk_summary["perday"],
        k_located=100 * kursk_summary["located"],
        mism_note=("%d rows disagree; the median distance from such a point to the polygon "
                   "named in the data is %.0f m and %d of them lie within 100 m of it"
                   % (len(spb["mism_d"]), spb["mism_d"][len(spb["mism_d"]) // 2],
                      sum(1 for d in spb["mism_d"] if d <= 100))) if spb["mism_d"] else "",
        mismatches="\n".join("  - %s -> %s: %d" % (a, b, c)
                             for (a, b), c in spb["mism"].most_common(8)),
        new_names="\n".join("  - «%s» → `%s` (%s): %d of %d rows inside that polygon"
                            % (dn, mid, munis[mid]["name"], cnt, tot)
                            for dn, (mid, cnt, tot, _) in sorted(spb["by_coords"].items())),
    )
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(readme)
    say("")
    say("wrote %s/{spb,kursk}/{region.json,municipalities.geojson,demo-profile.json,"
        "demo-templates.json} and %s/README.md" % (out, out))


TEMPLATE_PLACEHOLDERS = {
    "street": "one entry of 'streets'",
    "house": "house number, e.g. 14 or 14к2",
    "entrance": "entrance (парадная/подъезд) number, 1..12",
    "days": "integer 5..20 (the templates say «{days} дней»)",
}

README_TEMPLATE = """# Region packs

Generated by `scripts/build-region-packs.py` from the read-only reference data in
`../shared/data` — do not edit these files by hand, change the script and regenerate:

    python3 scripts/build-region-packs.py --data ../shared/data

(run from the project root; `--out` defaults to `src/main/resources/regions`; Python 3
standard library only; output is deterministic).

**Attribution:** municipal boundaries are OpenStreetMap data — show
`{attribution}` wherever a map is drawn (also in each `region.json`
and `municipalities.geojson`). No message text from the source data is shipped: only counts,
shares, category/topic labels and keyword stems. The demo templates are hand-written.

## Files per region (`spb/`, `kursk/`)

| file | content |
|---|---|
| `region.json` | `id`, `name`, `timeZone`, `attribution`, `categories[]`, `municipalities[]` |
| `municipalities.geojson` | FeatureCollection, original OSM geometry (5 decimals), properties `{{id, name}}`, top-level `attribution` |
| `demo-profile.json` | figures for the demo stream generator: `messagesPerDay`, `hourOfWeek[168]` (index = weekday(Mon=0)*24 + hour, mean 1.0), `categories[{{id, share, topics[{{name, share}}]}}]` (topic share is within the category, top 8), `municipalities[{{id, share}}]`; `source` says how each figure was obtained |
| `demo-templates.json` | `templates` {{category id → [message]}}, `streets` [street names], `placeholders` (doc). Placeholders: `{{street}}`, `{{house}}`, `{{entrance}}`, `{{days}}` (an integer 5..20 so «дней» agrees). Some templates contain HTML (`<p>`, `&nbsp;`), typos or a fake phone number on purpose (the pipeline strips HTML and masks PII) |

### `region.json`

- `categories[]`: `{{id, name, keywords[], code?}}`. Kursk categories carry `code` = the
  numeric category of the source data ("0".."16"); their Russian names are chosen by hand
  from the topics (the source has none). The last category is always `{{"id":"other","name":"Прочее"}}`.
- `keywords` are lowercase word prefixes (ё→е). **Keyword classifier** (what the figures
  below measure): strip HTML tags and entities, lowercase, ё→е, split into Cyrillic words
  `[а-я]+`, drop words shorter than 3 letters and stop words; a category's score = number of
  words that start with any of its keywords; the highest score wins, ties go to the category
  listed first (categories are listed by frequency in the data); score 0 → `other`.
  Keywords were picked per category by a smoothed log-odds z-score of 4–6-letter prefixes
  (document frequency in the category vs. all others; 4-letter stems only if they are words
  themselves), precision ≥ max(0.3, base rate + 0.15), no nested prefixes, max 30, then
  checked by hand: names, streets, boilerplate and generic words are dropped, and a few domain
  stems are added where the data is too thin (lists `KEYWORD_DROP` / `KEYWORD_SEED` in the
  script). The Kursk «Тестовая категория» (code 12, one row) has no keywords on purpose.
- `municipalities[]`: `{{id, name, shortName, district, aliases[], population}}`. `name` is
  the name on the map; ids are stable ASCII slugs (`spb-mo-65`, `spb-kolpino`,
  `kursk-gorod-kursk`, `kursk-lgovskiy-rayon`). Compare names case-insensitively with
  ё→е, collapsed whitespace and no spaces around hyphens. SPb `district` = most frequent
  city district among data rows located inside the polygon (null where the data has none);
  SPb `population` is null (no source). Kursk aliases = the `aliases` column of
  `kursk_municipalities.csv`, `name_osm`, the official name pattern, plus hand-added
  district-centre town names (e.g. «Обоянь» → Обоянский район); population only for the
  five urban okrugs.

## Figures (from the last run)

| | SPb | Kursk |
|---|---|---|
| municipalities | {spb_munis} | {k_munis} |
| categories (+ `other`) | {spb_cats} | {k_cats} |
| keyword-classifier accuracy on the source data (no match = wrong) | {spb_acc:.1f}% | {k_acc:.1f}% |
| demo `messagesPerDay` | {spb_perday:.1f} | {k_perday:.1f} (scaled from SPb by population) |

- **SPb locating:** the `municipality` column of the SPb data (after alias resolution)
  equals the polygon found by point-in-polygon on the row's coordinates for
  **{spb_agree:.2f}%** of rows. {mism_note} — i.e. points on or next to a shared boundary.
  Main mismatch pairs (name column → polygon by coordinates):
{mismatches}
- SPb names newer than the map, resolved by coordinates and added as aliases:
{new_names}
- Kursk: the municipality could be named (executor, else text) for {k_located:.0f}% of the
  messages; that distribution, add-one smoothed, is the demo municipality share.
"""


if __name__ == "__main__":
    main()
