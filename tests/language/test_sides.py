"""Tests for components.language.sides on the real model, with sentences written for them.

The people, towns and the countries Kestria and Varnia are invented; real countries and seats
of power appear only as the words the lexicon must know.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from components.language.entities import extract_entities
from components.language.nlp import parse
from components.language.sides import SideResolver, sides_in

ACCEPTANCE = Path(__file__).resolve().parents[3] / "shared" / "acceptance"
US, RU, UA = "United States", "Russia", "Ukraine"


def resolve(text: str, **overrides: str) -> SideResolver:
    doc = parse(text)
    return SideResolver(doc, extract_entities(doc), overrides=overrides or None)


@pytest.mark.parametrize(
    ("text", "name", "side"),
    [
        # nationality words and demonyms before a title
        pytest.param("Russian Foreign Minister Arkady Velmin said the talks had stalled.", "Arkady Velmin", RU,
                     id="demonym-title-name"),
        pytest.param("The Russian Defense Ministry said the drone was shot down.", "Defense Ministry", RU,
                     id="demonym-in-organisation"),
        pytest.param("Ukrainian forces fired a rocket at the depot, Piet Oder, a Ukrainian army spokesman, said.",
                     "Piet Oder", UA, id="appositive-role"),
        pytest.param("Mara Quill held a phone call with Oleg Varnov, her Russian counterpart, on Tuesday.",
                     "Oleg Varnov", RU, id="appositive-counterpart"),
        # possessives
        pytest.param("Russia's Foreign Ministry said the talks had stalled.", "Foreign Ministry", RU,
                     id="possessive"),
        # capitals and seats of power
        pytest.param("Moscow said the talks had stalled.", "Moscow", RU, id="moscow"),
        pytest.param("Kyiv rejected the claim on Monday.", "Kyiv", UA, id="kyiv"),
        pytest.param("Kiev rejected the claim on Monday.", "Kiev", UA, id="kiev"),
        pytest.param("Washington rejected the claim on Monday.", "Washington", US, id="washington"),
        pytest.param("The Pentagon declined to comment on the report.", "Pentagon", US, id="pentagon"),
        pytest.param("The White House declined to comment on the report.", "White House", US, id="white-house"),
        pytest.param("The Kremlin declined to comment on the report.", "Kremlin", RU, id="kremlin"),
        pytest.param("Following the firing of a missile by Kiev's forces, Moscow has vowed a response.", "Moscow",
                     RU, id="capital-as-government"),
        # what a person is of or for
        pytest.param("A spokesman for the Russian embassy, Ivan Dorn, said the talks were over.", "Ivan Dorn", RU,
                     id="spokesman-for-embassy-before-name"),
        pytest.param("Ivan Dorn, a spokesman for the Kremlin, said the talks were over.", "Ivan Dorn", RU,
                     id="spokesman-for-the-kremlin"),
        pytest.param("President Oksana Levchuk of Ukraine said the talks were over.", "Oksana Levchuk", UA,
                     id="president-of-country"),
        pytest.param("Lena Sarto, the US envoy to Russia, said the talks were over.", "Lena Sarto", US,
                     id="envoy-to-is-the-senders"),
        pytest.param("Kestria's ambassador to Varnia, Ilse Brann, said the talks were over. Kestrian and Varnian "
                     "troops stayed home.", "Ilse Brann", "Kestria", id="ambassador-of-invented-country"),
        pytest.param("Kestria's ambassador to Varnia, Ilse Brann, said the talks were over.", "Ilse Brann",
                     "Kestria", id="a-name-owning-an-ambassador-is-a-country"),
        pytest.param("Amberlund's foreign minister, Clara Vinter, said the talks were over.", "Clara Vinter",
                     "Amberlund", id="a-name-owning-a-minister-is-a-country"),
        pytest.param("The Kestrian envoy said the talks were over.", "Kestrian envoy", "Kestria",
                     id="demonym-of-a-country-never-named-makes-its-name"),
        pytest.param("Valdoran troops crossed the border, Valdor said.", "Valdor", "Valdora",
                     id="capital-sharing-the-stem-takes-the-country-name"),
        pytest.param("Tomas Brek, speaking for the Kestrian General Staff, said the talks were over.",
                     "Tomas Brek", "Kestria", id="speaking-for"),
        pytest.param("The Kestrian General Staff said the post held. Tomas Brek, a General Staff spokesman, "
                     "said the talks were over.", "Tomas Brek", "Kestria", id="organisation-named-elsewhere"),
        # organisation before a title
        pytest.param("Pentagon Press Secretary Dana Rook told reporters the call was useful.", "Dana Rook", US,
                     id="seat-title-name"),
        # the noun a name is attached to
        pytest.param("Since the strike, the Ukrainian government, including President Oksana Levchuk, demanded "
                     "more air defence.", "Oksana Levchuk", UA, id="government-including-president"),
        pytest.param("Since the strike, the Ukrainian government, including President Oksana Levchuk, demanded "
                     "more air defence.", "Ukrainian government", UA, id="government-itself"),
        # what the article says of a person elsewhere
        pytest.param("Rook declined to say how long the call lasted. Dana Rook is the Pentagon's press secretary.",
                     "Dana Rook", US, id="copular-elsewhere"),
        pytest.param("Rook declined to say how long the call lasted. Dana Rook is the Pentagon's press secretary.",
                     "Rook", US, id="copular-elsewhere-surname"),
        pytest.param("Ivo Brenn said the talks were over. Brenn is a spokesman for the State Department.",
                     "Ivo Brenn", US, id="copular-on-the-surname"),
        pytest.param("Ivo Brenn said the talks were over. Brenn, a State Department spokesman, declined to "
                     "elaborate.", "Ivo Brenn", US, id="appositive-on-the-surname"),
        # invented countries and their demonyms, linked within the article
        pytest.param("Kestrian officials said the border was closed. Kestria has denied any role in the attack.",
                     "Kestria", "Kestria", id="invented-country"),
        pytest.param("Kestrian officials said the border was closed. Kestria has denied any role in the attack.",
                     "Kestrian", "Kestria", id="invented-demonym-mislabelled"),
        pytest.param("The Kestrians said the border was closed. Kestria has denied any role.", "Kestrians",
                     "Kestria", id="invented-plural-demonym"),
        pytest.param("Kestrian Defence Minister Tomas Halder said the border was closed. Kestria has denied any "
                     "role.", "Tomas Halder", "Kestria", id="invented-demonym-title-name"),
        pytest.param("Kestrian President Ilse Brann met Varnian envoy Piet Oder in Selm. Kestria and Varnia "
                     "signed the deal.", "Ilse Brann", "Kestria", id="two-invented-countries-first"),
        pytest.param("Kestrian President Ilse Brann met Varnian envoy Piet Oder in Selm. Kestria and Varnia "
                     "signed the deal.", "Piet Oder", "Varnia", id="two-invented-countries-second"),
        pytest.param("Halvanian Transport Minister Oren Valk said the ferry hit a mine. Halvany will ask for an "
                     "inquiry.", "Oren Valk", "Halvany", id="the-country-the-article-names-not-a-made-one"),
        pytest.param("The Tessaline foreign ministry denied the claim. The Tessaline Union has offered divers.",
                     "Foreign Ministry", "Tessaline Union", id="demonym-of-a-two-word-state"),
        pytest.param("The Valdoran Defence Ministry said the border was calm. In Valdor, officials agreed.",
                     "Valdoran Defence Ministry", "Valdora", id="a-capital-shorter-than-the-country"),
    ],
)
def test_side_from_what_the_article_calls_them(nlp, text: str, name: str, side: str):
    assert resolve(text).side_of(name) == side


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param("A Russian-made missile fired by Ukrainian forces hit the depot, Marek Olsen said.",
                     "Marek Olsen", id="russian-made-missile-speaker"),
        pytest.param("Marek Olsen said the missile that hit the depot was Russian-made.", "Marek Olsen",
                     id="russian-made-predicate"),
        pytest.param("US-supplied rockets were fired by Kestrian troops, said Piet Oder. Kestria denied it.",
                     "Piet Oder", id="us-supplied-rockets"),
        pytest.param("Lena Sarto, a Washington-based analyst, said the talks were over.", "Lena Sarto",
                     id="washington-based"),
        pytest.param("Lena Sarto, a local teacher, said the shelling lasted all night.", "Lena Sarto",
                     id="no-evidence"),
        pytest.param("Mara Quill held a phone call with Oleg Varnov, her Russian counterpart, on Tuesday.",
                     "Mara Quill", id="counterparts-side-does-not-leak"),
        pytest.param("Harlan Pike has not spoken with a Russian defense minister since March.", "Harlan Pike",
                     id="object-demonym-does-not-leak"),
        pytest.param("Lena Sarto met Russian officials in Vienna on Monday.", "Lena Sarto", id="met-officials"),
        pytest.param("Lena Sarto, who lives in Moscow, said the shelling lasted all night.", "Lena Sarto",
                     id="lives-in-a-capital"),
        pytest.param("Lena Sarto told the Pentagon the talks were over.", "Lena Sarto", id="told-the-pentagon"),
        pytest.param("Selm officials said the talks were over.", "Selm", id="unknown-town"),
        pytest.param("Lena Sarto, a critic of the Kremlin, said the talks were over.", "Lena Sarto",
                     id="critic-of-the-kremlin"),
        pytest.param("Lena Sarto, a fierce opponent of Moscow, said the talks were over.", "Lena Sarto",
                     id="opponent-of-moscow"),
        pytest.param("Lena Sarto, an analyst in Moscow, said the talks were over.", "Lena Sarto",
                     id="analyst-in-moscow"),
        pytest.param("Lena Sarto, who fled Russia in 2022, said the talks were over.", "Lena Sarto",
                     id="fled-russia"),
        pytest.param("Ivo Brenn told Russian state media the talks were over.", "Ivo Brenn",
                     id="told-russian-media"),
        pytest.param("Ivo Brenn, speaking in Washington, said the talks were over.", "Ivo Brenn",
                     id="speaking-in-washington"),
        pytest.param("Julian Rook said the talks were over.", "Julian Rook", id="first-name-is-not-a-demonym"),
        pytest.param("Christian groups said the talks were over.", "Christian groups",
                     id="christian-is-not-a-nationality"),
        pytest.param("Tarvel's mayor, Ilse Brann, said the talks were over.", "Ilse Brann",
                     id="a-town-owning-a-mayor-is-no-country"),
        pytest.param("Transport Minister Oren Valk said the ferry was safe.", "Oren Valk",
                     id="a-portfolio-is-no-country"),
        pytest.param("Ivo Brenn said the talks were over. Ada Brenn and Brenn, a State Department spokesman, "
                     "left.", "Ivo Brenn", id="shared-surname-gives-nothing"),
    ],
)
def test_no_side_without_evidence(nlp, text: str, name: str):
    assert resolve(text).side_of(name) is None


@pytest.mark.xfail(strict=True, reason="the model attaches the appositive name to 'Kestria', the object of "
                   "'in', so the nationality of 'ambassador' never reaches it")
def test_known_gap_appositive_after_a_place(nlp):
    text = "The Varnian ambassador in Kestria, Ilse Brann, said the talks were over. Varnia sent her."
    assert resolve(text).side_of("Ilse Brann") == "Varnia"


def test_a_russian_made_missile_leaves_the_shooter_ukrainian(nlp):
    text = "A Russian-made missile fired by Ukrainian forces hit the depot, Marek Olsen said."
    resolver = resolve(text)
    start = text.index("Ukrainian forces")
    assert resolver.side_of("Ukrainian forces", start=start, end=start + len("Ukrainian forces")) == UA
    assert resolver.entity_sides()["Marek Olsen"] is None


@pytest.mark.parametrize(
    ("speaker", "phrase", "side"),
    [
        pytest.param("Foreign Ministry", "The ministry", RU, id="the-ministry-of-russia"),
        pytest.param("a witness", "a witness", None, id="unnamed-witness"),
    ],
)
def test_side_of_a_speaker_at_its_offsets(nlp, speaker: str, phrase: str, side: str | None):
    text = "Russia's Foreign Ministry said the strike was planned. The ministry also said a witness saw it."
    start = text.index(phrase)
    assert resolve(text).side_of(speaker, start=start, end=start + len(phrase)) == side


@pytest.mark.parametrize(
    ("text", "overrides", "name", "side"),
    [
        pytest.param("Lena Sarto, a local teacher, said the shelling lasted all night.", {"Lena Sarto": UA},
                     "Lena Sarto", UA, id="override-fills-unknown"),
        pytest.param("Russian Foreign Minister Arkady Velmin said the talks had stalled.",
                     {"Arkady Velmin": "Kestria"}, "Arkady Velmin", "Kestria", id="override-beats-evidence"),
        pytest.param("The Pentagon declined to comment on the report.", {"the pentagon": "Varnia"}, "Pentagon",
                     "Varnia", id="override-key-ignores-case-and-article"),
        pytest.param("Lena Sarto, a local teacher, said the shelling lasted all night.", {"Ivo Brenn": UA},
                     "Lena Sarto", None, id="override-of-someone-else"),
    ],
)
def test_overrides_win(nlp, text: str, overrides: dict[str, str], name: str, side: str | None):
    resolver = resolve(text, **overrides)
    assert resolver.side_of(name) == side
    assert resolver.entity_sides().get(name, side) == side


def test_entity_sides_and_sides_in(nlp):
    text = ("Kestrian President Ilse Brann met Varnian envoy Piet Oder in Selm. Kestria and Varnia signed the "
            "deal. Lena Sarto, a local teacher, watched.")
    resolver = resolve(text)
    sides = resolver.entity_sides()
    assert sides["Ilse Brann"] == "Kestria" and sides["Piet Oder"] == "Varnia"
    assert sides["Lena Sarto"] is None and sides["Selm"] is None
    assert set(sides_in([resolver])) == {"Kestria", "Varnia"}


# ---- the seed article (read from ../shared, never copied; skipped when it is absent) ----------
SEED_SIDES = {
    "Pat Ryder": US, "Defense Department": US, "Pentagon": US,
    "Sergey Lavrov": RU, "Foreign Ministry": RU, "Vladimir Putin": RU, "Moscow": RU, "Defense Ministry": RU,
    "Russian Defense Ministry": RU, "Volodymyr Zelensky": UA, "Ukrainian government": UA,
}


@pytest.fixture(scope="module")
def seed():
    path = ACCEPTANCE / "seed_article.txt"
    if not path.exists():
        pytest.skip("../shared/acceptance is absent")
    text = path.read_text(encoding="utf-8")
    gold = json.loads((ACCEPTANCE / "seed_gold.json").read_text(encoding="utf-8"))
    return text, gold


@pytest.mark.parametrize(("name", "side"), list(SEED_SIDES.items()), ids=list(SEED_SIDES))
def test_seed_sides(nlp, seed, name: str, side: str):
    text, _ = seed
    assert resolve(text).side_of(name) == side


def test_seed_gold_sides_and_no_guess(nlp, seed):
    text, gold = seed
    resolver = resolve(text)
    for name, side in gold["sides"].items():
        assert resolver.side_of(name) == side, name
    assert resolver.side_of("Connor Freeman") is None  # the author: nothing makes him a party


def test_seed_quote_sides(nlp, seed):
    """Through the quote records (skipped while no quote is extracted)."""
    from components.analysis import AnalysisSettings, analyze_doc
    from components.ingest.loaders import Article

    text, gold = seed
    result = analyze_doc(Article(text=text), parse(text), settings=AnalysisSettings())
    expected = [q for q in gold["quotes"] if q.get("side") and not q.get("optional")]
    found = {q["contains"]: next((x for x in result.quotes if q["contains"] in x.text), None) for q in expected}
    if not any(found.values()):
        pytest.skip("no gold quote is extracted yet")
    wrong = {c: (x.speaker, x.side) for c, x in found.items() if x is not None and x.side != next(
        q["side"] for q in expected if q["contains"] == c)}
    assert wrong == {}


# ---- the sample articles' gold sides (written for this project) ---------------------------------
SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"
GOLD = Path(__file__).resolve().parents[2] / "tests" / "gold"
SAMPLE_PATHS = sorted(SAMPLES.glob("*.txt"))


@pytest.fixture(scope="module")
def sample_sides(nlp):
    from components.ingest.loaders import iter_paths

    if not SAMPLE_PATHS:
        pytest.skip("no sample articles")
    found: dict[str, list[tuple[str, str, str | None]]] = {}
    for path, article in zip(SAMPLE_PATHS, iter_paths(SAMPLE_PATHS), strict=True):
        gold = json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8")).get("sides", {})
        doc = parse(article.text)
        resolver = SideResolver(doc, extract_entities(doc))
        found[path.stem] = [(name, side, resolver.side_of(name)) for name, side in gold.items()]
    return found


def test_samples_never_get_a_wrong_side(sample_sides):
    wrong = [(stem, name, want, got) for stem, rows in sample_sides.items() for name, want, got in rows
             if got is not None and got != want]
    assert wrong == []


def test_samples_side_recall_floor(sample_sides):
    """Measured 42 of 90 (the rest stay unknown: "Defence Minister Ilse Varga" says no country)."""
    rows = [row for items in sample_sides.values() for row in items]
    right = sum(got == want for _, want, got in rows)
    assert right / len(rows) >= 0.42, f"{right} of {len(rows)}"


# ---- the country table (no model) ----------------------------------------------------------------
def test_every_row_is_a_real_state_with_one_row():
    import pycountry

    from components.language.lexicon.countries import COUNTRY_ROWS, USER_ASSIGNED_CODES

    codes = [row[0] for row in COUNTRY_ROWS]
    assert len(codes) == len(set(codes))
    assert len(codes) >= 193 + 2 + 3  # UN members, the two observers, Taiwan, Kosovo, Western Sahara
    unknown = [c for c in codes if c not in USER_ASSIGNED_CODES and pycountry.countries.get(alpha_3=c) is None]
    assert unknown == []
    displays = [row[1] for row in COUNTRY_ROWS]
    assert len(displays) == len(set(displays))


def test_no_key_is_claimed_by_two_countries():
    from components.language.lexicon.sides import KEY_CONFLICTS

    assert KEY_CONFLICTS == []


@pytest.mark.parametrize(
    ("key", "code"),
    [
        pytest.param("russian federation", "RUS", id="iso-name-from-pycountry"),
        pytest.param("syrian arab republic", "SYR", id="iso-name-syria"),
        pytest.param("hellenic republic", "GRC", id="official-name-from-pycountry"),
        pytest.param("lao people's democratic republic", "LAO", id="iso-name-laos"),
        pytest.param("viet nam", "VNM", id="iso-spelling-vietnam"),
        pytest.param("vietnam", "VNM", id="news-spelling-vietnam"),
        pytest.param("czechia", "CZE", id="czechia"),
        pytest.param("czech republic", "CZE", id="czech-republic"),
        pytest.param("turkiye", "TUR", id="turkiye-folded"),
        pytest.param("cote d'ivoire", "CIV", id="accents-folded"),
        pytest.param("holland", "NLD", id="holland"),
        pytest.param("u.s.", "USA", id="u-s"),
        pytest.param("america", "USA", id="america"),
        pytest.param("britain", "GBR", id="britain"),
        pytest.param("italians", "ITA", id="plural-demonym"),
        pytest.param("spaniards", "ESP", id="spaniards"),
        pytest.param("spanish", "ESP", id="spanish"),
        pytest.param("dutch", "NLD", id="dutch"),
        pytest.param("greeks", "GRC", id="greeks"),
        pytest.param("iraqis", "IRQ", id="iraqis"),
        pytest.param("sudanese", "SDN", id="sudanese"),
        pytest.param("south sudanese", "SSD", id="south-sudanese"),
        pytest.param("swiss", "CHE", id="swiss"),
        pytest.param("filipinos", "PHL", id="filipinos"),
        pytest.param("philippine", "PHL", id="philippine"),
        pytest.param("afghans", "AFG", id="afghans"),
        pytest.param("emiratis", "ARE", id="emiratis"),
        pytest.param("kremlin", "RUS", id="kremlin"),
        pytest.param("downing street", "GBR", id="downing-street"),
        pytest.param("elysee", "FRA", id="elysee"),
        pytest.param("quai d'orsay", "FRA", id="quai-d-orsay"),
        pytest.param("zhongnanhai", "CHN", id="zhongnanhai"),
        pytest.param("hague", "NLD", id="the-hague"),
        pytest.param("kiev", "UKR", id="kiev"),
        pytest.param("kyiv", "UKR", id="kyiv"),
        pytest.param("pristina", "XKX", id="kosovo-user-assigned-code"),
    ],
)
def test_table_keys(key: str, code: str):
    from components.language.lexicon.sides import SIDE_PHRASES

    assert SIDE_PHRASES[key][0] == code


@pytest.mark.parametrize(
    "key",
    [
        pytest.param("georgia", id="us-state-too"), pytest.param("jordan", id="first-name"),
        pytest.param("chad", id="first-name-chad"), pytest.param("turkey", id="the-bird"),
        pytest.param("indian", id="native-american"), pytest.param("congo", id="two-congos"),
        pytest.param("korean", id="two-koreas"), pytest.param("dominican", id="two-dominicas"),
        pytest.param("new mexico", id="us-state"), pytest.param("english", id="a-language"),
        pytest.param("brussels", id="speaks-for-the-eu"), pytest.param("jersey", id="a-shirt"),
        pytest.param("male", id="maldives-capital-folds-to-a-word"), pytest.param("kiwi", id="a-fruit"),
        pytest.param("latin america", id="a-region"),
    ],
)
def test_ambiguous_words_are_no_key_by_themselves(key: str):
    from components.language.lexicon.sides import SIDE_PHRASES

    assert key not in SIDE_PHRASES


@pytest.mark.parametrize(
    ("code", "display"),
    [("RUS", "Russia"), ("USA", "United States"), ("GBR", "United Kingdom"), ("KOR", "South Korea"),
     ("IRN", "Iran"), ("SYR", "Syria"), ("VNM", "Vietnam"), ("CZE", "Czech Republic"), ("TUR", "Turkey"),
     ("COD", "DR Congo"), ("PSE", "Palestine"), ("TWN", "Taiwan")],
    ids=lambda v: str(v),
)
def test_display_names_are_the_news_forms(code: str, display: str):
    from components.language.lexicon.sides import SIDE_NAMES

    assert SIDE_NAMES[code] == display


def test_the_older_tables_keep_their_shape():
    """components.compare reads these: lowercase key -> display name, and a frozenset."""
    from components.language.lexicon.sides import COUNTRIES, DEMONYMS, SEATS_OF_POWER, STATE_WORDS

    for table in (COUNTRIES, DEMONYMS, SEATS_OF_POWER):
        assert all(k == k.lower() and isinstance(v, str) for k, v in table.items())
    assert isinstance(STATE_WORDS, frozenset)
    assert COUNTRIES["russia"] == COUNTRIES["russian federation"] == "Russia"
    assert COUNTRIES["u.s."] == SEATS_OF_POWER["pentagon"] == DEMONYMS["americans"] == US
    assert DEMONYMS["italian"] == "Italy" and SEATS_OF_POWER["kremlin"] == RU
    # compare takes five-letter stems of these two: no generic first word may become one ("Southport")
    stems = {k[:5] for k in (*COUNTRIES, *DEMONYMS)}
    assert stems.isdisjoint({"south", "north", "saint", "state", "repub", "democ", "great", "weste", "centr"})


@pytest.mark.parametrize(
    ("side", "key"),
    [
        pytest.param("Russia", "RUS", id="display"),
        pytest.param("Russian Federation", "RUS", id="iso-name"),
        pytest.param("the Russian Federation", "RUS", id="with-article"),
        pytest.param("Moscow", "RUS", id="capital"),
        pytest.param("United States", "USA", id="united-states"),
        pytest.param("U.S.", "USA", id="u-s"),
        pytest.param("Élysée", "FRA", id="accented-seat"),
        pytest.param("Jordan", "JOR", id="ambiguous-name-as-a-side"),
        pytest.param("Kestria", "x-kestria", id="invented"),
        pytest.param("Tessaline Union", "x-tessaline-union", id="invented-two-words"),
        pytest.param("Valdora", "x-valdora", id="invented-is-never-real"),
        pytest.param(None, None, id="none"),
        pytest.param("", None, id="empty"),
    ],
)
def test_side_key(side: str | None, key: str | None):
    from components.language.sides import side_key

    assert side_key(side) == key


@pytest.mark.parametrize(
    ("name", "party"),
    [
        pytest.param("Moscow", True, id="capital"), pytest.param("the Kremlin", True, id="seat"),
        pytest.param("SEOUL", True, id="any-case"), pytest.param("Italians", True, id="demonym"),
        pytest.param("Russian Federation", True, id="iso-name"), pytest.param("Georgia", True, id="ambiguous"),
        pytest.param("Russia's", True, id="possessive"),
        pytest.param("Marlow", False, id="a-town"), pytest.param("Kestria", False, id="invented"),
        pytest.param("Russian Defense Ministry", False, id="an-organisation"),
        pytest.param("New Mexico", False, id="a-us-state"), pytest.param("Valdoran", False, id="invented-demonym"),
        pytest.param("Sevastopol", False, id="a-city-that-is-no-capital"),
    ],
)
def test_is_party_name(name: str, party: bool):
    from components.language.sides import is_party_name

    assert is_party_name(name) is party


@pytest.mark.parametrize(
    ("words", "found"),
    [
        pytest.param(["South", "Sudanese", "officials"], [(0, 2, "south sudanese")], id="longest-first"),
        pytest.param(["Sudanese", "officials"], [(0, 1, "sudanese")], id="short"),
        pytest.param(["in", "New", "Mexico"], [(1, 3, "new mexico")], id="a-no-side-phrase-covers-its-words"),
        pytest.param(["Guinea", "-", "Bissau"], [(0, 3, "guinea-bissau")], id="hyphenated"),
        pytest.param(["the", "Élysée", "Palace"], [(1, 3, "elysee palace")], id="accents"),
        pytest.param(["Selm", "officials"], [], id="unknown-town"),
    ],
)
def test_phrase_matches(words: list[str], found: list[tuple[int, int, str]]):
    from components.language.sides import phrase_matches

    assert phrase_matches(words) == found


# ---- real countries in sentences written in the style of wire copy (our own words) ------------
REAL_POSITIVES = [
    ("Italian officials said the cargo ship had been turned away from the port.", "Italian officials", "Italy"),
    ("Brazilian police arrested four men after the raid, a spokesman said.", "Brazilian police", "Brazil"),
    ("Spanish authorities said the wildfire was contained by Sunday evening.", "Spanish authorities", "Spain"),
    ("Dutch prosecutors said the suspect would be charged on Monday.", "Dutch prosecutors", "Netherlands"),
    ("Greek coastguard officials said 40 people were rescued off the island.", "Greek coastguard officials",
     "Greece"),
    ("The Iraqi army said it had retaken the village after two days of fighting.", "Iraqi army", "Iraq"),
    ("The Sudanese health ministry said 12 people had died of cholera.", "Sudanese health ministry", "Sudan"),
    ("South Sudanese officials said the convoy had crossed the border.", "South Sudanese officials",
     "South Sudan"),
    ("South Korean military officials said the launch was detected at dawn.", "South Korean military officials",
     "South Korea"),
    ("Swiss police said the avalanche buried three skiers.", "Swiss police", "Switzerland"),
    ("Filipino coast guard officers said the ferry sank in heavy seas.", "Filipino coast guard officers",
     "Philippines"),
    ("Afghan officials said the earthquake had destroyed hundreds of homes.", "Afghan officials", "Afghanistan"),
    ("Emirati officials said the flight landed safely.", "Emirati officials", "United Arab Emirates"),
    ("The Kremlin said the talks would resume next week.", "Kremlin", RU),
    ("The Elysee said the president would travel to the region.", "Elysee", "France"),
    ("The Élysée Palace said the president would travel to the region.", "Élysée Palace", "France"),
    ("Downing Street said the prime minister had spoken to the families.", "Downing Street", "United Kingdom"),
    ("Zhongnanhai has not commented on the report.", "Zhongnanhai", "China"),
    ("Officials in the Russian Federation said the pipeline was damaged.", "Russian Federation", RU),
    ("Jordan's foreign ministry said the border crossing was closed.", "Jordan", "Jordan"),
    ("Georgian police in Tbilisi said the protest was peaceful.", "Georgian police", "Georgia"),
    ("The minister met his Turkish counterpart in Ankara. Turkey has offered to host the talks.", "Turkey",
     "Turkey"),
    ("Moscow Police said two men were detained.", "Moscow Police", RU),
    ("Chilean President Ana Morel visited Santiago on Monday.", "Santiago", "Chile"),
    ("Greek Prime Minister Nikos Varelas said the fires were under control.", "Nikos Varelas", "Greece"),
    ("A spokesman for the Iraqi interior ministry, Saad Karim, said 14 people died.", "Saad Karim", "Iraq"),
]
REAL_NEGATIVES = [
    ("Michael Jordan scored 30 points as the Bulls won again.", "Michael Jordan"),  # sport
    ("Jordan scored 30 points as the Bulls won again.", "Jordan"),
    ("Chad Pellow, a local farmer, said the river rose overnight.", "Chad Pellow"),  # a person's name
    ("Roast the turkey for three hours and serve it on fine china.", "turkey"),  # a recipe
    ("Turkey should rest for twenty minutes before carving.", "Turkey"),
    ("Georgia voters went to the polls in Atlanta on Tuesday.", "Georgia"),  # a US state
    ("Paris Hilton arrived at the gala on Friday.", "Paris Hilton"),  # model: not PERSON
    ("Denzel Washington said the film was his favourite.", "Denzel Washington"),
    ("Dawn French said the show would return next year.", "Dawn French"),
    ("The storm moved across New Mexico overnight, forecasters said.", "New Mexico"),
    ("Indian tribes in Oklahoma held a meeting on water rights.", "Indian tribes"),
    ("The Dominican friars opened the abbey to visitors.", "Dominican friars"),
    ("Shares of Guinea Mining Ltd fell by 4 percent on Monday.", "Guinea Mining Ltd"),  # business
    ("He told us the shop had closed.", "us"),
    ("Niger Delta militants said they had attacked a pipeline.", "Niger Delta militants"),
    ("Shares in the Washington Post fell after the report.", "Washington Post"),
    ("Santiago Ruiz scored twice as the home side won.", "Santiago Ruiz"),
    ("Victoria Lane, a nurse, said the ward was full.", "Victoria Lane"),
    ("Lena Sarto said the Korean War memorial would reopen.", "Korean War"),
]


def _side_at(text: str, name: str) -> str | None:
    start = text.index(name)
    return resolve(text).side_of(name, start=start, end=start + len(name))


@pytest.mark.parametrize(("text", "name", "side"), REAL_POSITIVES, ids=[n for _, n, _ in REAL_POSITIVES])
def test_real_countries(nlp, text: str, name: str, side: str):
    assert _side_at(text, name) == side


@pytest.mark.parametrize(("text", "name"), REAL_NEGATIVES, ids=[n for _, n in REAL_NEGATIVES])
def test_real_country_words_that_are_no_side_here(nlp, text: str, name: str):
    assert _side_at(text, name) is None


def test_three_spellings_meet(nlp):
    """Two articles that spell a country differently get one key and one display name."""
    texts = ["Russia said the talks had stalled.", "The Russian Federation said the talks had stalled.",
             "Moscow said the talks had stalled."]
    names = ["Russia", "Russian Federation", "Moscow"]
    found = set()
    for text, name in zip(texts, names, strict=True):
        resolver = resolve(text)
        side = resolver.side_of(name)
        found.add((side, resolver.side_key(side)))
    assert found == {(RU, "RUS")}


@pytest.mark.parametrize(
    ("text", "name", "side"),
    [
        pytest.param("Italvan officials said the dam held. Italva has asked for help.", "Italvan officials",
                     "Italva", id="invented-beside-a-real-stem-stays-invented"),
        pytest.param("Austrovan troops crossed the river. Austrova denied it.", "Austrova", "Austrova",
                     id="invented-country-is-not-austria"),
        pytest.param("Italian officials said the ship was turned away.", "Italian officials", "Italy",
                     id="real-demonym-is-not-made-a-country"),
        pytest.param("Brazilian police said the raid was over.", "Brazilian police", "Brazil",
                     id="brazilian-is-not-brazilia"),
    ],
)
def test_invented_and_real_never_cross(nlp, text: str, name: str, side: str):
    from components.language.sides import side_key

    got = _side_at(text, name)
    assert got == side
    assert (side_key(got) or "").startswith("x-") == (side in ("Italva", "Austrova"))


# ---- the held-out articles' gold sides (regression set; see tests/heldout/README.md) -----------
HELDOUT = Path(__file__).resolve().parents[2] / "tests" / "heldout"


@pytest.fixture(scope="module")
def heldout_sides(nlp):
    from components.ingest.loaders import from_path

    found: list[tuple[str, str, str | None]] = []
    for gold_path in sorted(HELDOUT.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = from_path(HELDOUT / gold["article"])
        doc = parse(article.text)
        resolver = SideResolver(doc, extract_entities(doc))
        found += [(name, side, resolver.side_of(name)) for name, side in gold.get("sides", {}).items()]
    if not found:
        pytest.skip("no held-out gold sides")
    return found


def test_heldout_sides_floor(heldout_sides):
    """Measured 17 right and 1 wrong of 48 (an article that names only "Halvanian" gets "Halvania")."""
    right = sum(got == want for _, want, got in heldout_sides)
    wrong = [(name, want, got) for name, want, got in heldout_sides if got is not None and got != want]
    assert right >= 17, f"{right} of {len(heldout_sides)}"
    assert len(wrong) <= 1, wrong


def test_lexicon_phrases_split_as_the_tokenizer_splits_them():
    from components.language.lexicon.sides import AMBIGUOUS_CODES, NOT_SIDE_PHRASES, SIDE_PHRASES, WRITTEN_KEYS
    from components.language.nlp import blank_english
    from components.language.sides import split_name

    tokenizer = blank_english().tokenizer
    for key in (*SIDE_PHRASES, *AMBIGUOUS_CODES, *NOT_SIDE_PHRASES):
        written = WRITTEN_KEYS.get(key, key)
        assert split_name(written) == tuple(t.text for t in tokenizer(written)), written
