"""Word lists for quotes: reporting verbs and nouns, speaker nouns, pronouns, quotation marks.

Everything is lowercase data (lemmas for verbs and nouns); :mod:`components.language.quotes` holds the
logic. The lists are written for English news prose and can be extended freely: a new reporting
verb here is enough for the extractor to use it.
"""

from __future__ import annotations

# Verbs that report speech or writing. A verb from this list is a cue when it governs a clause
# ("said (that) ...") or a quotation in a direct frame ("..., she said"). Lemmas.
REPORTING_VERBS: frozenset[str] = frozenset(
    """
    say tell state claim deny announce acknowledge add warn insist argue assert allege admit
    confirm explain note report write declare stress emphasize emphasise maintain suggest
    predict promise vow pledge threaten demand urge reply respond answer ask comment remark
    observe reiterate repeat contend concede complain boast estimate disclose reveal recall assure
    caution counter tweet post mention indicate conclude testify charge accuse affirm proclaim
    recount agree disagree dispute rebut retort protest object underline highlight signal hint
    forecast speculate concur lament inform publish brief shout yell scream exclaim whisper plead quip chant
    """.split()
)

# Verbs of belief and intent that attribute a claim through their clause: "the prime minister
# believes the deal will hold". Weak cues: they report only for a named speaker ("many believe"
# is nobody's statement).
BELIEF_VERBS: frozenset[str] = frozenset("believe think hope fear expect doubt worry feel suspect".split())

# Verbs that are cues only in a direct frame, right beside a quotation, and only when the speaker
# is a person, an organisation, a place or a document: "The statement continued, "..."",
# "A ministry statement reads, "..."". Elsewhere they are ordinary verbs ("she reads a book").
FRAME_ONLY_VERBS: frozenset[str] = frozenset({"read", "continue", "go", "begin", "start", "open", "end"})

# Cues that also take things for subjects ("the timing suggested ...", "the data indicate ..."):
# they report speech only when the speaker resolves to a person, organisation, place or document.
WEAK_CUES: frozenset[str] = frozenset(
    {"suggest", "indicate", "signal", "hint", "highlight", "underline", "predict", "estimate", "show", "find"}
)

# A cue governed by one of these verbs reports nothing yet ("refused to say", "declined to comment").
NON_ASSERTIVE_GOVERNORS: frozenset[str] = frozenset(
    {"refuse", "decline", "fail", "want", "plan", "expect", "hope", "try", "need", "wish", "intend"}
)

# A subject that names nobody reports nothing: "no one can credibly state ...", "nobody said ...",
# "none of the officials confirmed ...". The words, and the determiner that makes a noun nobody.
NOBODY_WORDS: frozenset[str] = frozenset({"nobody", "none", "noone", "no-one", "neither"})
NOBODY_DETERMINERS: frozenset[str] = frozenset({"no", "neither"})

# Verbs that report an order or a warning with an object and an infinitive: "warned residents
# not to return", "urged citizens to stay indoors"; the infinitive clause is the content.
DIRECTIVE_VERBS: frozenset[str] = frozenset(
    {"warn", "urge", "tell", "ask", "order", "instruct", "advise", "call", "appeal", "implore", "beg"}
)

# Verbs whose noun-phrase object is itself a statement, when that object carries a figure or a
# few words: "announced $4 million in aid", "confirmed the deaths of 12 soldiers". A bare
# "denied the accusation" is no statement.
NP_STATEMENT_VERBS: frozenset[str] = frozenset({"announce", "confirm", "report", "acknowledge", "admit", "deny"})
MIN_NP_STATEMENT_WORDS = 5

