"""Quotes and their speakers on the real model: every form of issue 4, negatives beside positives.

All sentences are invented (invented people, places and outlets). A case names the snippet the
quote text must hold, the canonical speaker and the kind.
"""

from __future__ import annotations

import pytest

from components.language.entities import extract_entities
from components.language.nlp import parse
from components.language.quotes import Quote, extract_quotes


def quotes_of(text: str) -> list[Quote]:
    doc = parse(text)
    return extract_quotes(doc, entities=extract_entities(doc))


def holding(quotes: list[Quote], snippet: str) -> list[Quote]:
    return [q for q in quotes if snippet in q.text]


FORMS = [
    # direct, cue after or before, inverted, split
    pytest.param("“We will not retreat from Halden,” Mayor Ilse Varga said on Tuesday.",
                 "We will not retreat from Halden", "Ilse Varga", "direct", id="direct-cue-after"),
    pytest.param("“We will not retreat from Halden,” said Ilse Varga, the mayor of the city.",
                 "We will not retreat from Halden", "Ilse Varga", "direct", id="direct-said-x"),
    pytest.param("Ilse Varga said, “The bridge will reopen next week.”",
                 "The bridge will reopen next week.", "Ilse Varga", "direct", id="direct-cue-before"),
    pytest.param("Ilse Varga told reporters: “We will not give up the old town.”",
                 "We will not give up the old town.", "Ilse Varga", "direct", id="direct-colon"),
    pytest.param("“Never,” Ilse Varga said.", "Never", "Ilse Varga", "direct", id="direct-one-word"),
    pytest.param("« Nous resterons », said Ilse Varga, the mayor of Vesk.",
                 "Nous resterons", "Ilse Varga", "direct", id="direct-guillemets"),
    pytest.param('"We will rebuild the bridge," Ilse Varga said.',
                 "We will rebuild the bridge", "Ilse Varga", "direct", id="direct-straight-quotes"),
    pytest.param("Tomas Brek insisted the bridge was safe, saying “the engineers checked every bolt twice.”",
                 "the engineers checked every bolt twice.", "Tomas Brek", "direct", id="direct-saying"),
    # several sentences, several paragraphs
    pytest.param("Ilse Varga said, “The bridge will reopen next week. The ferries will stop. Nobody will be stranded.”",
                 "The ferries will stop. Nobody will be stranded.", "Ilse Varga", "direct", id="multi-sentence"),
    pytest.param("Mayor Ilse Varga spoke on Monday.\n\n“The bridge will reopen next week,” Varga said. “The ferries "
                 "will stop.\n\n“Nobody will be stranded in the old town.”",
                 "Nobody will be stranded in the old town.", "Ilse Varga", "direct", id="multi-paragraph"),
    pytest.param("Mayor Ilse Varga said the bridge would reopen.\n\n“Nobody will be stranded,” she told the council."
                 "\n\n“We have enough buses for everyone who needs one.”",
                 "We have enough buses for everyone", "Ilse Varga", "direct", id="paragraph-opening-with-quote"),
    # documents and organisations
    pytest.param("A Norlund Interior Ministry statement, however, reads, “The border crossing at Vesk will stay "
                 "closed.”", "The border crossing at Vesk will stay closed.", "Norlund Interior Ministry", "direct",
                 id="document-reads"),
    pytest.param("The Norlund Interior Ministry issued a statement on Friday. The statement continued, "
                 "“Travellers should use the southern crossings instead.”",
                 "Travellers should use the southern crossings", "Norlund Interior Ministry", "direct",
                 id="statement-continued-after-issued"),
    pytest.param("The Norlund Foreign Ministry summoned the envoy. The ministry also stated Halden “has crossed "
                 "every line that was drawn” in the dispute.", "has crossed every line that was drawn",
                 "Norlund Foreign Ministry", "mixed", id="mixed-ministry-also-stated"),
    pytest.param("The Vesk Water Board met on Monday. A spokesman for the board said the reservoir was half empty.",
                 "the reservoir was half empty", "Vesk Water Board", "indirect", id="spokesman-for-the-board"),
    pytest.param("The Norlund Defence Ministry spokesman said the talks were over.",
                 "the talks were over", "Norlund Defence Ministry", "indirect", id="ministry-spokesman"),
    pytest.param("The council said in a statement that the border would stay closed.",
                 "the border would stay closed", "council", "indirect", id="said-in-a-statement-that"),
    pytest.param("The Vesk Water Board published a report in March. The board's report said repairs would take a "
                 "decade.", "repairs would take a decade", "Vesk Water Board", "indirect", id="board-s-report"),
    # indirect
    pytest.param("Tomas Brek said that the harvest had been poor.", "the harvest had been poor", "Tomas Brek",
                 "indirect", id="indirect-said-that"),
    pytest.param("Tomas Brek said the harvest had been poor.", "the harvest had been poor", "Tomas Brek",
                 "indirect", id="indirect-said-no-that"),
    pytest.param("The Halden council claimed the dam was sabotaged, adding that the culprits were known.",
                 "the culprits were known", "Halden Council", "indirect", id="adding-second-quote"),
    pytest.param("General Anna Lind told reporters the brigade had withdrawn from the valley.",
                 "the brigade had withdrawn from the valley", "Anna Lind", "indirect", id="told-reporters"),
    pytest.param("Tomas Brek warned that prices would rise again in the spring.",
                 "prices would rise again in the spring", "Tomas Brek", "indirect", id="warned-that"),
    pytest.param("Tomas Brek denied that his office had approved the sale of the land.",
                 "his office had approved the sale", "Tomas Brek", "indirect", id="denied"),
    pytest.param("The Vesk city council announced the market would close early on Sundays.",
                 "the market would close early", "Vesk City Council", "indirect", id="announced"),
    pytest.param("Tomas Brek acknowledged that the vote had been rushed.", "the vote had been rushed",
                 "Tomas Brek", "indirect", id="acknowledged"),
    pytest.param("Transport Minister Jonas Eklund announced $40 million in new funding for the ferries.",
                 "$40 million in new funding", "Jonas Eklund", "indirect", id="announced-a-figure"),
    pytest.param("Governor Hanne Dalby warned residents not to return until the engineers had finished.",
                 "not to return until the engineers had finished", "Hanne Dalby", "indirect", id="warned-not-to"),
    pytest.param("According to the Norlund Interior Ministry, twelve soldiers were wounded in the attack.",
                 "twelve soldiers were wounded in the attack", "Norlund Interior Ministry", "indirect",
                 id="according-to-first"),
    pytest.param("Twelve soldiers were wounded in the attack, according to the Norlund Interior Ministry.",
                 "Twelve soldiers were wounded in the attack", "Norlund Interior Ministry", "indirect",
                 id="according-to-last"),
    pytest.param("Halden has repeatedly stated that the river belongs to both nations.",
                 "the river belongs to both nations", "Halden", "indirect", id="capital-as-speaker"),
    pytest.param("Valdora holds about 700 prisoners, Kestrian officials say, while Kestria holds 450.",
                 "Valdora holds about 700 prisoners", "Kestrian officials", "indirect", id="parenthetical-say"),
    pytest.param("Tomas Brek said the “terrorist” attack was planned abroad.", "attack was planned abroad",
                 "Tomas Brek", "indirect", id="one-word-scare-quote-stays-indirect"),
    # mixed
    pytest.param("Tomas Brek warned the council “should be ready for a long and cold winter.”",
                 "should be ready for a long and cold winter", "Tomas Brek", "mixed", id="mixed-warned-object"),
    pytest.param("Ilse Varga said the plan was “a disaster for everyone living near the river.”",
                 "a disaster for everyone living near the river", "Ilse Varga", "mixed", id="mixed-said"),
    pytest.param("Ilse Varga said the talks were “still alive” despite the walkout.", "still alive", "Ilse Varga",
                 "mixed", id="mixed-two-words"),
    pytest.param("President Aurel Dane warned that “patience is not the same as weakness.”",
                 "patience is not the same as weakness", "Aurel Dane", "mixed", id="mixed-warned-that"),
    pytest.param("Tomas Brek called the proposal “a betrayal of the farmers of Vesk.”",
                 "a betrayal of the farmers of Vesk", "Tomas Brek", "mixed", id="mixed-no-reporting-verb"),
    # speakers resolved
    pytest.param("Tomas Brek, the Norlund defence minister, arrived in Vesk on Monday. He said the army would "
                 "stay in its barracks.", "the army would stay in its barracks", "Tomas Brek", "indirect",
                 id="pronoun-he"),
    pytest.param("Marit Holm and Tomas Brek met on Monday. Mr. Brek said the vote was fair. Ms. Holm disagreed. "
                 "She said the vote was rigged.", "the vote was rigged", "Marit Holm", "indirect",
                 id="pronoun-she-by-honorific"),
    pytest.param("The Norlund government said the talks would resume. It added that no date had been set.",
                 "no date had been set", "Norlund government", "indirect", id="pronoun-it"),
    pytest.param("Defence Minister Tomas Brek met farmers on Monday. The minister told them the subsidies would "
                 "continue.", "the subsidies would continue", "Tomas Brek", "indirect", id="the-minister"),
    pytest.param("The Norlund Interior Ministry opened an inquiry. The ministry said the inquiry would take a month.",
                 "the inquiry would take a month", "Norlund Interior Ministry", "indirect", id="the-ministry"),
    pytest.param("The Ministry of Agriculture criticised the plan. The ministry said farmers had already cut "
                 "their use.", "farmers had already cut their use", "Ministry of Agriculture", "indirect",
                 id="the-ministry-of-x"),
    pytest.param("The Vesk foreign ministry said the envoy had been recalled.", "the envoy had been recalled",
                 "Vesk Foreign Ministry", "indirect", id="lowercase-ministry-capitalised"),
    pytest.param("Maj. Gen. Tomas Brek said the convoy had reached Vesk.", "the convoy had reached Vesk",
                 "Tomas Brek", "indirect", id="title-stripped"),
    pytest.param("Defence Minister Tomas Brek visited the port. Later, Brek said the navy would buy two ships.",
                 "the navy would buy two ships", "Tomas Brek", "indirect", id="surname-to-full-name"),
    pytest.param("Kremlin spokesman Dmitri Orlov said the talks were over. “It is finished,” the spokesman said.",
                 "It is finished", "Dmitri Orlov", "direct", id="the-spokesman-by-role"),
    pytest.param("Its head, Deputy Foreign Minister Anton Selvar, told reporters the shelling had stopped.",
                 "the shelling had stopped", "Anton Selvar", "indirect", id="named-in-apposition"),
    pytest.param("A ministry source said the convoy had turned back.", "the convoy had turned back",
                 "ministry source", "indirect", id="unnamed-source"),
    # claims and accusations reported through an object
    pytest.param("Harbour Minister Jonas Eklund accused the Norlund navy of mining the channel at night.",
                 "of mining the channel", "Jonas Eklund", "indirect", id="accused-x-of"),
    pytest.param("Halden has rejected claims that its drones struck the grain silos.",
                 "its drones struck the grain silos", "Halden", "indirect", id="rejected-claims-that"),
    pytest.param("Tomas Brek admitted the count was late, but he repeated his claim that the ballots were forged.",
                 "the ballots were forged", "Tomas Brek", "indirect", id="repeated-his-claim-that"),
    # speakers the tagger misses or mislabels, named by their context
    pytest.param("“The hull is torn along the port side,” Capt. Mira Holt, the harbour commander, said, “and we will "
                 "not guess at the cause.”", "The hull is torn along the port side", "Mira Holt", "direct",
                 id="split-quote-title-split-off"),
    pytest.param("Governor Ilse Varnak of Tavrin region announced that the region would close its schools.",
                 "would close its schools", "Ilse Varnak", "indirect", id="name-hung-on-a-noun"),
    pytest.param("The observatory's director, Nadia Fennimore, spoke first. “It will be seventeen or eighteen,” she "
                 "said.", "It will be seventeen or eighteen", "Nadia Fennimore", "direct",
                 id="appositive-makes-a-person"),
    pytest.param("Tomas Brek spoke to the council on Monday.\n\nHalina Rusk's husband, a driver, is still missing. "
                 "“They keep telling me to be patient,” she said.", "They keep telling me to be patient",
                 "Halina Rusk", "direct", id="pronoun-to-the-person-of-its-paragraph"),
    pytest.param("The harbour master spoke first. Among the survivors was Petra Ilvesh, 34, a teacher from Vesk. She "
                 "said the ship shuddered “as if something had punched it from below.”", "as if something had punched",
                 "Petra Ilvesh", "mixed", id="pronoun-to-the-subject-with-an-age"),
]


