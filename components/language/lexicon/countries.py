"""Countries as data: one row per state, with the words news uses for it.

Every UN member state, the two observer states (the Holy See, Palestine) and the common
non-members (Taiwan, Kosovo, Western Sahara). Each row is::

    (ISO 3166-1 alpha-3 code, display name, other names, demonyms and adjectives, capitals and seats)

The code is the side's key (Kosovo, which ISO 3166 does not list, has the user-assigned "XKX"
that the EU and the IMF use). The display name is the one news writes ("Russia", not pycountry's
"Russian Federation"); ISO short and official names are added from ``pycountry`` when the side
table is built (``components.language.lexicon.sides``), so they are not repeated here. Fields
hold several entries separated by ``|``; a demonym's plural ("Italians") is made by the builder
unless it ends as the plural does ("Sudanese", "Swiss", "Dutch"). Capitals and seats of power
stand for a government ("Moscow said", "the Kremlin said").

Words that also mean something else are not in the rows but in :data:`AMBIGUOUS`, which says
what an article must also contain to make them the country. Phrases that contain a country's
word without naming it ("New Mexico", "Latin America", "the South China Sea") are in
:data:`NOT_SIDES`. Matching folds case and accents ("Élysée" is "Elysee"), so accented and
plain spellings need no separate entries unless news writes both with different letters.
"""

from __future__ import annotations