# Nouns for a claim that a "that" clause spells out: a verb with one as its object reports the
# claim ("repeated his claim that ...", "rejected claims that ..."): the object is the content.
CLAIM_NOUNS: frozenset[str] = frozenset(
    """
    claim accusation allegation assertion charge suggestion insistence assurance denial warning fear
    concern hope doubt worry belief confidence view expectation
    """.split()
)
# Verbs that are cues only with such a claim as their object, or in the accusation frame below:
# "Aubrecht has rejected claims that its navy mined the lake" (a bare "rejected the plan" reports
# nothing; "blamed the storm for the collapse" does).
CLAIM_ONLY_VERBS: frozenset[str] = frozenset("reject dismiss refute rebuff renew brush blame express voice".split())
# Verbs that describe something as something: "described the attack as a war crime" (a cue only
# in that frame).
DESCRIBE_VERBS: frozenset[str] = frozenset("describe characterize characterise portray depict brand label".split())
# Verbs that judge what they take as object: "the minister condemned the strike", "criticized the
# plan as reckless" (cues only in that frame, and only for a named speaker).
JUDGING_VERBS: frozenset[str] = frozenset(
    "condemn criticize criticise denounce praise hail welcome slam blast decry applaud commend endorse".split()
)
# Prepositions after a judged object that say what for: "criticized the plan as reckless", "for the delay".
JUDGING_PREPS: frozenset[str] = frozenset({"as", "for", "over"})
# Verbs that name what they take as object: "called the vote a farce", "dubbed it a betrayal".
NAMING_VERBS: frozenset[str] = frozenset({"call", "brand", "label", "dub", "term"})
# Verbs that commit to an act, reported through their infinitive: "vowed to retaliate", "pledged
# to rebuild the port" (the infinitive is the content). Agreeing and planning are acts, not words.
PLEDGE_VERBS: frozenset[str] = frozenset("pledge promise vow threaten offer propose".split())
# Verbs of evidence whose subject is a study, a poll or a record: "a poll shows that ...", "the
# inquiry found that ..." (weak cues: reported only for a named or document speaker).
FINDING_VERBS: frozenset[str] = frozenset({"show", "find"})
# Verbs that call for something: "the opposition called for a ceasefire" (a cue only in that frame).
CALL_FOR_VERBS: frozenset[str] = frozenset({"call", "appeal", "press", "push", "clamour", "clamor"})

# Verbs that report an accusation through a preposition: "accused the Union of laying the mine",
# "blamed the storm for the collapse": the object and the prepositional phrase are the content.
ACCUSATION_PREPS: dict[str, frozenset[str]] = {
    "accuse": frozenset({"of"}),
    "blame": frozenset({"for", "on"}),
}

# Verbs whose passive subject is the speaker ("Brek was quoted as saying ...").
PASSIVE_SPEAKER_VERBS: frozenset[str] = frozenset({"quote", "cite"})

# Nouns for a written or recorded statement: as a subject they make the speaker a document, and
# the organisation inside the phrase is who speaks ("A ministry statement reads ...").
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    """
    statement report communique communiqué release letter memo memorandum note declaration document
    post tweet message notice bulletin transcript readout decree resolution email filing
    complaint ruling verdict summary editorial announcement circular dispatch assessment
    poll survey study analysis audit inquiry investigation census review
    """.split()
)

# Determiners that introduce a document not named before ("a statement", "some reports").
INDEFINITE_DETERMINERS: frozenset[str] = frozenset({"a", "an", "some", "any", "several", "many", "other", "another"})

# Nouns for the occasion of speaking: "said in a statement that ...", "told in an interview that".
MEDIUM_NOUNS: frozenset[str] = DOCUMENT_NOUNS | frozenset(
    """
    interview speech address briefing video broadcast remarks conference appearance podcast
    hearing session meeting call
    """.split()
)

# People who speak for an organisation: "a spokesman for the ministry" is the ministry.
SPOKESPERSON_NOUNS: frozenset[str] = frozenset(
    "spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople representative representatives".split()
)

# Unnamed people inside an organisation: "a ministry source" stays a source, named after the
# organisation ("Defence Ministry source"), never the organisation itself.
SOURCE_NOUNS: frozenset[str] = frozenset(
    "source sources official officials aide aides insider insiders staffer staffers employee employees".split()
)

# Nouns that name a person by role: "the minister" is the earlier person called minister.
PERSON_ROLE_NOUNS: frozenset[str] = frozenset(
    """
    minister secretary president premier chancellor king queen prince emir sultan sheikh
    spokesman spokeswoman spokesperson ambassador envoy senator governor mayor chief commander
    general colonel major captain admiral marshal commissioner director chairman chairwoman chair
    judge prosecutor attorney leader head officer adviser advisor counterpart lawmaker legislator
    deputy diplomat negotiator mediator monarch pope bishop
    """.split()
)

# Head nouns of organisations: "the ministry", "the Halden government", "the army".
ORG_HEAD_NOUNS: frozenset[str] = frozenset(
    """
    ministry department government office agency army military police council committee commission
    embassy kremlin cabinet parliament administration authorities authority company firm group union
    court party coalition alliance command headquarters service bureau directorate staff mission
    delegation presidency secretariat navy force forces guard regime junta senate congress assembly
    organisation organization institute foundation association federation league center centre
    television radio broadcaster newspaper channel network station tabloid magazine wire
    """.split()
)

