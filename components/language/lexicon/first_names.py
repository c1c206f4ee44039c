"""Common first names by the gender their bearers are usually referred to with ("he" / "she").

Used to match a pronoun to the person it stands for ("Hillary Clinton spoke, then Donald Trump.
She said ..." is Clinton) and to recognise a name the model tagged as an organisation as a
person's ("Ilse Varga"). A name missing here only means no gender is known; names used for
both ("Jordan", "Alex", "Kim", "Jean") are listed in neither. Lowercase.
"""

from __future__ import annotations

FEMALE_NAMES: frozenset[str] = frozenset(
    """
    abigail ada adela adriana agnes aisha alejandra alexandra alice alicia alina alison amal amanda amelia amina amy
    ana anastasia andrea angela angelina anita ann anna anne annette antonia ariana astrid aurora ayesha barbara
    beatrice beatriz becky belinda bernadette beth betsy betty beverly bianca brenda bridget brigitte camila
    carla carmen carol caroline carolyn catherine cecilia celine charlotte chelsea cheryl chloe christina
    christine cindy claire clara claudia colette constance cristina cynthia dagmar daisy dana daniela deborah
    debbie denise diana diane dina dolores donna doris dorothy edith elaine elena eleanor elif elisabeth eliza
    elizabeth ella ellen elsa emily emma erika esther eva evelyn fatima fiona florence frances francesca freya
    gabriela gabrielle gemma georgia gerda gina giulia gloria grace greta gwen hana hanna hannah hanne harriet
    heather heidi helen helena helga hilary hillary hope hui huma ida ilse imelda ines ingrid irene irina iris
    isabel isabella ivana ivanka jacqueline jane janet janice jasmine jennifer jessica jill joan joanna jocelyn
    johanna josephine joyce judith judy julia julie justine karen karin katarina kate katherine kathleen kathryn
    kathy katie kayleigh kellyanne kirsten klara kristina laila lara laura lauren leah leila lena leslie liliana
    lina linda lisa liz loretta louise lucia lucy ludmila luisa lydia lynn madeleine magdalena maja malala
    margaret margarita margot maria mariam marie marina marion marisa marta martha martina mary maryam maya
    megan megyn melania melanie melinda melissa mia michaela michelle mila mira miriam monica monika nadia
    nadezhda nancy naomi natalia natalie natasha nicola nicole nina noor nora olga olivia paola patricia paula
    pauline penelope petra philippa pia priya rachel rebecca regina renata rita roberta rosa rosalind rose
    roxana ruth sabine sabrina sally samantha sandra sara sarah shannon sharon sheila shirley silvia simone
    sofia sonia sophia sophie stella stephanie susan susanne suzanne svetlana sylvia tamara tammy tanya tatiana
    teresa theresa tina tracy ulrike ursula valentina valeria vanessa vera veronica victoria viktoria violet
    virginia vivian wanda wendy yasmin yelena yolanda yulia yvonne zainab zara zoe
    """.split()
)

MALE_NAMES: frozenset[str] = frozenset(
    """
    aaron abdul abdullah abraham adam adrian ahmad ahmed aidan alan albert aleksandr alexander alexei alfred ali
    alistair amir anatoly anders andre andreas andrei andrew andrzej angelo anthony antonio antony anton arnold
    arthur arturo ashraf aurel barack barry ben benjamin bernard bernie bill bob bogdan boris brad bradley brendan
    brian bruce bruno carl carlos cesar charles chris christian christopher claude colin conor corey craig
    cristiano dale damian daniel danny darren david dean dennis derek diego dimitri dmitry dominic donald doug
    douglas duncan dylan edgar eduardo edward emmanuel enrique eric erik ernesto ethan eugene evan fabio farid
    felipe felix fernando filip francesco francis francisco frank franz fred frederick gabriel gareth gary gavin
    geoffrey george gerald gerhard giovanni giuseppe glenn gordon graham greg gregory guillermo gunther gustavo
    hamid hans harold harry hassan hector heinrich henri henry howard hugh hugo hussein ian ibrahim igor ilya
    imran isaac ismail ivan ivo jack jacob jacques jake james jamal jan jared jason javier jay jeb jeff jeffrey
    jeremy jerome jesse jim jimmy joachim joe joel johan johannes john jonathan jorge jose josef joseph juan
    julian julio justin kamal karl keith ken kenneth kevin khalid klaus konrad kurt lars lawrence leo leon
    leonardo leonid lewis liam lloyd lorenzo louis luca lucas luis luke magnus mahmoud malcolm manuel marco
    marcus mario mark marko martin matteo matthew matthias maurice max maxim michael miguel mike mikhail milan
    mitch mohamed mohammad mohammed muhammad mustafa nabil nathan neil nicholas nick nicolas nigel nikolai
    nikola noah oleg oliver omar oren oscar otto pablo patrick paul pavel pedro peter philip pierre piet pyotr
    rafael ramon randy raphael ray raymond reince reza ricardo richard rick robby robert roberto rodrigo roger
    roland roman ron ronald rudolf rudy rupert russell ryan said salman sam samuel saul scott sean sebastian
    sergei sergey sergio simon stanislav stefan stephen steve steven stuart sven ted terry thomas tim timothy
    tobias todd tom tomas tommy tony travis ulrich valentin valery victor viktor vincent vladimir vladislav
    volodymyr walter wayne werner wilhelm william wolfgang xavier yaroslav yevgeny youssef yuri yusuf zachary
    """.split()
)