# code, display name, other names, demonyms and adjectives, capitals and seats of power
COUNTRY_ROWS: tuple[tuple[str, str, str, str, str], ...] = (
    ("AFG", "Afghanistan", "", "Afghan", "Kabul"),
    ("ALB", "Albania", "", "Albanian", "Tirana"),
    ("DZA", "Algeria", "", "Algerian", "Algiers"),
    ("AND", "Andorra", "", "Andorran", "Andorra la Vella"),
    ("AGO", "Angola", "", "Angolan", "Luanda"),
    ("ATG", "Antigua and Barbuda", "Antigua", "Antiguan", ""),
    ("ARG", "Argentina", "", "Argentine|Argentinian", "Buenos Aires|Casa Rosada"),
    ("ARM", "Armenia", "", "Armenian", "Yerevan"),
    ("AUS", "Australia", "Commonwealth of Australia", "Australian", "Canberra"),
    ("AUT", "Austria", "", "Austrian", "Vienna"),
    ("AZE", "Azerbaijan", "", "Azerbaijani|Azeri", "Baku"),
    ("BHS", "Bahamas", "", "Bahamian", ""),
    ("BHR", "Bahrain", "", "Bahraini", "Manama"),
    ("BGD", "Bangladesh", "", "Bangladeshi", "Dhaka"),
    ("BRB", "Barbados", "", "Barbadian", "Bridgetown"),
    ("BLR", "Belarus", "", "Belarusian|Belarussian", "Minsk"),
    ("BEL", "Belgium", "", "Belgian", ""),  # "Brussels" speaks for the EU as often as for Belgium
    ("BLZ", "Belize", "", "Belizean", "Belmopan"),
    ("BEN", "Benin", "", "Beninese", "Porto-Novo|Cotonou"),
    ("BTN", "Bhutan", "", "Bhutanese", "Thimphu"),
    ("BOL", "Bolivia", "", "Bolivian", "La Paz"),
    ("BIH", "Bosnia and Herzegovina", "Bosnia|Bosnia-Herzegovina", "Bosnian", "Sarajevo"),
    ("BWA", "Botswana", "", "Motswana|Batswana", "Gaborone"),
    ("BRA", "Brazil", "", "Brazilian", "Brasilia|Planalto"),
    ("BRN", "Brunei", "", "Bruneian", "Bandar Seri Begawan"),
    ("BGR", "Bulgaria", "", "Bulgarian", ""),  # "Sofia": see AMBIGUOUS
    ("BFA", "Burkina Faso", "", "Burkinabe", "Ouagadougou"),
    ("BDI", "Burundi", "", "Burundian", "Gitega|Bujumbura"),
    ("CPV", "Cape Verde", "Cabo Verde", "Cape Verdean|Cabo Verdean", "Praia"),
    ("KHM", "Cambodia", "", "Cambodian", "Phnom Penh"),
    ("CMR", "Cameroon", "", "Cameroonian", "Yaounde"),
    ("CAN", "Canada", "", "Canadian", "Ottawa"),
    ("CAF", "Central African Republic", "", "Central African", "Bangui"),
    ("TCD", "Chad", "", "Chadian", "N'Djamena"),
    ("CHL", "Chile", "", "Chilean", ""),
    ("CHN", "China", "People's Republic of China|PRC|mainland China", "Chinese", "Beijing|Zhongnanhai"),
    ("COL", "Colombia", "", "Colombian", "Bogota"),
    ("COM", "Comoros", "", "Comoran|Comorian", ""),
    ("COG", "Republic of the Congo", "Republic of Congo|Congo-Brazzaville", "", "Brazzaville"),
    ("COD", "DR Congo", "Democratic Republic of the Congo|Democratic Republic of Congo|DRC|Congo-Kinshasa",
     "", "Kinshasa"),
    ("CRI", "Costa Rica", "", "Costa Rican", ""),
    ("CIV", "Ivory Coast", "Cote d'Ivoire", "Ivorian", "Yamoussoukro|Abidjan"),
    ("HRV", "Croatia", "", "Croatian|Croat", "Zagreb"),
    ("CUB", "Cuba", "", "Cuban", "Havana"),
    ("CYP", "Cyprus", "", "Cypriot", "Nicosia"),
    ("CZE", "Czech Republic", "Czechia", "Czech", "Prague"),
    ("DNK", "Denmark", "", "Danish|Dane", "Copenhagen"),
    ("DJI", "Djibouti", "", "Djiboutian", ""),
    ("DMA", "Dominica", "Commonwealth of Dominica", "", "Roseau"),
    ("DOM", "Dominican Republic", "", "", "Santo Domingo"),
    ("ECU", "Ecuador", "", "Ecuadorian|Ecuadoran", "Quito"),
    ("EGY", "Egypt", "", "Egyptian", "Cairo"),
    ("SLV", "El Salvador", "", "Salvadoran|Salvadorean", "San Salvador"),
    ("GNQ", "Equatorial Guinea", "", "Equatorial Guinean|Equatoguinean", "Malabo"),
    ("ERI", "Eritrea", "", "Eritrean", "Asmara"),
    ("EST", "Estonia", "", "Estonian", "Tallinn"),
    ("SWZ", "Eswatini", "Swaziland", "Swazi", "Mbabane"),
    ("ETH", "Ethiopia", "", "Ethiopian", "Addis Ababa"),
    ("FJI", "Fiji", "", "Fijian", "Suva"),
    ("FIN", "Finland", "", "Finnish|Finn", "Helsinki"),
    ("FRA", "France", "", "French|Frenchman|Frenchmen|Frenchwoman",
     "Paris|Elysee|Elysee Palace|Quai d'Orsay|Matignon"),
    ("GAB", "Gabon", "", "Gabonese", "Libreville"),
    ("GMB", "Gambia", "", "Gambian", "Banjul"),
    ("GEO", "Georgia", "Republic of Georgia", "", "Tbilisi"),  # "Georgia", "Georgian": see AMBIGUOUS
    ("DEU", "Germany", "", "German", "Berlin|Bundestag"),
    ("GHA", "Ghana", "", "Ghanaian", "Accra"),
    ("GRC", "Greece", "Hellas", "Greek|Hellenic", "Athens"),
    ("GRD", "Grenada", "", "Grenadian", ""),
    ("GTM", "Guatemala", "", "Guatemalan", "Guatemala City"),
    ("GIN", "Guinea", "Guinea-Conakry", "Guinean", "Conakry"),
    ("GNB", "Guinea-Bissau", "", "Bissau-Guinean", "Bissau"),
    ("GUY", "Guyana", "", "Guyanese", ""),
    ("HTI", "Haiti", "", "Haitian", "Port-au-Prince"),
    ("HND", "Honduras", "", "Honduran", "Tegucigalpa"),
    ("HUN", "Hungary", "", "Hungarian", "Budapest"),
    ("ISL", "Iceland", "", "Icelandic|Icelander", "Reykjavik"),
    ("IND", "India", "", "", "New Delhi"),  # "Indian": see AMBIGUOUS
    ("IDN", "Indonesia", "", "Indonesian", "Jakarta"),
    ("IRN", "Iran", "Islamic Republic of Iran", "Iranian", "Tehran"),
    ("IRQ", "Iraq", "", "Iraqi", "Baghdad"),
    ("IRL", "Ireland", "Republic of Ireland", "Irish|Irishman|Irishmen|Irishwoman", "Dublin"),
    ("ISR", "Israel", "State of Israel", "Israeli", "Jerusalem|Tel Aviv|Knesset"),
    ("ITA", "Italy", "Italian Republic", "Italian", "Rome|Palazzo Chigi"),
    ("JAM", "Jamaica", "", "Jamaican", ""),
    ("JPN", "Japan", "", "Japanese", "Tokyo|Kasumigaseki"),
    ("JOR", "Jordan", "", "Jordanian", "Amman"),
    ("KAZ", "Kazakhstan", "", "Kazakh|Kazakhstani", "Astana|Nur-Sultan"),
    ("KEN", "Kenya", "", "Kenyan", "Nairobi"),
    ("KIR", "Kiribati", "", "", "Tarawa"),
    ("PRK", "North Korea", "DPRK|Democratic People's Republic of Korea", "North Korean", "Pyongyang"),
    ("KOR", "South Korea", "Republic of Korea", "South Korean", "Seoul|Blue House"),
    ("KWT", "Kuwait", "", "Kuwaiti", "Kuwait City"),
    ("KGZ", "Kyrgyzstan", "Kyrgyz Republic", "Kyrgyz|Kyrgyzstani", "Bishkek"),
    ("LAO", "Laos", "Lao PDR", "Laotian", "Vientiane"),
    ("LVA", "Latvia", "", "Latvian", "Riga"),
    ("LBN", "Lebanon", "", "Lebanese", "Beirut"),
    ("LSO", "Lesotho", "", "Basotho|Mosotho", "Maseru"),
    ("LBR", "Liberia", "", "Liberian", "Monrovia"),
    ("LBY", "Libya", "", "Libyan", ""),  # "Tripoli": see AMBIGUOUS (a Lebanese city too)
    ("LIE", "Liechtenstein", "", "Liechtensteiner", "Vaduz"),
    ("LTU", "Lithuania", "", "Lithuanian", "Vilnius"),
    ("LUX", "Luxembourg", "", "Luxembourger|Luxembourgish", ""),
    ("MDG", "Madagascar", "", "Malagasy", "Antananarivo"),
    ("MWI", "Malawi", "", "Malawian", "Lilongwe"),
    ("MYS", "Malaysia", "", "Malaysian", "Kuala Lumpur|Putrajaya"),
    ("MDV", "Maldives", "", "Maldivian", ""),  # "Male" folds into an English word
    ("MLI", "Mali", "", "Malian", "Bamako"),
    ("MLT", "Malta", "", "Maltese", "Valletta"),
    ("MHL", "Marshall Islands", "", "Marshallese", "Majuro"),
    ("MRT", "Mauritania", "", "Mauritanian", "Nouakchott"),
    ("MUS", "Mauritius", "", "Mauritian", "Port Louis"),
    ("MEX", "Mexico", "United Mexican States", "Mexican", "Mexico City"),
    ("FSM", "Micronesia", "Federated States of Micronesia", "", "Palikir"),
    ("MDA", "Moldova", "Republic of Moldova", "Moldovan", "Chisinau"),
    ("MCO", "Monaco", "", "Monegasque", ""),
    ("MNG", "Mongolia", "", "Mongolian", "Ulaanbaatar|Ulan Bator"),
    ("MNE", "Montenegro", "", "Montenegrin", "Podgorica"),
    ("MAR", "Morocco", "", "Moroccan", "Rabat"),
    ("MOZ", "Mozambique", "", "Mozambican", "Maputo"),
    ("MMR", "Myanmar", "Burma", "Burmese", "Naypyidaw|Naypyitaw|Nay Pyi Taw"),
    ("NAM", "Namibia", "", "Namibian", "Windhoek"),
    ("NRU", "Nauru", "", "Nauruan", "Yaren"),
    ("NPL", "Nepal", "", "Nepali|Nepalese", "Kathmandu"),
    ("NLD", "Netherlands", "Holland", "Dutch|Dutchman|Dutchmen|Dutchwoman", "Amsterdam|The Hague|Binnenhof"),
    ("NZL", "New Zealand", "", "New Zealander", ""),
    ("NIC", "Nicaragua", "", "Nicaraguan", "Managua"),
    ("NER", "Niger", "", "Nigerien", "Niamey"),
    ("NGA", "Nigeria", "", "Nigerian", "Abuja"),
    ("MKD", "North Macedonia", "", "North Macedonian", "Skopje"),
    ("NOR", "Norway", "", "Norwegian", "Oslo|Storting"),
    ("OMN", "Oman", "", "Omani", "Muscat"),
    ("PAK", "Pakistan", "", "Pakistani", "Islamabad"),
    ("PLW", "Palau", "", "Palauan", "Ngerulmud"),
    ("PAN", "Panama", "", "Panamanian", "Panama City"),
    ("PNG", "Papua New Guinea", "", "Papua New Guinean", "Port Moresby"),
    ("PRY", "Paraguay", "", "Paraguayan", "Asuncion"),
    ("PER", "Peru", "", "Peruvian", "Lima"),
    ("PHL", "Philippines", "", "Filipino|Filipina|Philippine", "Manila|Malacanang"),
    ("POL", "Poland", "", "Polish|Pole", "Warsaw|Sejm"),
    ("PRT", "Portugal", "", "Portuguese", "Lisbon"),
    ("QAT", "Qatar", "", "Qatari", "Doha"),
    ("ROU", "Romania", "", "Romanian", "Bucharest"),
    ("RUS", "Russia", "", "Russian|Soviet", "Moscow|Kremlin|State Duma|Duma"),
    ("RWA", "Rwanda", "", "Rwandan", "Kigali"),
    ("KNA", "Saint Kitts and Nevis", "St Kitts and Nevis|St. Kitts and Nevis", "Kittitian", "Basseterre"),
    ("LCA", "Saint Lucia", "St Lucia|St. Lucia", "Saint Lucian", "Castries"),
    ("VCT", "Saint Vincent and the Grenadines", "St Vincent and the Grenadines|St. Vincent and the Grenadines",
     "Vincentian", "Kingstown"),
    ("WSM", "Samoa", "", "Samoan", "Apia"),
    ("SMR", "San Marino", "", "Sammarinese", ""),
    ("STP", "Sao Tome and Principe", "", "", ""),
    ("SAU", "Saudi Arabia", "", "Saudi|Saudi Arabian", "Riyadh"),
    ("SEN", "Senegal", "", "Senegalese", "Dakar"),
    ("SRB", "Serbia", "", "Serbian|Serb", "Belgrade"),
    ("SYC", "Seychelles", "", "Seychellois", ""),
    ("SLE", "Sierra Leone", "", "Sierra Leonean", "Freetown"),
    ("SGP", "Singapore", "", "Singaporean", ""),
    ("SVK", "Slovakia", "Slovak Republic", "Slovak|Slovakian", "Bratislava"),
    ("SVN", "Slovenia", "", "Slovenian|Slovene", "Ljubljana"),
    ("SLB", "Solomon Islands", "", "Solomon Islander", "Honiara"),
    ("SOM", "Somalia", "", "Somali", "Mogadishu"),
    ("ZAF", "South Africa", "", "South African", "Pretoria"),
    ("SSD", "South Sudan", "", "South Sudanese", "Juba"),
    ("ESP", "Spain", "Kingdom of Spain", "Spanish|Spaniard", "Madrid|Moncloa"),
    ("LKA", "Sri Lanka", "", "Sri Lankan", "Colombo"),
    ("SDN", "Sudan", "", "Sudanese", "Khartoum"),
    ("SUR", "Suriname", "Surinam", "Surinamese", "Paramaribo"),
    ("SWE", "Sweden", "", "Swedish|Swede", "Stockholm"),
    ("CHE", "Switzerland", "Swiss Confederation", "Swiss", "Bern|Berne"),
    ("SYR", "Syria", "", "Syrian", "Damascus"),
    ("TJK", "Tajikistan", "", "Tajik|Tajikistani", "Dushanbe"),
    ("TZA", "Tanzania", "", "Tanzanian", "Dodoma"),
    ("THA", "Thailand", "", "Thai", "Bangkok"),
    ("TLS", "East Timor", "Timor-Leste", "East Timorese|Timorese", "Dili"),
    ("TGO", "Togo", "", "Togolese", "Lome"),
    ("TON", "Tonga", "", "Tongan", "Nuku'alofa"),
    ("TTO", "Trinidad and Tobago", "Trinidad", "Trinidadian|Tobagonian", "Port of Spain"),
    ("TUN", "Tunisia", "", "Tunisian", "Tunis"),
    ("TUR", "Turkey", "Turkiye", "Turkish|Turk", "Ankara"),  # "Turkey": see AMBIGUOUS
    ("TKM", "Turkmenistan", "", "Turkmen", "Ashgabat"),
    ("TUV", "Tuvalu", "", "Tuvaluan", "Funafuti"),
    ("UGA", "Uganda", "", "Ugandan", "Kampala"),
    ("UKR", "Ukraine", "", "Ukrainian", "Kyiv|Kiev|Bankova|Verkhovna Rada"),
    ("ARE", "United Arab Emirates", "UAE|U.A.E.", "Emirati", "Abu Dhabi"),
    ("GBR", "United Kingdom", "UK|U.K.|Britain|Great Britain|Northern Ireland", "British|Briton|Northern Irish",
     "London|Downing Street|Whitehall|Westminster"),
    ("USA", "United States", "US|U.S.|USA|U.S.A.|America|United States of America", "American",
     "Washington|White House|Pentagon|State Department|Defense Department|Department of Defense|"
     "Capitol Hill|Oval Office"),
    ("URY", "Uruguay", "", "Uruguayan", "Montevideo"),
    ("UZB", "Uzbekistan", "", "Uzbek|Uzbekistani", "Tashkent"),
    ("VUT", "Vanuatu", "", "Ni-Vanuatu", "Port Vila"),
    ("VAT", "Vatican", "Holy See|Vatican City", "", ""),
    ("VEN", "Venezuela", "", "Venezuelan", "Caracas|Miraflores"),
    ("VNM", "Vietnam", "", "Vietnamese", "Hanoi"),
    ("YEM", "Yemen", "", "Yemeni", "Sanaa|Sana'a"),
    ("ZMB", "Zambia", "", "Zambian", "Lusaka"),
    ("ZWE", "Zimbabwe", "", "Zimbabwean", "Harare"),
    ("PSE", "Palestine", "State of Palestine", "Palestinian", "Ramallah"),
    ("TWN", "Taiwan", "Republic of China", "Taiwanese", "Taipei"),
    ("XKX", "Kosovo", "Republic of Kosovo", "Kosovar|Kosovan", "Pristina|Prishtina"),
    ("ESH", "Western Sahara", "Sahrawi Arab Democratic Republic", "Sahrawi|Saharawi", ""),
)