# Organisation heads that are written capitalised as part of a name: "the foreign ministry"
# becomes "Foreign Ministry"; "the Halden government" stays as written.
CAPITALISED_ORG_HEADS: frozenset[str] = frozenset(
    {"ministry", "department", "office", "agency", "council", "committee", "commission", "embassy",
     "bureau", "directorate", "command", "secretariat", "presidency"}
)

# Pronoun -> (what it can point to, gender). "person" points to people, "group" to
# organisations, places, documents and plural speakers.
PRONOUNS: dict[str, tuple[str, str | None]] = {
    "he": ("person", "m"),
    "she": ("person", "f"),
    "it": ("group", None),
    "they": ("group", None),
}

# First and second person outside a quotation: the writer or the reader, never a reported speaker.
WRITER_PRONOUNS: frozenset[str] = frozenset({"i", "we", "you", "me", "us"})

# Relative pronouns: "the general, who said ..." is the general.
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "that", "whom"})

# Words before a name that make it a person's name even when the tagger says organisation.
PERSONAL_TITLES: frozenset[str] = PERSON_ROLE_NOUNS | frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "gen", "col", "maj", "capt", "lt",
     "sgt", "adm", "rev", "sen", "rep", "gov", "pres"}
)

# Roles in which a name is what a sentence is about: a pronoun in the next sentence points to it.
SALIENT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "ROOT"})

# Honorifics that tell a person's gender.
HONORIFIC_GENDER: dict[str, str] = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "father": "m",
    "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "dame": "f", "lady": "f", "queen": "f",
    "princess": "f", "sister": "f", "chairwoman": "f", "spokeswoman": "f",
}

# Phrases that introduce a source rather than a speech verb: "according to X".
# The last word of each is the preposition whose object is the source: "as per sources, ...".
SOURCE_PHRASES: tuple[tuple[str, ...], ...] = (("according", "to"), ("as", "per"))
# Dependencies through which "according to X" hangs on a complement of the clause it attributes
# ("also left 805 people injured, according to ..."): the source is the whole clause's.
COMPLEMENT_DEPS: frozenset[str] = frozenset({"oprd", "xcomp", "acomp"})

# Quotation marks: openers, closers, and marks whose role depends on context.
OPENING_QUOTES: frozenset[str] = frozenset({"\u201c", "\u00ab", "\u201e", "\u201f"})  # “ « „ ‟
CLOSING_QUOTES: frozenset[str] = frozenset({"\u201d", "\u00bb"})  # ” »
AMBIGUOUS_QUOTES: frozenset[str] = frozenset({'"'})
# Single quotation marks (‘ ’, or ' in plain text): quotations only where one opens a word and a
# later one closes in the same paragraph; everywhere else they are apostrophes.
SINGLE_OPEN = "\u2018"  # ‘
SINGLE_CLOSE = "\u2019"  # ’

# Words right before a quotation that make it a label, never speech: the so-called "peace plan".
SCARE_PREFIXES: tuple[str, ...] = ("so-called", "so called", "self-styled", "self-proclaimed", "dubbed", "termed")

# Small words that do not break a title's capitalisation ("The Long Road to Halden").
TITLE_SMALL_WORDS: frozenset[str] = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "de", "la"}
)

# A quoted span with fewer words than this, and no finite verb, is a term or scare quote
# ("the so-called "peace plan""), not quoted speech, unless it stands alone beside a cue.
MIN_QUOTE_WORDS = 4
# Inside reported speech, quoted words make it mixed from this many words on: "was "still
# committed" to" is mixed, "the "terrorist" attack" stays indirect.
MIN_MIXED_WORDS = 2