@pytest.mark.parametrize(("text", "snippet", "speaker", "kind"), FORMS)
def test_form(text: str, snippet: str, speaker: str, kind: str) -> None:
    found = holding(quotes_of(text), snippet)
    assert found, f"no quote holds {snippet!r}"
    quote = found[0]
    assert (quote.speaker, quote.kind) == (speaker, kind)
    # the content is the statement alone: no cue, no speaker, no edge quotation marks
    assert not quote.cue or quote.cue.split()[0] not in quote.text.split()[:1]
    assert not quote.speaker_text or f" {quote.speaker_text} " not in f" {quote.text} "
    if kind == "direct":
        assert quote.text[0] not in "“\"«" and quote.text[-1] not in "”\"»"


NEGATIVES = [
    pytest.param("The so-called “peace plan” failed within a week.", id="scare-quote"),
    pytest.param("Under the said agreement, both parties must withdraw their troops.", id="the-said-agreement"),
    pytest.param("Troops launched “Operation Iron Lantern” at dawn on Sunday.", id="operation-name"),
    pytest.param("Critics praised “The Long Road to Halden” when it appeared last year.", id="book-title"),
    pytest.param("The farmers don”t expect rain before the harvest.", id="mark-inside-a-word"),
    pytest.param("The bridge over the Vesk river was closed for repairs on Monday.", id="no-cue"),
    pytest.param("The shop sign read “closed” all week, and the owners were away.", id="sign-read"),
    pytest.param("Tomas Brek refused to say whether the talks would resume.", id="refused-to-say"),
    pytest.param("Tomas Brek did not say whether the talks would resume.", id="did-not-say"),
    pytest.param("It was announced that the market would close.", id="passive-no-speaker"),
    pytest.param("Following the strike on the depot, Halden has vowed a response.", id="vowed-an-object"),
    pytest.param("The Halden council denied the accusation.", id="denied-a-bare-object"),
    pytest.param("Asked whether the farms would be spared, the mayor smiled.", id="asked-whether"),
    pytest.param("Tomas Brek told reporters about the call during a briefing.", id="told-about"),
    pytest.param("The Vesk council rejected the plan on Tuesday.", id="rejected-a-plan"),
    pytest.param("Tomas Brek dismissed the rumours as nonsense.", id="dismissed-without-that-clause"),
    pytest.param("Police charged the driver with dangerous driving.", id="charged-with-an-offence"),
    pytest.param("The collapse was blamed on the storm.", id="blamed-in-the-passive"),
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_quote(text: str) -> None:
    assert quotes_of(text) == []


COUNTS = [
    pytest.param("“The bridge will reopen,” Ilse Varga said, “but only for buses and ambulances.”", 1,
                 id="split-quote-is-one"),
    pytest.param("A Norlund Interior Ministry statement reads, “The border will stay closed. Patrols will double.” "
                 "The statement continued, “Travellers should use the southern crossings.”", 2,
                 id="statement-continued-is-a-second-record"),
    pytest.param("The Halden council claimed the dam was sabotaged, adding that the culprits were known.", 2,
                 id="claimed-adding-two-records"),
    pytest.param('"We will rebuild the bridge," Ilse Varga said. "It will take a year."', 1,
                 id="uncued-next-sentence-joins"),
    pytest.param("Officials said twelve people died, according to the mayor's office.", 1,
                 id="one-content-two-cues-is-one"),
]


@pytest.mark.parametrize(("text", "count"), COUNTS)
def test_record_count(text: str, count: int) -> None:
    quotes = quotes_of(text)
    assert len(quotes) == count
    assert len({q.speaker for q in quotes}) == 1


ARTICLE = (
    "Port Workers Strike in Selden\n\n"
    "Harbour workers in Port Selden walked off the job on Thursday, the dockers' union said.\n\n"
    "\"We have been patient for eighteen months,\" union leader Marit Holm told a rally. \"Patience does not pay "
    "the rent.\"\n\n"
    "“The port will stay open,” the Selden Port Authority said, “and ships will be diverted to Kastel.”\n\n"
    "Transport Minister Jonas Eklund urged both sides to return to the table. The minister warned that a long "
    "stoppage “would hurt every family on the coast,” adding that the government would not intervene yet.\n\n"
    "Holm dismissed the offer. She said the union would meet again on Monday.\n"
)


@pytest.fixture(scope="module")
def article_quotes() -> list[Quote]:
    return quotes_of(ARTICLE)


def test_offsets_point_at_the_text(article_quotes: list[Quote]) -> None:
    assert len(article_quotes) >= 6
    for q in article_quotes:
        pieces = q.parts or ((q.start, q.end),)
        # the pieces of a split quotation keep the comma they ended with inside the marks
        joined = " ".join(ARTICLE[a:b] for a, b in pieces)
        assert joined.replace(",", "").replace(" ", "") == q.text.replace(",", "").replace(" ", "")
        assert q.start == pieces[0][0] and q.end == pieces[-1][1]
        assert q.sentence_start <= q.start and q.end <= q.sentence_end
        if q.speaker_start is not None:
            assert ARTICLE[q.speaker_start : q.speaker_end] == q.speaker_text


def test_article_speakers_and_kinds(article_quotes: list[Quote]) -> None:
    got = [(q.speaker, q.kind, q.speaker_type) for q in article_quotes]
    assert got == [
        ("dockers' union", "indirect", "organisation"),
        ("Marit Holm", "direct", "person"),
        ("Selden Port Authority", "direct", "organisation"),
        ("Jonas Eklund", "indirect", "person"),
        ("Jonas Eklund", "mixed", "person"),
        ("Jonas Eklund", "indirect", "person"),
        ("Marit Holm", "indirect", "person"),
    ]
    split = article_quotes[2]
    assert len(split.parts) == 2 and split.text == "The port will stay open, and ships will be diverted to Kastel."


def test_to_dict_round_trip(article_quotes: list[Quote]) -> None:
    data = article_quotes[0].to_dict()
    assert {"speaker", "speaker_text", "speaker_type", "cue", "kind", "text", "start", "end", "side"} <= set(data)
    assert data["side"] is None


# --- the frames of lexicon/frames.py, and forms of wire copy: each with a sentence it must not read -----
# Sentences written for these tests in the style of wire copy; invented people and places.

FRAME_CASES = [
    pytest.param("The golf industry, Ms. Dana Rook said, is doing better than expected.",
                 "The golf industry is doing better than expected", "Dana Rook", "indirect", id="cue-set-off-inside"),
    pytest.param("Defence Minister Tomas Brek described the attack as a war crime.", "the attack as a war crime",
                 "Tomas Brek", "indirect", id="describe-as"),
    pytest.param("Senator Ilse Varga called the vote a farce.", "the vote a farce", "Ilse Varga", "indirect",
                 id="call-it"),
    pytest.param("Senator Tomas Brek called for a ceasefire in the north.", "a ceasefire in the north", "Tomas Brek",
                 "indirect", id="call-for"),
    pytest.param("The Civic Harm Observatory expressed fears that the toll could still rise.",
                 "fears that the toll could still rise", "Civic Harm Observatory", "indirect", id="claim-object"),
    pytest.param("Defence Minister Tomas Brek condemned the strike as a war crime.", "the strike as a war crime",
                 "Tomas Brek", "indirect", id="judgement"),
    pytest.param("Moscow vowed to retaliate against the strikes.", "to retaliate against the strikes", "Moscow",
                 "indirect", id="pledge"),
    pytest.param("Prime Minister Lena Sarto believes the deal will hold.", "the deal will hold", "Lena Sarto",
                 "indirect", id="belief-of-a-named-speaker"),
    pytest.param("The UN inquiry found that both sides had shelled the town.", "both sides had shelled the town",
                 "UN", "indirect", id="finding-of-a-document"),
    pytest.param("As per sources, four more soldiers are in a critical condition.",
                 "four more soldiers are in a critical condition", "sources", "indirect", id="as-per"),
    pytest.param("The stampede also left at least 805 people injured, according to the civil defence directorate.",
                 "The stampede also left at least 805 people injured", "Civil Defence Directorate", "indirect",
                 id="according-to-over-a-complement"),
    pytest.param("'It is a tragedy,' the governor said.", "It is a tragedy", "governor", "direct",
                 id="single-quotation-marks"),
    pytest.param("“Take them to another health centre,” a security officer shouted.",
                 "Take them to another health centre", "security officer", "direct", id="shouted"),
    pytest.param("Pakistan's private Aaj television reported a death toll of more than 25,000.",
                 "a death toll of more than 25,000", "Aaj television", "indirect", id="a-broadcaster-speaks"),
    pytest.param("The Directorate for Civil Defense said 863 more pilgrims have been injured.",
                 "863 more pilgrims have been injured", "Directorate for Civil Defense", "indirect",
                 id="a-name-the-tagger-cut-short"),
    pytest.param("Phoenix police received a call about shots fired, according to a statement released Monday.",
                 "Phoenix police received a call about shots fired", "Phoenix police", "indirect",
                 id="a-statement-of-the-body-the-sentence-is-about"),
    pytest.param('Ilse Varga spoke first. "We will rebuild," she said, "and we will return."',
                 "We will rebuild, and we will return", "Ilse Varga", "direct", id="split-quote-keeps-its-comma"),
    pytest.param("KOROVA, Valdoria (AP) — Interior Minister Hana Voss said on Sunday that the bridge would reopen.",
                 "the bridge would reopen", "Hana Voss", "indirect", id="dateline-is-no-speaker"),
    pytest.param("LISBON -- President Ana Sousa, opening the new harbour on Friday, said it would serve the region.",
                 "it would serve the region", "Ana Sousa", "indirect", id="bare-dateline-of-the-first-paragraph"),
    pytest.param("Maria Lopez said after the vote she would not accept the council's offer.",
                 "she would not accept the council's offer", "Maria Lopez", "indirect",
                 id="a-reported-clause-parsed-as-an-adverbial"),
    pytest.param("Maria Lopez: We will rebuild the harbour\n\nThe mayor, Maria Lopez, told reporters on Monday that "
                 "the port had been badly damaged.", "We will rebuild the harbour", "Maria Lopez", "indirect",
                 id="headline-name-and-colon"),
    pytest.param("Lopez: 'We will rebuild the harbour'\n\nThe mayor, Maria Lopez, told reporters on Monday that the "
                 "port had been badly damaged.", "We will rebuild the harbour", "Maria Lopez", "direct",
                 id="headline-surname-and-colon"),
    pytest.param("Polls show a close race in the province.", "a close race in the province", "Polls", "indirect",
                 id="what-polls-show"),
    pytest.param("A 2019 study by the Valdoran health institute found 31 cases of fraud among a million ballots.",
                 "31 cases of fraud", "health institute", "indirect", id="what-a-study-found"),
    pytest.param("“The campaign is in panic mode. Full panic mode,” said Leslie Wimes, a Miami organiser.",
                 "Full panic mode", "Leslie Wimes", "direct", id="quoted-words-before-the-cue-are-no-subject"),
    pytest.param("Maria Lopez spoke on Monday.\n\n\"It feels like, 'Meh, we can put this off a little,'\" she said.",
                 "we can put this off", "Maria Lopez", "direct", id="a-name-inside-the-quote-is-not-she"),
]


@pytest.mark.parametrize(("text", "snippet", "speaker", "kind"), FRAME_CASES)
def test_frames(text: str, snippet: str, speaker: str, kind: str) -> None:
    found = holding(quotes_of(text), snippet)
    assert found, [q.to_dict() for q in quotes_of(text)]
    assert speaker in found[0].speaker and found[0].kind == kind, found[0].to_dict()


FRAME_NEGATIVES = [
    pytest.param("The rebels are said to have fled across the border.", id="is-said-to-names-nobody"),
    pytest.param("She called her mother on Sunday.", id="calling-someone-is-no-call-it"),
    pytest.param("Residents praised the rescuers.", id="unnamed-judges-are-no-source"),
    pytest.param("Many believe the deal will fail.", id="unnamed-believers"),
    pytest.param("The officials refused to comment.", id="refusing-to-comment-says-nothing"),
    pytest.param("Lawmakers killed the bill after a short debate.", id="killing-a-bill"),
    pytest.param("The soldiers' families met the envoy on Monday.", id="an-apostrophe-opens-no-quote"),
    pytest.param("The corridor, which both governments agreed to keep clear, was mined.",
                 id="an-agreement-is-no-quote"),
    pytest.param("No one can credibly claim they saw the fire start.", id="no-one-says"),
    pytest.param("Nobody said the bridge was safe.", id="nobody-says"),
    pytest.param("None of the officials said when the road would reopen.", id="none-of-them-says"),
    pytest.param("No official confirmed the toll.", id="no-official-confirms"),
    pytest.param("Firms reporting losses this year will pay less tax.", id="a-participle-that-sorts-a-noun"),
    pytest.param("The minister said goodbye, her voice breaking.", id="said-goodbye-with-an-absolute-phrase"),
    pytest.param("The minister said, her voice trembling.", id="an-absolute-phrase-is-no-clause"),
    pytest.param("The mayor said so when he left the hall.", id="said-so-when"),
    pytest.param("Police found 12 bodies in the rubble.", id="finding-bodies-is-no-statement"),
    pytest.param("The port authority offered divers and a crane to help raise the ferry.",
                 id="an-offer-of-things-is-no-pledge"),
    pytest.param("ISLAMABAD: The road to the north reopened on Monday.", id="a-dateline-with-a-colon"),
    pytest.param("Update: The bridge over the Vesk has reopened.", id="an-update-label"),
    pytest.param("The aid came from two donors: Maria Lopez and Tomas Brek.", id="names-after-a-colon"),
]


def test_a_cue_that_opens_the_next_clause_is_not_set_off_inside_it() -> None:
    """"..., local officials said, most of whom fled ...": the statement is the clause before the cue."""
    found = quotes_of("The fighting displaced about 400 residents of Tarn, local officials said, most of whom fled "
                      "to Hollin.")
    assert [q.text for q in found] == ["The fighting displaced about 400 residents of Tarn"]


@pytest.mark.parametrize("text", FRAME_NEGATIVES)
def test_frame_negatives(text: str) -> None:
    assert quotes_of(text) == [], [q.to_dict() for q in quotes_of(text)]


CLOSED_GAPS = [
    # a known first name tells the pronoun's person, and makes a name the tagger called ORG a person
    pytest.param("Ilse Varga, the mayor of Vesk, spoke first. Tomas Brek followed her. She said the vote was rigged.",
                 "the vote was rigged", "Ilse Varga", id="she-is-the-woman-by-her-first-name"),
    pytest.param("Tomas Brek spoke first. Ilse Varga followed him. He said the vote was rigged.",
                 "the vote was rigged", "Tomas Brek", id="he-is-the-man-by-his-first-name"),
    pytest.param("Before the vote, Ilse Varga said, “The bridge will reopen next week.”",
                 "The bridge will reopen next week.", "person", id="a-first-name-makes-a-person"),
    pytest.param("Before the vote, Varga Holdings said, “The bridge will reopen next week.”",
                 "The bridge will reopen next week.", "organisation", id="no-first-name-stays-an-organisation"),
]


@pytest.mark.parametrize(("text", "snippet", "expected"), CLOSED_GAPS)
def test_closed_gaps(text: str, snippet: str, expected: str) -> None:
    found = holding(quotes_of(text), snippet)
    assert found and expected in (found[0].speaker, found[0].speaker_type), [q.to_dict() for q in found]


KNOWN_GAPS = [
    pytest.param("“We will win.” Ilse Varga said it twice.", "We will win.", "Ilse Varga",
                 marks=pytest.mark.xfail(strict=True, reason="a quotation closed with a full stop is not "
                                         "attributed to a cue in the next sentence"), id="gap-cue-after-full-stop"),
]


@pytest.mark.parametrize(("text", "snippet", "expected"), KNOWN_GAPS)
def test_known_gaps(text: str, snippet: str, expected: str) -> None:
    found = holding(quotes_of(text), snippet)
    assert found and expected in (found[0].speaker, found[0].speaker_type)