# Codes outside ISO 3166-1 (pycountry does not know them).
USER_ASSIGNED_CODES: frozenset[str] = frozenset({"XKX"})

# A demonym ending so takes no plural "s" ("Sudanese", "Swiss", "Dutch", "Frenchmen", "Icelandic").
NO_PLURAL_ENDINGS: tuple[str, ...] = ("ese", "sh", "ch", "ss", "ic", "men", "y", "ois", "s")

# Keys that are English words when not written as here: "US" is the country, "us" the pronoun.
EXACT_CASE: dict[str, str] = {"us": "US"}

# Words that are a country's only in a country's context: a first name ("Chad", "Jordan",
# "Georgia", "Sofia", "Santiago"), a US state or city ("Georgia", "Kingston"), a bird or a people
# ("Turkey", "Indian"), a town elsewhere ("Tripoli" in Lebanon), a second country ("Dominica"
# beside the Dominican Republic), a period ("Georgian"). Such a word gets its country's side only
# in an article that also uses an unambiguous word of that country ("Amman", "Jordanian",
# "N'Djamena", "Tbilisi", "Ankara", "Turkish", "India") or that makes it own a government
# ("Jordan's foreign minister", "the government of Chad"). word -> its country's code.
AMBIGUOUS: dict[str, str] = {
    "georgia": "GEO", "georgian": "GEO", "georgians": "GEO",
    "jordan": "JOR", "chad": "TCD", "niger": "NER", "turkey": "TUR", "guinea": "GIN",
    "dominica": "DMA", "indian": "IND", "indians": "IND",
    "sofia": "BGR", "santiago": "CHL", "victoria": "SYC", "kingston": "JAM", "georgetown": "GUY",
    "wellington": "NZL", "tripoli": "LBY", "nassau": "BHS", "san jose": "CRI", "moroni": "COM",
}