# Dependency labels, as data for the rules in components.language.quotes.
SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj"})
# parts of speech a speaker can have ("that" tagged as a conjunction is no subject)
SUBJECT_POS: frozenset[str] = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
# entity labels of a name that can speak ("Greta Vinter, 71, said")
SPEAKER_ENTITY_LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "NORP"})
CONTENT_DEPS: frozenset[str] = frozenset({"ccomp"})
# a passive participle in one of these roles asks rather than says: "Asked whether ..., she replied"
PARTICIPLE_DEPS: frozenset[str] = frozenset({"advcl", "acl", "amod"})
# a cue set off inside the clause it reports: "Valdora holds 700 prisoners, officials say, ..."
PARENTHETICAL_DEPS: frozenset[str] = frozenset({"parataxis"})
# a clause hanging off a medium noun: "said in a statement that ..."
MEDIUM_CLAUSE_DEPS: frozenset[str] = frozenset({"acl", "relcl", "ccomp", "advcl"})
# a cue in one of these roles is an adjective or a name part ("the said agreement")
NON_CLAUSE_DEPS: frozenset[str] = frozenset({"amod", "compound", "nmod", "nn"})
# a speaker noun phrase keeps these dependents of its head (and drops appositions, clauses,
# "including ..." phrases)
SPEAKER_NP_DEPS: frozenset[str] = frozenset(
    {"det", "predet", "compound", "amod", "poss", "case", "nmod", "nummod", "quantmod", "flat", "nn"}
)
# ... but these only on the left of their head: "a diplomat familiar with the talks" is a diplomat
LEFT_ONLY_DEPS: frozenset[str] = frozenset({"amod"})
# prepositions that attach an organisation to a spokesperson or a document
SPEAKER_OF_PREPS: frozenset[str] = frozenset({"for", "of", "at", "from", "by"})
# finite verb tags: a quoted fragment holding one is speech, not a term
FINITE_TAGS: frozenset[str] = frozenset({"VBD", "VBZ", "VBP", "MD"})
# words between a cue and the quotation in a direct frame ("said, "...", "told reporters: "...")
FRAME_PUNCT: frozenset[str] = frozenset({",", ":", "-", "\u2013", "\u2014"})

# Heads of a speaker phrase that speak for themselves even with a person's name before them
# ("Lavrov's ministry", "the Varga statement"); any other common noun after a name it governs
# is a misparse, and the name is the speaker ("Governor Ilse Varnak of Tavrin region announced").
NON_PERSON_SPEAKER_HEADS: frozenset[str] = (
    ORG_HEAD_NOUNS | DOCUMENT_NOUNS | SPOKESPERSON_NOUNS | SOURCE_NOUNS | PERSON_ROLE_NOUNS
    | frozenset({"family", "camp", "team", "campaign", "lawyer", "lawyers", "aide", "wife", "husband"})
)
# Dependencies by which the parse hangs such a name on the noun after it.
MISATTACHED_NAME_DEPS: frozenset[str] = frozenset({"nmod", "compound"})


# --- who claims a figure: the reporting verbs above, "according to", and verbs of evidence ----

# Verbs whose subject claims the figures in their scope without reporting speech ("officials
# counted 40 casualties", "the ministry put the toll at 22"): a weaker source than speech.
EVIDENCE_VERBS: frozenset[str] = frozenset(
    "estimate put count record document indicate show suggest give tally find register list".split()
)
# "..., citing X": the cited source claims the figures of the clause.
CITING_WORDS: frozenset[str] = frozenset({"citing", "quoting"})
# Nouns for figures that stand for whoever issued them: "figures from the health ministry" is
# the ministry's claim; with no issuer they name nobody.
FIGURE_NOUNS: frozenset[str] = frozenset("figure data statistic estimate tally count update".split())

# A line that opens with a person's name and a colon gives that person's words: a headline
# ("Varga: the port will reopen"), a transcript ("VARGA: We never agreed"). Matched at the start
# of a paragraph only, and kept only when the name is a person the article names (tagger
# labels miss names in headlines): "ISLAMABAD: The government said ..." (a dateline),
# "Update: ..." and "Photo: ..." are no speaker.
SPEAKER_LABEL_PATTERNS: list[list[dict[str, object]]] = [
    [{"IS_ALPHA": True, "IS_LOWER": False, "OP": "{1,4}"}, {"ORTH": ":"}],
]

# Matcher patterns of the frames that give a figure its source (components.language.statements):
# each label's tokens are the cue; the speaker and the scope come from the parse.
SOURCE_FRAME_PATTERNS: dict[str, list[list[dict[str, object]]]] = {
    "ACCORDING": [[{"LOWER": "according"}, {"LOWER": "to"}]],
    "CITING": [[{"LOWER": {"IN": sorted(CITING_WORDS)}, "DEP": {"IN": ["advcl", "prep", "xcomp"]}}]],
    "SPEECH_VERB": [[{"LEMMA": {"IN": sorted(REPORTING_VERBS - EVIDENCE_VERBS)}, "POS": "VERB"}]],
    "EVIDENCE_VERB": [[{"LEMMA": {"IN": sorted(EVIDENCE_VERBS)}, "POS": "VERB"}]],
}
# Dependencies of a frame's cue that make it govern more than its own subtree: a parenthetical
# "..., officials said, ..." governs its whole sentence; "the 21 dead announced by officials"
# governs the noun it describes.
SENTENCE_WIDE_CUE_DEPS: frozenset[str] = frozenset({"parataxis"})
NOUN_CUE_DEPS: frozenset[str] = frozenset({"acl"})