# Phrases that hold a country's word but name no country (or a part of two), longest match wins:
# "New Mexico" is not Mexico, "South Sudanese" is not Sudanese (that one is a row of its own).
NOT_SIDES: frozenset[str] = frozenset(
    {
        "new mexico", "gulf of mexico", "new jersey", "new guinea", "indian ocean", "south china sea",
        "east china sea", "china sea", "latin america", "latin american", "south america", "south american",
        "north america", "north american", "central america", "central american", "native american",
        "african american", "asian american", "pan american", "american samoa", "persian gulf",
        "arabian sea", "north pole", "south pole", "korea", "korean", "koreans", "korean peninsula",
        "korean war", "congo", "congolese", "dominican", "dominicans", "macedonia", "macedonian",
        "micronesia", "micronesian", "english channel", "french guiana", "french polynesia",
        "greek cypriot", "turkish cypriot", "hong kong", "macau", "puerto rico", "puerto rican",
        "west bank", "british columbia", "british virgin islands", "new england", "new south wales",
        "washington state", "mexican gulf", "swiss cheese", "dutch oven", "french fries", "turkish delight",
    }
)

# Real words that look like nationality words of an invented country but name a region, a people,
# a faith or an era: never the base of an article's own country ("Crimean" is not "Crimea", the
# side). Real countries' own words need no listing: the builder excludes them already.
REAL_NON_COUNTRY_WORDS: frozenset[str] = frozenset(
    """
    crimean tibetan catalan basque bavarian californian floridian siberian kashmiri kurdish kurd kurds
    punjabi bengali tamil sikh hispanic latino arabian persian ottoman balkan caribbean scandinavian
    nordic baltic slavic celtic atlantic pacific arctic antarctic islamic catholic mediterranean
    anatolian andalusian galician corsican sicilian sardinian venetian tuscan flemish walloon quebecois
    hawaiian alaskan tasmanian chechen cossack roman byzantine arab arabic pashtun uighur uyghur
    """.split()
)
