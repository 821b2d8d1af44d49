#!/usr/bin/env python3
"""Generate src/stancegraph/data/actors.jsonl, the actor knowledge base.

Developer tool only: it needs the ``countryinfo`` (MIT) and ``pycountry``
(LGPL-2.1) packages, which the stancegraph package itself does not depend on.

    .venv/bin/python scripts/make_actors.py            # writes the data file
    .venv/bin/python scripts/make_actors.py --check    # exits 1 if it is stale

Where things come from:

* names: the English name and alternative spellings of ``countryinfo`` and the
  name / official name / common name of ``pycountry``, filtered to the forms
  English news uses (no ISO codes, no inverted "X, Republic of" forms, no
  native-language spellings), plus the hand table ``EXTRA_NAMES``;
* demonyms: the ``countryinfo`` demonym (minus ``DROP_DEMONYMS``), the hand
  table ``DEMONYMS`` and regular plurals made by ``plural()``;
* capitals: the ``countryinfo`` capital unless ``CAPITALS`` overrides it;
* every accented name or capital also gets its unaccented spelling;
* Wikidata ids, metonyms, ambiguity flags, organisations and the West are
  hand tables in this file (ids checked as described in ontology/README.md).

Output: one JSON object per line, sorted by id, keys sorted, UTF-8.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

import pycountry
from countryinfo import CountryInfo
from countryinfo.exceptions import CountryNotFoundError

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "stancegraph" / "data" / "actors.jsonl"

# --------------------------------------------------------------------------
# States: (id, ISO 3166-1 alpha-2 or None, label, Wikidata id or None).
# The 193 UN member states, the two observer states, Taiwan and Kosovo.
# --------------------------------------------------------------------------
STATES: list[tuple[str, str | None, str, str | None]] = [
    ("afghanistan", "AF", "Afghanistan", "Q889"),
    ("albania", "AL", "Albania", "Q222"),
    ("algeria", "DZ", "Algeria", "Q262"),
    ("andorra", "AD", "Andorra", "Q228"),
    ("angola", "AO", "Angola", "Q916"),
    ("antigua-and-barbuda", "AG", "Antigua and Barbuda", "Q781"),
    ("argentina", "AR", "Argentina", "Q414"),
    ("armenia", "AM", "Armenia", "Q399"),
    ("australia", "AU", "Australia", "Q408"),
    ("austria", "AT", "Austria", "Q40"),
    ("azerbaijan", "AZ", "Azerbaijan", "Q227"),
    ("bahamas", "BS", "Bahamas", "Q778"),
    ("bahrain", "BH", "Bahrain", "Q398"),
    ("bangladesh", "BD", "Bangladesh", "Q902"),
    ("barbados", "BB", "Barbados", "Q244"),
    ("belarus", "BY", "Belarus", "Q184"),
    ("belgium", "BE", "Belgium", "Q31"),
    ("belize", "BZ", "Belize", "Q242"),
    ("benin", "BJ", "Benin", "Q962"),
    ("bhutan", "BT", "Bhutan", "Q917"),
    ("bolivia", "BO", "Bolivia", "Q750"),
    ("bosnia-and-herzegovina", "BA", "Bosnia and Herzegovina", "Q225"),
    ("botswana", "BW", "Botswana", "Q963"),
    ("brazil", "BR", "Brazil", "Q155"),
    ("brunei", "BN", "Brunei", "Q921"),
    ("bulgaria", "BG", "Bulgaria", "Q219"),
    ("burkina-faso", "BF", "Burkina Faso", "Q965"),
    ("burundi", "BI", "Burundi", "Q967"),
    ("cambodia", "KH", "Cambodia", "Q424"),
    ("cameroon", "CM", "Cameroon", "Q1009"),
    ("canada", "CA", "Canada", "Q16"),
    ("cape-verde", "CV", "Cape Verde", "Q1011"),
    ("central-african-republic", "CF", "Central African Republic", "Q929"),
    ("chad", "TD", "Chad", "Q657"),
    ("chile", "CL", "Chile", "Q298"),
    ("china", "CN", "China", "Q148"),
    ("colombia", "CO", "Colombia", "Q739"),
    ("comoros", "KM", "Comoros", "Q970"),
    ("republic-of-the-congo", "CG", "Republic of the Congo", "Q971"),
    ("dr-congo", "CD", "Democratic Republic of the Congo", "Q974"),
    ("costa-rica", "CR", "Costa Rica", "Q800"),
    ("ivory-coast", "CI", "Ivory Coast", "Q1008"),
    ("croatia", "HR", "Croatia", "Q224"),
    ("cuba", "CU", "Cuba", "Q241"),
    ("cyprus", "CY", "Cyprus", "Q229"),
    ("czech-republic", "CZ", "Czech Republic", "Q213"),
    ("denmark", "DK", "Denmark", "Q35"),
    ("djibouti", "DJ", "Djibouti", "Q977"),
    ("dominica", "DM", "Dominica", "Q784"),
    ("dominican-republic", "DO", "Dominican Republic", "Q786"),
    ("east-timor", "TL", "East Timor", "Q574"),
    ("ecuador", "EC", "Ecuador", "Q736"),
    ("egypt", "EG", "Egypt", "Q79"),
    ("el-salvador", "SV", "El Salvador", "Q792"),
    ("equatorial-guinea", "GQ", "Equatorial Guinea", "Q983"),
    ("eritrea", "ER", "Eritrea", "Q986"),
    ("estonia", "EE", "Estonia", "Q191"),
    ("eswatini", "SZ", "Eswatini", "Q1050"),
    ("ethiopia", "ET", "Ethiopia", "Q115"),
    ("fiji", "FJ", "Fiji", "Q712"),
    ("finland", "FI", "Finland", "Q33"),
    ("france", "FR", "France", "Q142"),
    ("gabon", "GA", "Gabon", "Q1000"),
    ("gambia", "GM", "Gambia", "Q1005"),
    ("georgia", "GE", "Georgia", "Q230"),
    ("germany", "DE", "Germany", "Q183"),
    ("ghana", "GH", "Ghana", "Q117"),
    ("greece", "GR", "Greece", "Q41"),
    ("grenada", "GD", "Grenada", "Q769"),
    ("guatemala", "GT", "Guatemala", "Q774"),
    ("guinea", "GN", "Guinea", "Q1006"),
    ("guinea-bissau", "GW", "Guinea-Bissau", "Q1007"),
    ("guyana", "GY", "Guyana", "Q734"),
    ("haiti", "HT", "Haiti", "Q790"),
    ("honduras", "HN", "Honduras", "Q783"),
    ("hungary", "HU", "Hungary", "Q28"),
    ("iceland", "IS", "Iceland", "Q189"),
    ("india", "IN", "India", "Q668"),
    ("indonesia", "ID", "Indonesia", "Q252"),
    ("iran", "IR", "Iran", "Q794"),
    ("iraq", "IQ", "Iraq", "Q796"),
    ("ireland", "IE", "Ireland", "Q27"),
    ("israel", "IL", "Israel", "Q801"),
    ("italy", "IT", "Italy", "Q38"),
    ("jamaica", "JM", "Jamaica", "Q766"),
    ("japan", "JP", "Japan", "Q17"),
    ("jordan", "JO", "Jordan", "Q810"),
    ("kazakhstan", "KZ", "Kazakhstan", "Q232"),
    ("kenya", "KE", "Kenya", "Q114"),
    ("kiribati", "KI", "Kiribati", "Q710"),
    ("north-korea", "KP", "North Korea", "Q423"),
    ("south-korea", "KR", "South Korea", "Q884"),
    ("kuwait", "KW", "Kuwait", "Q817"),
    ("kyrgyzstan", "KG", "Kyrgyzstan", "Q813"),
    ("laos", "LA", "Laos", "Q819"),
    ("latvia", "LV", "Latvia", "Q211"),
    ("lebanon", "LB", "Lebanon", "Q822"),
    ("lesotho", "LS", "Lesotho", "Q1013"),
    ("liberia", "LR", "Liberia", "Q1014"),
    ("libya", "LY", "Libya", "Q1016"),
    ("liechtenstein", "LI", "Liechtenstein", "Q347"),
    ("lithuania", "LT", "Lithuania", "Q37"),
    ("luxembourg", "LU", "Luxembourg", "Q32"),
    ("madagascar", "MG", "Madagascar", "Q1019"),
    ("malawi", "MW", "Malawi", "Q1020"),
    ("malaysia", "MY", "Malaysia", "Q833"),
    ("maldives", "MV", "Maldives", "Q826"),
    ("mali", "ML", "Mali", "Q912"),
    ("malta", "MT", "Malta", "Q233"),
    ("marshall-islands", "MH", "Marshall Islands", "Q709"),
    ("mauritania", "MR", "Mauritania", "Q1025"),
    ("mauritius", "MU", "Mauritius", "Q1027"),
    ("mexico", "MX", "Mexico", "Q96"),
    ("micronesia", "FM", "Federated States of Micronesia", "Q702"),
    ("moldova", "MD", "Moldova", "Q217"),
    ("monaco", "MC", "Monaco", "Q235"),
    ("mongolia", "MN", "Mongolia", "Q711"),
    ("montenegro", "ME", "Montenegro", "Q236"),
    ("morocco", "MA", "Morocco", "Q1028"),
    ("mozambique", "MZ", "Mozambique", "Q1029"),
    ("myanmar", "MM", "Myanmar", "Q836"),
    ("namibia", "NA", "Namibia", "Q1030"),
    ("nauru", "NR", "Nauru", "Q697"),
    ("nepal", "NP", "Nepal", "Q837"),
    # Q29999 is the Kingdom of the Netherlands, the sovereign state (UN, NATO
    # and EU member); Q55 is its European constituent country.
    ("netherlands", "NL", "Netherlands", "Q29999"),
    ("new-zealand", "NZ", "New Zealand", "Q664"),
    ("nicaragua", "NI", "Nicaragua", "Q811"),
    ("niger", "NE", "Niger", "Q1032"),
    ("nigeria", "NG", "Nigeria", "Q1033"),
    ("north-macedonia", "MK", "North Macedonia", "Q221"),
    ("norway", "NO", "Norway", "Q20"),
    ("oman", "OM", "Oman", "Q842"),
    ("pakistan", "PK", "Pakistan", "Q843"),
    ("palau", "PW", "Palau", "Q695"),
    ("panama", "PA", "Panama", "Q804"),
    ("papua-new-guinea", "PG", "Papua New Guinea", "Q691"),
    ("paraguay", "PY", "Paraguay", "Q733"),
    ("peru", "PE", "Peru", "Q419"),
    ("philippines", "PH", "Philippines", "Q928"),
    ("poland", "PL", "Poland", "Q36"),
    ("portugal", "PT", "Portugal", "Q45"),
    ("qatar", "QA", "Qatar", "Q846"),
    ("romania", "RO", "Romania", "Q218"),
    ("russia", "RU", "Russia", "Q159"),
    ("rwanda", "RW", "Rwanda", "Q1037"),
    ("saint-kitts-and-nevis", "KN", "Saint Kitts and Nevis", "Q763"),
    ("saint-lucia", "LC", "Saint Lucia", "Q760"),
    (
        "saint-vincent-and-the-grenadines",
        "VC",
        "Saint Vincent and the Grenadines",
        "Q757",
    ),
    ("samoa", "WS", "Samoa", "Q683"),
    ("san-marino", "SM", "San Marino", "Q238"),
    ("sao-tome-and-principe", "ST", "São Tomé and Príncipe", "Q1039"),
    ("saudi-arabia", "SA", "Saudi Arabia", "Q851"),
    ("senegal", "SN", "Senegal", "Q1041"),
    ("serbia", "RS", "Serbia", "Q403"),
    ("seychelles", "SC", "Seychelles", "Q1042"),
    ("sierra-leone", "SL", "Sierra Leone", "Q1044"),
    ("singapore", "SG", "Singapore", "Q334"),
    ("slovakia", "SK", "Slovakia", "Q214"),
    ("slovenia", "SI", "Slovenia", "Q215"),
    ("solomon-islands", "SB", "Solomon Islands", "Q685"),
    ("somalia", "SO", "Somalia", "Q1045"),
    ("south-africa", "ZA", "South Africa", "Q258"),
    ("south-sudan", "SS", "South Sudan", "Q958"),
    ("spain", "ES", "Spain", "Q29"),
    ("sri-lanka", "LK", "Sri Lanka", "Q854"),
    ("sudan", "SD", "Sudan", "Q1049"),
    ("suriname", "SR", "Suriname", "Q730"),
    ("sweden", "SE", "Sweden", "Q34"),
    ("switzerland", "CH", "Switzerland", "Q39"),
    ("syria", "SY", "Syria", "Q858"),
    ("tajikistan", "TJ", "Tajikistan", "Q863"),
    ("tanzania", "TZ", "Tanzania", "Q924"),
    ("thailand", "TH", "Thailand", "Q869"),
    ("togo", "TG", "Togo", "Q945"),
    ("tonga", "TO", "Tonga", "Q678"),
    ("trinidad-and-tobago", "TT", "Trinidad and Tobago", "Q754"),
    ("tunisia", "TN", "Tunisia", "Q948"),
    ("turkey", "TR", "Turkey", "Q43"),
    ("turkmenistan", "TM", "Turkmenistan", "Q874"),
    ("tuvalu", "TV", "Tuvalu", "Q672"),
    ("uganda", "UG", "Uganda", "Q1036"),
    ("ukraine", "UA", "Ukraine", "Q212"),
    ("united-arab-emirates", "AE", "United Arab Emirates", "Q878"),
    ("united-kingdom", "GB", "United Kingdom", "Q145"),
    ("united-states", "US", "United States", "Q30"),
    ("uruguay", "UY", "Uruguay", "Q77"),
    ("uzbekistan", "UZ", "Uzbekistan", "Q265"),
    ("vanuatu", "VU", "Vanuatu", "Q686"),
    ("venezuela", "VE", "Venezuela", "Q717"),
    ("vietnam", "VN", "Vietnam", "Q881"),
    ("yemen", "YE", "Yemen", "Q805"),
    ("zambia", "ZM", "Zambia", "Q953"),
    ("zimbabwe", "ZW", "Zimbabwe", "Q954"),
    # UN observer states. The actor is the Holy See (Q159583), the sovereign
    # that holds the observer seat; Vatican City State is Q237.
    ("holy-see", "VA", "Holy See", "Q159583"),
    ("palestine", "PS", "State of Palestine", "Q219060"),
    # Others.
    ("taiwan", "TW", "Taiwan", "Q865"),
    ("kosovo", None, "Kosovo", "Q1246"),
]

# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------
# Alternative spellings from countryinfo are kept only when they are English
# state forms ("Republic of ...", "Kingdom of ...") or listed here.
ENGLISH_SHORT_FORMS = {
    "Bosnia-Herzegovina",
    "Brunei Darussalam",
    "Burma",
    "Cabo Verde",
    "Congo-Brazzaville",
    "Congo-Kinshasa",
    "Czechia",
    "Côte d'Ivoire",
    "DR Congo",
    "DRC",
    "East Timor",
    "Eswatini",
    "Great Britain",
    "Holland",
    "Holy See",
    "Ivory Coast",
    "Myanmar",
    "North Macedonia",
    "Swaziland",
    "Timor-Leste",
    "Turkiye",
    "UAE",
    "UK",
    "USA",
    "Viet Nam",
}
STATE_FORM_WORDS = {
    "Republic",
    "Kingdom",
    "State",
    "States",
    "Federation",
    "Principality",
    "Duchy",
    "Sultanate",
    "Commonwealth",
    "Union",
    "Emirates",
    "Confederation",
    "Federal",
    "Democratic",
    "Islands",
}
FOREIGN_WORDS = {
    "República",
    "Republica",
    "République",
    "Republik",
    "Republika",
    "Repubblica",
    "Reino",
    "Royaume",
    "Koninkrijk",
    "Königreich",
    "Kongeriket",
    "Kongeriget",
    "Konungariket",
    "Estado",
    "Estados",
    "Jamhuri",
    "Dawlat",
    "Respublika",
    "Federatsiya",
    "Bundesrepublik",
    "Principat",
    "Principauté",
    "Fürstentum",
    "Grand-Duché",
    "Großherzogtum",
    "Groussherzogtum",
    "Bailliage",
    "Collectivité",
    "Mamlakat",
    "Salṭanat",
    "Udzima",
    "Union des",
    "Lietuvos",
    "Latvijas",
    "Eesti",
    "Suomen",
    "Republiken",
    "Muso",
    "Ripublik",
    "Ripablik",
    "Repiblik",
    "Repúblika",
    "Republiek",
    "Rzeczpospolita",
    "Umbuso",
    "Jumhuuriyadda",
    "Ribaberiki",
    "Matanitu",
    "Stet bilong",
    "Fijī",
    "Malo",
    "Aolepān",
    "Beluu",
    "Gônôprôjatôntri",
    "Loktāntrik",
    "Lýðveldið",
    "Poblacht",
    "Pyidaunzu",
    "Sathalanalat",
    "Ratcha",
    "Tetã",
    "Wuliwya",
    "Buliwya",
    "Hrvatska",
    "Srbija",
    "Slovenija",
    "Slovenská",
    "Česká",
    "Türkiye Cumhuriyeti",
    "Cộng",
    "Repoblikan'i",
    "Repubulika",
}
# Hand-added names (English news forms, abbreviations used as words).
EXTRA_NAMES: dict[str, list[str]] = {
    "united-states": [
        "United States",
        "United States of America",
        "U.S.",
        "US",
        "USA",
        "U.S.A.",
        "America",
    ],
    "united-kingdom": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
    "united-arab-emirates": ["UAE", "U.A.E."],
    "russia": ["Russian Federation"],
    "china": ["People's Republic of China", "PRC"],
    "taiwan": ["Republic of China", "ROC", "Chinese Taipei"],
    "north-korea": ["DPRK", "Korea"],
    "south-korea": ["Republic of Korea", "ROK", "Korea"],
    "dr-congo": [
        "DRC",
        "DR Congo",
        "D.R. Congo",
        "Democratic Republic of Congo",
        "Congo-Kinshasa",
        "Congo",
    ],
    "republic-of-the-congo": ["Republic of Congo", "Congo-Brazzaville", "Congo"],
    "ivory-coast": ["Côte d'Ivoire", "Ivory Coast"],
    "czech-republic": ["Czechia"],
    "north-macedonia": ["Macedonia"],
    "myanmar": ["Burma", "Republic of the Union of Myanmar"],
    "turkey": ["Türkiye", "Turkey"],
    "vietnam": ["Viet Nam"],
    "laos": ["Lao PDR"],
    "eswatini": ["Swaziland"],
    "cape-verde": ["Cabo Verde"],
    "east-timor": ["Timor-Leste"],
    "holy-see": ["Holy See", "Vatican", "Vatican City", "Vatican City State"],
    "palestine": ["Palestine", "State of Palestine", "Palestinian Authority"],
    "kosovo": ["Kosovo", "Republic of Kosovo"],
    "netherlands": ["Holland", "Kingdom of the Netherlands"],
    "bosnia-and-herzegovina": ["Bosnia"],
    "saudi-arabia": ["KSA"],
    "micronesia": ["Micronesia"],
    "saint-kitts-and-nevis": [
        "St Kitts and Nevis",
        "St. Kitts and Nevis",
        "St Kitts",
        "St. Kitts",
    ],
    "saint-lucia": ["St Lucia", "St. Lucia"],
    "saint-vincent-and-the-grenadines": [
        "St Vincent and the Grenadines",
        "St. Vincent and the Grenadines",
        "St Vincent",
        "St. Vincent",
    ],
    "antigua-and-barbuda": ["Antigua"],
    "trinidad-and-tobago": ["Trinidad"],
    "central-african-republic": ["CAR"],
    "papua-new-guinea": ["PNG"],
    "guinea-bissau": ["Guinea Bissau"],
    "new-zealand": ["Aotearoa"],
    "india": ["Bharat"],
    "moldova": ["Republic of Moldova"],
    "iran": ["Islamic Republic of Iran"],
    "syria": ["Syrian Arab Republic"],
}
# Package names that are not used for the state in English news.
DROP_NAMES: dict[str, list[str]] = {
    "brunei": ["Nation of Brunei"],
    "myanmar": ["Republic of Myanmar"],  # not an official form since 2010
    "north-macedonia": ["Republic of Macedonia"],  # pre-2019 official name
    "eswatini": ["Kingdom of Swaziland"],
    "maldives": ["Maldive Islands"],
}
# Never kept as names, whatever the source (ISO codes are dropped by rule).
GLOBAL_DROP = {
    "Island",
    "Thai",
    "Togolese",
    "Montenegrin",
    "Mexicanos",
    "Portuguesa",
    "Lao",
}

# --------------------------------------------------------------------------
# Demonyms (adjectives and people). Regular plurals are added by plural().
# --------------------------------------------------------------------------
DEMONYMS: dict[str, list[str]] = {
    "afghanistan": ["Afghan"],
    "albania": ["Albanian"],
    "algeria": ["Algerian"],
    "andorra": ["Andorran"],
    "angola": ["Angolan"],
    "antigua-and-barbuda": ["Antiguan", "Barbudan"],
    "argentina": ["Argentine", "Argentinian", "Argentinean"],
    "armenia": ["Armenian"],
    "australia": ["Australian"],
    "austria": ["Austrian"],
    "azerbaijan": ["Azerbaijani", "Azeri"],
    "bahamas": ["Bahamian"],
    "bahrain": ["Bahraini"],
    "bangladesh": ["Bangladeshi"],
    "barbados": ["Barbadian", "Bajan"],
    "belarus": ["Belarusian"],
    "belgium": ["Belgian"],
    "belize": ["Belizean"],
    "benin": ["Beninese"],
    "bhutan": ["Bhutanese"],
    "bolivia": ["Bolivian"],
    "bosnia-and-herzegovina": ["Bosnian", "Herzegovinian"],
    "botswana": ["Botswanan", "Motswana", "Batswana"],
    "brazil": ["Brazilian"],
    "brunei": ["Bruneian"],
    "bulgaria": ["Bulgarian"],
    "burkina-faso": ["Burkinabe", "Burkinabè"],
    "burundi": ["Burundian"],
    "cambodia": ["Cambodian"],
    "cameroon": ["Cameroonian"],
    "canada": ["Canadian"],
    "cape-verde": ["Cape Verdean"],
    "central-african-republic": ["Central African"],
    "chad": ["Chadian"],
    "chile": ["Chilean"],
    "china": ["Chinese"],
    "colombia": ["Colombian"],
    "comoros": ["Comorian", "Comoran"],
    "republic-of-the-congo": ["Congolese"],
    "dr-congo": ["Congolese"],
    "costa-rica": ["Costa Rican"],
    "ivory-coast": ["Ivorian"],
    "croatia": ["Croatian", "Croat"],
    "cuba": ["Cuban"],
    "cyprus": ["Cypriot"],
    "czech-republic": ["Czech"],
    "denmark": ["Danish", "Dane"],
    "djibouti": ["Djiboutian"],
    "dominica": ["Dominican"],
    "dominican-republic": ["Dominican"],
    "east-timor": ["Timorese", "East Timorese"],
    "ecuador": ["Ecuadorian", "Ecuadorean"],
    "egypt": ["Egyptian"],
    "el-salvador": ["Salvadoran", "Salvadorean"],
    "equatorial-guinea": ["Equatorial Guinean", "Equatoguinean"],
    "eritrea": ["Eritrean"],
    "estonia": ["Estonian"],
    "eswatini": ["Swazi"],
    "ethiopia": ["Ethiopian"],
    "fiji": ["Fijian"],
    "finland": ["Finnish", "Finn"],
    "france": ["French", "Frenchman", "Frenchmen", "Frenchwoman"],
    "gabon": ["Gabonese"],
    "gambia": ["Gambian"],
    "georgia": ["Georgian"],
    "germany": ["German"],
    "ghana": ["Ghanaian"],
    "greece": ["Greek", "Hellenic"],
    "grenada": ["Grenadian"],
    "guatemala": ["Guatemalan"],
    "guinea": ["Guinean"],
    "guinea-bissau": ["Bissau-Guinean"],
    "guyana": ["Guyanese"],
    "haiti": ["Haitian"],
    "honduras": ["Honduran"],
    "hungary": ["Hungarian"],
    "iceland": ["Icelandic", "Icelander"],
    "india": ["Indian"],
    "indonesia": ["Indonesian"],
    "iran": ["Iranian"],
    "iraq": ["Iraqi"],
    "ireland": ["Irish", "Irishman", "Irishmen"],
    "israel": ["Israeli"],
    "italy": ["Italian"],
    "jamaica": ["Jamaican"],
    "japan": ["Japanese"],
    "jordan": ["Jordanian"],
    "kazakhstan": ["Kazakh", "Kazakhstani"],
    "kenya": ["Kenyan"],
    "kiribati": ["I-Kiribati"],
    "north-korea": ["North Korean", "Korean"],
    "south-korea": ["South Korean", "Korean"],
    "kuwait": ["Kuwaiti"],
    "kyrgyzstan": ["Kyrgyz", "Kyrgyzstani"],
    "laos": ["Lao", "Laotian"],
    "latvia": ["Latvian"],
    "lebanon": ["Lebanese"],
    "lesotho": ["Basotho", "Mosotho"],
    "liberia": ["Liberian"],
    "libya": ["Libyan"],
    "liechtenstein": ["Liechtensteiner"],
    "lithuania": ["Lithuanian"],
    "luxembourg": ["Luxembourgish", "Luxembourger"],
    "madagascar": ["Malagasy"],
    "malawi": ["Malawian"],
    "malaysia": ["Malaysian"],
    "maldives": ["Maldivian"],
    "mali": ["Malian"],
    "malta": ["Maltese"],
    "marshall-islands": ["Marshallese"],
    "mauritania": ["Mauritanian"],
    "mauritius": ["Mauritian"],
    "mexico": ["Mexican"],
    "micronesia": ["Micronesian"],
    "moldova": ["Moldovan"],
    "monaco": ["Monegasque", "Monégasque"],
    "mongolia": ["Mongolian"],
    "montenegro": ["Montenegrin"],
    "morocco": ["Moroccan"],
    "mozambique": ["Mozambican"],
    "myanmar": ["Burmese"],
    "namibia": ["Namibian"],
    "nauru": ["Nauruan"],
    "nepal": ["Nepali", "Nepalese"],
    "netherlands": ["Dutch", "Dutchman", "Dutchmen"],
    "new-zealand": ["New Zealander"],
    "nicaragua": ["Nicaraguan"],
    "niger": ["Nigerien"],
    "nigeria": ["Nigerian"],
    "north-macedonia": ["Macedonian", "North Macedonian"],
    "norway": ["Norwegian"],
    "oman": ["Omani"],
    "pakistan": ["Pakistani"],
    "palau": ["Palauan"],
    "panama": ["Panamanian"],
    "papua-new-guinea": ["Papua New Guinean"],
    "paraguay": ["Paraguayan"],
    "peru": ["Peruvian"],
    "philippines": ["Filipino", "Filipina", "Philippine"],
    "poland": ["Polish", "Pole"],
    "portugal": ["Portuguese"],
    "qatar": ["Qatari"],
    "romania": ["Romanian"],
    "russia": ["Russian"],
    "rwanda": ["Rwandan"],
    "saint-kitts-and-nevis": ["Kittitian", "Nevisian"],
    "saint-lucia": ["Saint Lucian", "St Lucian"],
    "saint-vincent-and-the-grenadines": ["Vincentian"],
    "samoa": ["Samoan"],
    "san-marino": ["Sammarinese"],
    "sao-tome-and-principe": ["São Toméan", "Santomean"],
    "saudi-arabia": ["Saudi", "Saudi Arabian"],
    "senegal": ["Senegalese"],
    "serbia": ["Serbian", "Serb"],
    "seychelles": ["Seychellois"],
    "sierra-leone": ["Sierra Leonean"],
    "singapore": ["Singaporean"],
    "slovakia": ["Slovak", "Slovakian"],
    "slovenia": ["Slovenian", "Slovene"],
    "solomon-islands": ["Solomon Islander"],
    "somalia": ["Somali", "Somalian"],
    "south-africa": ["South African"],
    "south-sudan": ["South Sudanese"],
    "spain": ["Spanish", "Spaniard"],
    "sri-lanka": ["Sri Lankan"],
    "sudan": ["Sudanese"],
    "suriname": ["Surinamese"],
    "sweden": ["Swedish", "Swede"],
    "switzerland": ["Swiss"],
    "syria": ["Syrian"],
    "tajikistan": ["Tajik", "Tajikistani"],
    "tanzania": ["Tanzanian"],
    "thailand": ["Thai"],
    "togo": ["Togolese"],
    "tonga": ["Tongan"],
    "trinidad-and-tobago": ["Trinidadian", "Tobagonian"],
    "tunisia": ["Tunisian"],
    "turkey": ["Turkish", "Turk"],
    "turkmenistan": ["Turkmen", "Turkmenistani"],
    "tuvalu": ["Tuvaluan"],
    "uganda": ["Ugandan"],
    "ukraine": ["Ukrainian"],
    "united-arab-emirates": ["Emirati"],
    "united-kingdom": ["British", "Briton", "Brit"],
    "united-states": ["American"],
    "uruguay": ["Uruguayan"],
    "uzbekistan": ["Uzbek", "Uzbekistani"],
    "vanuatu": ["Ni-Vanuatu"],
    "venezuela": ["Venezuelan"],
    "vietnam": ["Vietnamese"],
    "yemen": ["Yemeni"],
    "zambia": ["Zambian"],
    "zimbabwe": ["Zimbabwean"],
    "holy-see": [],
    "palestine": ["Palestinian"],
    "taiwan": ["Taiwanese"],
    "kosovo": ["Kosovar", "Kosovan"],
}
# countryinfo demonyms that are misspelt, archaic or not demonyms.
DROP_DEMONYMS = {
    "Cape Verdian",
    "Maldivan",
    "Kirghiz",
    "Tadzhik",
    "Djibouti",
    "Vaticanian",
    "Kittian",
    "Surinamer",
    "Guinea-Bissauan",
}
# Irregular or unused plurals: singular -> plural (None: no plural form).
PLURALS = {
    "Frenchman": None,
    "Frenchmen": None,
    "Frenchwoman": None,
    "Irishman": None,
    "Irishmen": None,
    "Dutchman": None,
    "Dutchmen": None,
    "Hellenic": None,
    "Icelandic": None,
    "Luxembourgish": None,
    "Philippine": None,
    "Lao": None,
    "Kyrgyz": None,
    "Turkmen": "Turkmens",
    "Motswana": None,
    "Batswana": None,
    "Basotho": None,
    "Mosotho": None,
    "I-Kiribati": None,
    "Ni-Vanuatu": None,
    "Malagasy": None,
    "Burkinabè": None,
    "Burkinabe": None,
    "Swazi": "Swazis",
    "Central African": "Central Africans",
    "Brit": "Brits",
    "Bajan": "Bajans",
    "Monegasque": "Monegasques",
    "Monégasque": None,
    "Sammarinese": None,
    "Seychellois": None,
    "Kosovar": "Kosovars",
    "Kosovan": "Kosovans",
    "Czech": "Czechs",
    "Kazakh": "Kazakhs",
}

# --------------------------------------------------------------------------
# Capitals (and seats of government) used for the government in news.
# --------------------------------------------------------------------------
CAPITALS: dict[str, list[str]] = {  # replaces the countryinfo capital
    "united-states": [
        "Washington",
        "Washington, D.C.",
        "Washington D.C.",
        "Washington DC",
    ],
    "kazakhstan": ["Astana", "Nur-Sultan"],
    "ukraine": ["Kyiv", "Kiev"],
    "bolivia": ["Sucre", "La Paz"],
    "netherlands": ["Amsterdam", "The Hague"],
    "ivory-coast": ["Yamoussoukro", "Abidjan"],
    "benin": ["Porto-Novo", "Cotonou"],
    "sri-lanka": ["Colombo", "Sri Jayawardenepura Kotte"],
    "malaysia": ["Kuala Lumpur", "Putrajaya"],
    "myanmar": ["Naypyidaw", "Nay Pyi Taw", "Naypyitaw"],
    "eswatini": ["Mbabane", "Lobamba"],
    "burundi": ["Gitega", "Bujumbura"],
    "palestine": ["Ramallah"],
    "holy-see": ["Vatican City"],
    "kosovo": ["Pristina", "Prishtina"],
    "kiribati": ["South Tarawa", "Tarawa"],
    "switzerland": ["Bern", "Berne"],
    "india": ["New Delhi", "Delhi"],
    "maldives": ["Malé", "Male"],
    "antigua-and-barbuda": ["Saint John's", "St. John's", "St John's"],
    "grenada": ["St. George's", "St George's"],
    "trinidad-and-tobago": ["Port of Spain", "Port-of-Spain"],
    "san-marino": ["San Marino"],
    "chad": ["N'Djamena", "Ndjamena"],
    "yemen": ["Sanaa", "Sana'a"],
    "tonga": ["Nuku'alofa"],
    "iceland": ["Reykjavik", "Reykjavík"],
    "israel": ["Jerusalem"],
    "south-africa": ["Pretoria"],
    "tanzania": ["Dodoma"],
}

# --------------------------------------------------------------------------
# Government metonyms, as written in news (article included).
# --------------------------------------------------------------------------
METONYMS: dict[str, list[str]] = {
    "united-states": [
        "the White House",
        "the Pentagon",
        "the State Department",
        "Foggy Bottom",
        "Capitol Hill",
        "the Oval Office",
    ],
    "russia": ["the Kremlin", "the State Duma", "the Duma"],
    "united-kingdom": [
        "Downing Street",
        "Number 10",
        "No 10",
        "No. 10",
        "Whitehall",
        "Westminster",
        "the Foreign Office",
        "the FCDO",
    ],
    "france": [
        "the Elysee",
        "the Élysée",
        "the Elysée",
        "the Elysee Palace",
        "the Élysée Palace",
        "the Quai d'Orsay",
        "Matignon",
    ],
    "germany": ["the Chancellery", "the Kanzleramt", "the Bundestag"],
    "china": ["Zhongnanhai", "the National People's Congress"],
    "japan": ["the Kantei", "Kasumigaseki", "Nagatacho"],
    "south-korea": ["the Blue House", "Cheong Wa Dae"],
    "india": ["South Block", "Raisina Hill", "the Lok Sabha"],
    "israel": ["the Knesset"],
    "ukraine": ["Bankova", "the Verkhovna Rada", "the Rada"],
    "italy": ["Palazzo Chigi", "the Farnesina"],
    "spain": ["La Moncloa", "the Moncloa", "Moncloa"],
    "brazil": ["Planalto", "the Planalto", "Planalto Palace", "Itamaraty"],
    "argentina": ["the Casa Rosada", "Casa Rosada"],
    "venezuela": ["Miraflores", "Miraflores Palace", "the Miraflores Palace"],
    "colombia": ["the Casa de Nariño", "Casa de Nariño", "Casa de Narino"],
    "chile": ["La Moneda", "the Moneda Palace"],
    "philippines": [
        "Malacañang",
        "Malacanang",
        "Malacañang Palace",
        "Malacanang Palace",
    ],
    "canada": ["Parliament Hill"],
    "south-africa": ["the Union Buildings"],
    "nigeria": ["Aso Rock", "Aso Villa"],
    "ireland": ["the Dáil", "the Dail", "Leinster House"],
    "poland": ["the Sejm"],
    "denmark": ["the Folketing", "Christiansborg"],
    "norway": ["the Storting"],
    "sweden": ["the Riksdag", "Rosenbad"],
    "netherlands": ["the Binnenhof"],
    "austria": ["the Ballhausplatz"],
    "greece": ["the Maximos Mansion"],
    "lebanon": ["Baabda", "Baabda Palace"],
    "holy-see": ["the Apostolic Palace"],
}

# --------------------------------------------------------------------------
# Aliases (names, demonyms, capitals) that often mean something else.
# --------------------------------------------------------------------------
AMBIGUOUS: dict[str, list[str]] = {
    "georgia": ["Georgia", "Georgian", "Georgians"],  # US state
    "jordan": ["Jordan"],  # first name, river
    "chad": ["Chad"],  # first name
    "niger": ["Niger"],  # river
    "guinea": ["Guinea", "Guinean", "Guineans"],  # other Guineas, New Guinea
    "united-states": ["America", "Washington"],  # continent; state, surname
    "republic-of-the-congo": ["Congo", "Congolese"],
    "dr-congo": ["Congo", "Congolese"],
    "north-korea": ["Korea", "Korean", "Koreans"],
    "south-korea": ["Korea", "Korean", "Koreans"],
    "dominica": ["Dominica", "Dominican", "Dominicans"],
    "dominican-republic": ["Dominican", "Dominicans"],
    "north-macedonia": ["Macedonia", "Macedonian", "Macedonians"],  # Greek region
    "china": ["Chinese"],  # ethnic Chinese, the language, Taiwan (ROC)
    "taiwan": ["Republic of China", "ROC"],
    "serbia": ["Serb", "Serbs"],  # Bosnian Serbs
    "croatia": ["Croat", "Croats"],  # Bosnian Croats
    "albania": ["Albanian", "Albanians"],  # Kosovo Albanians
    "micronesia": ["Micronesia", "Micronesian", "Micronesians"],  # the region
    "central-african-republic": ["CAR"],
    "netherlands": ["Holland", "The Hague"],  # the provinces; ICC/ICJ seat
    "belgium": ["Brussels"],  # EU, NATO
    "austria": ["Vienna"],  # IAEA, OPEC, OSCE, talks venue
    "israel": ["Jerusalem"],
    "india": ["Delhi"],  # the territory / city government
    "maldives": ["Male"],
    "seychelles": ["Victoria"],
    "jamaica": ["Kingston"],
    "guyana": ["Georgetown"],
    "chile": ["Santiago"],
    "costa-rica": ["San José", "San Jose"],
    "antigua-and-barbuda": ["Saint John's", "St. John's", "St John's"],
    "bahamas": ["Nassau"],
    "libya": ["Tripoli"],  # Lebanon's Tripoli
    "bulgaria": ["Sofia"],  # first name
    "new-zealand": ["Wellington"],
    "panama": ["Panama City"],  # Florida
    "luxembourg": ["Luxembourg"],  # the city, EU court seat
    "monaco": ["Monaco"],  # the football club, Grand Prix
    "ethiopia": ["Addis Ababa"],  # African Union seat
    "indonesia": ["Jakarta"],  # ASEAN seat
}

# --------------------------------------------------------------------------
# Organisations and the West (fully hand-written).
# --------------------------------------------------------------------------
ORGANISATIONS: list[dict] = [
    {
        "id": "nato",
        "label": "NATO",
        "qid": "Q7184",
        "names": [
            "NATO",
            "Nato",
            "North Atlantic Treaty Organization",
            "North Atlantic Treaty Organisation",
            "North Atlantic Alliance",
            "Atlantic Alliance",
            "the Alliance",
        ],
        "capitals": ["Brussels"],
        "ambiguous": ["the Alliance", "Brussels"],
    },
    {
        "id": "european-union",
        "label": "European Union",
        "qid": "Q458",
        "names": [
            "European Union",
            "EU",
            "E.U.",
            "European Commission",
            "EU Commission",
            "European Council",
            "Council of the European Union",
            "Council of the EU",
        ],
        "capitals": ["Brussels"],
        "metonyms": ["the Berlaymont"],
        "ambiguous": ["Brussels"],
    },
    {
        "id": "united-nations",
        "label": "United Nations",
        "qid": "Q1065",
        "names": [
            "United Nations",
            "UN",
            "U.N.",
            "UN Security Council",
            "U.N. Security Council",
            "United Nations Security Council",
            "Security Council",
            "UNSC",
            "UN General Assembly",
            "U.N. General Assembly",
            "United Nations General Assembly",
            "General Assembly",
            "UNGA",
        ],
        "metonyms": ["Turtle Bay"],
        "ambiguous": ["Security Council", "General Assembly"],
    },
    {
        "id": "african-union",
        "label": "African Union",
        "qid": "Q7159",
        "names": ["African Union", "AU", "African Union Commission"],
        "capitals": ["Addis Ababa"],
        "ambiguous": ["AU", "Addis Ababa"],
    },
    {
        "id": "asean",
        "label": "ASEAN",
        "qid": "Q7768",
        "names": [
            "ASEAN",
            "Asean",
            "Association of Southeast Asian Nations",
            "Association of South-East Asian Nations",
        ],
        "capitals": ["Jakarta"],
        "ambiguous": ["Jakarta"],
    },
    {
        "id": "oas",
        "label": "Organization of American States",
        "qid": "Q123759",
        "names": [
            "Organization of American States",
            "Organisation of American States",
            "OAS",
        ],
    },
    {
        "id": "ecowas",
        "label": "ECOWAS",
        "qid": "Q193272",
        "names": ["ECOWAS", "Ecowas", "Economic Community of West African States"],
    },
    {
        "id": "sco",
        "label": "Shanghai Cooperation Organisation",
        "qid": "Q485207",
        "names": [
            "Shanghai Cooperation Organisation",
            "Shanghai Cooperation Organization",
            "SCO",
        ],
    },
    {
        "id": "brics",
        "label": "BRICS",
        "qid": "Q243630",
        "names": ["BRICS", "Brics", "BRICS+"],
    },
    {
        "id": "csto",
        "label": "Collective Security Treaty Organization",
        "qid": "Q318693",
        "names": [
            "Collective Security Treaty Organization",
            "Collective Security Treaty Organisation",
            "CSTO",
        ],
    },
    {
        "id": "opec",
        "label": "OPEC",
        "qid": "Q7795",
        "names": [
            "OPEC",
            "Opec",
            "Organization of the Petroleum Exporting Countries",
            "Organisation of the Petroleum Exporting Countries",
        ],
        "capitals": ["Vienna"],
        "ambiguous": ["Vienna"],
    },
    {
        "id": "iaea",
        "label": "International Atomic Energy Agency",
        "qid": "Q41984",
        "names": ["International Atomic Energy Agency", "IAEA"],
        "capitals": ["Vienna"],
        "ambiguous": ["Vienna"],
    },
    {
        "id": "who",
        "label": "World Health Organization",
        "qid": "Q7817",
        "names": ["World Health Organization", "World Health Organisation", "WHO"],
        "capitals": ["Geneva"],
        "ambiguous": ["WHO", "Geneva"],
    },
    {
        "id": "osce",
        "label": "OSCE",
        "qid": "Q81299",
        "names": [
            "OSCE",
            "Organization for Security and Co-operation in Europe",
            "Organization for Security and Cooperation in Europe",
            "Organisation for Security and Co-operation in Europe",
            "Organisation for Security and Cooperation in Europe",
        ],
        "capitals": ["Vienna"],
        "ambiguous": ["Vienna"],
    },
    {
        "id": "arab-league",
        "label": "Arab League",
        "qid": "Q7172",
        "names": ["Arab League", "League of Arab States"],
    },
    {
        "id": "gcc",
        "label": "Gulf Cooperation Council",
        "qid": "Q217172",
        "names": [
            "Gulf Cooperation Council",
            "Cooperation Council for the Arab States of the Gulf",
            "GCC",
        ],
    },
    {
        "id": "g7",
        "label": "G7",
        "qid": "Q1764511",
        "names": ["G7", "G-7", "Group of Seven"],
    },
    {
        "id": "g20",
        "label": "G20",
        "qid": "Q19771",
        "names": ["G20", "G-20", "Group of 20", "Group of Twenty"],
    },
    {
        "id": "council-of-europe",
        "label": "Council of Europe",
        "qid": "Q8908",
        "names": ["Council of Europe"],
        "capitals": ["Strasbourg"],
        "ambiguous": ["Strasbourg"],
    },
    {
        "id": "cis",
        "label": "Commonwealth of Independent States",
        "qid": "Q7779",
        "names": ["Commonwealth of Independent States", "CIS"],
        "ambiguous": ["CIS"],
    },
    {
        "id": "eaeu",
        "label": "Eurasian Economic Union",
        "qid": "Q4173083",
        "names": ["Eurasian Economic Union", "EAEU", "EEU"],
    },
    {
        "id": "mercosur",
        "label": "Mercosur",
        "qid": "Q4264",
        "names": ["Mercosur", "MERCOSUR", "Mercosul", "Southern Common Market"],
    },
    {
        "id": "celac",
        "label": "CELAC",
        "qid": None,
        "names": ["CELAC", "Celac", "Community of Latin American and Caribbean States"],
    },
    {
        "id": "alba",
        "label": "ALBA",
        "qid": None,
        "names": [
            "ALBA",
            "ALBA-TCP",
            "Bolivarian Alliance for the Peoples of Our America",
            "Bolivarian Alliance",
        ],
        "ambiguous": ["ALBA"],
    },
    {
        "id": "quad",
        "label": "Quad",
        "qid": None,
        "names": ["Quad", "the Quad", "Quadrilateral Security Dialogue"],
        "ambiguous": ["Quad"],
    },
    {"id": "aukus", "label": "AUKUS", "qid": None, "names": ["AUKUS", "Aukus"]},
    {
        "id": "oic",
        "label": "Organisation of Islamic Cooperation",
        "qid": "Q47543",
        "names": [
            "Organisation of Islamic Cooperation",
            "Organization of Islamic Cooperation",
            "OIC",
            "Organisation of the Islamic Conference",
            "Organization of the Islamic Conference",
        ],
    },
    {
        "id": "icc",
        "label": "International Criminal Court",
        "qid": "Q47488",
        "names": ["International Criminal Court", "ICC"],
        "capitals": ["The Hague"],
        "ambiguous": ["ICC", "The Hague"],
    },
    {
        "id": "imf",
        "label": "International Monetary Fund",
        "qid": "Q7804",
        "names": ["International Monetary Fund", "IMF"],
    },
    {
        "id": "world-bank",
        "label": "World Bank",
        "qid": "Q7164",
        "names": ["World Bank"],
    },
    {
        "id": "wto",
        "label": "World Trade Organization",
        "qid": "Q7825",
        "names": ["World Trade Organization", "World Trade Organisation", "WTO"],
        "capitals": ["Geneva"],
        "ambiguous": ["Geneva"],
    },
]

THE_WEST = {
    "id": "the-west",
    "label": "the West",
    "kind": "Collective",
    "qid": "Q160381",
    "names": [
        "the West",
        "Western countries",
        "Western nations",
        "Western powers",
        "Western capitals",
        "Western governments",
        "Western allies",
        "Western leaders",
    ],
    "demonyms": ["Westerners", "Western"],
    # "West" (what matchers see of "the West") is in West Bank, West Africa, the US West...
    "ambiguous": ["the West", "Western"],
}

# Wikidata ids not confirmed by an independent source (see ontology/README.md).
UNCONFIRMED_QIDS: dict[str, str] = {
    "celac": "no independent source found",
    "alba": "no independent source found",
    "quad": "no independent source found",
    "aukus": "one unreviewed source only (Q108556886)",
}

KEYS = (
    "id",
    "label",
    "kind",
    "qid",
    "names",
    "demonyms",
    "capitals",
    "metonyms",
    "ambiguous",
)
ISO_CODE = re.compile(r"^[A-Z]{2,3}$")


def fold(text: str) -> str:
    """The text without diacritics ("Côte d'Ivoire" -> "Cote d'Ivoire")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def is_latin(text: str) -> bool:
    for ch in text:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def clean(name: str) -> str:
    name = " ".join(name.split())
    for article in ("the ", "The "):
        name = name.removeprefix(article)
    return name


def english_alt(name: str) -> bool:
    """Whether a countryinfo alternative spelling is an English news form."""
    if name in ENGLISH_SHORT_FORMS:
        return True
    if not name or "," in name or "(" in name or ISO_CODE.match(name) or not is_latin(name):
        return False
    if any(word in name for word in FOREIGN_WORDS):
        return False
    return any(word in STATE_FORM_WORDS for word in re.split(r"[\s-]+", name))


def plural(word: str) -> str | None:
    if word in PLURALS:
        return PLURALS[word]
    if word.endswith(("ese", "ish", "ch", "ss", "sh", "ois", "y", "ic", "z")):
        return None
    return word + "s"


def bare(form: str) -> str:
    """The form as matchers index it: without a leading lowercase article."""
    return form.removeprefix("the ")


def ambiguity(forms: list[str]) -> list[str]:
    """Ambiguous forms, each also in its article-less spelling ("the Alliance", "Alliance")."""
    return unique(f for form in forms for f in (form, bare(form)))


def unique(items) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return list(seen)


def with_folded(items: list[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        out.append(item)
        if fold(item) != item:
            out.append(fold(item))
    return unique(out)


def package_data(iso2: str | None) -> tuple[list[str], list[str], list[str]]:
    """Names, demonyms and capitals from countryinfo and pycountry."""
    names: list[str] = []
    demonyms: list[str] = []
    capitals: list[str] = []
    if iso2 is None:
        return names, demonyms, capitals
    try:
        info = CountryInfo(iso2).info()
    except CountryNotFoundError:
        info = {}
    if info:
        names.append(clean(info["name"]))
        names += [clean(a) for a in info.get("altSpellings") or [] if english_alt(clean(a))]
        demonym = info.get("demonym") or ""
        if demonym and demonym not in DROP_DEMONYMS:
            demonyms += [d.strip() for d in re.split(r"[,/]| and ", demonym) if d.strip()]
        capital = info.get("capital")
        if isinstance(capital, str) and capital:
            capitals.append(capital)
    country = pycountry.countries.get(alpha_2=iso2)
    if country is not None:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                names.append(clean(value))
    return names, demonyms, capitals


def state_record(actor_id: str, iso2: str | None, label: str, qid: str | None) -> dict:
    names, demonyms, capitals = package_data(iso2)
    drop = set(DROP_NAMES.get(actor_id, [])) | GLOBAL_DROP
    names = [
        n
        for n in [label, *names, *EXTRA_NAMES.get(actor_id, [])]
        if n not in drop and "," not in n and "(" not in n  # no inverted or bracketed forms
    ]
    names = with_folded(unique(names))
    demonyms = [d for d in unique([*demonyms, *DEMONYMS.get(actor_id, [])]) if d not in DROP_DEMONYMS]
    demonyms = with_folded(unique(demonyms + [p for p in map(plural, demonyms) if p]))
    capitals = with_folded(CAPITALS.get(actor_id, capitals))
    return {
        "id": actor_id,
        "label": label,
        "kind": "State",
        "qid": qid,
        "names": names,
        "demonyms": demonyms,
        "capitals": capitals,
        "metonyms": unique(METONYMS.get(actor_id, [])),
        "ambiguous": ambiguity(AMBIGUOUS.get(actor_id, [])),
    }


def org_record(spec: dict) -> dict:
    return {
        "id": spec["id"],
        "label": spec["label"],
        "kind": "Organisation",
        "qid": spec["qid"],
        "names": with_folded(unique(spec.get("names", []))),
        "demonyms": unique(spec.get("demonyms", [])),
        "capitals": with_folded(unique(spec.get("capitals", []))),
        "metonyms": unique(spec.get("metonyms", [])),
        "ambiguous": ambiguity(spec.get("ambiguous", [])),
    }


def check(records: list[dict]) -> None:
    """Fail loudly on records that break the format."""
    seen_ids: set[str] = set()
    for rec in records:
        assert tuple(sorted(rec)) == tuple(sorted(KEYS)), rec["id"]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rec["id"]), rec["id"]
        assert rec["id"] not in seen_ids, rec["id"]
        seen_ids.add(rec["id"])
        assert rec["kind"] in ("State", "Organisation", "Collective"), rec["id"]
        assert rec["qid"] is None or re.fullmatch(r"Q[1-9][0-9]*", rec["qid"]), rec["id"]
        aliases = {*rec["names"], *rec["demonyms"], *rec["capitals"]}
        aliases |= {bare(a) for a in aliases}
        missing = [a for a in rec["ambiguous"] if a not in aliases]
        assert not missing, (rec["id"], missing)
        for field in ("names", "demonyms", "capitals", "metonyms"):
            for alias in rec[field]:
                assert alias == alias.strip() and alias, (rec["id"], field, alias)
                assert not alias.islower(), (rec["id"], field, alias)
        assert (rec["qid"] is None) == (rec["id"] in UNCONFIRMED_QIDS), rec["id"]
    owners: dict[str, set[str]] = {}
    for rec in records:
        forms = [rec["label"], *rec["names"], *rec["demonyms"], *rec["capitals"], *rec["metonyms"]]
        for alias in {bare(f) for f in forms}:
            owners.setdefault(alias, set()).add(rec["id"])
    by_id = {rec["id"]: rec for rec in records}
    for alias, ids in owners.items():  # an alias of several actors needs context
        if len(ids) > 1:
            assert all(alias in by_id[i]["ambiguous"] for i in ids), (
                alias,
                sorted(ids),
            )
    states = [r for r in records if r["kind"] == "State"]
    assert len(states) == 197, len(states)


def build() -> list[dict]:
    records = [state_record(*row) for row in STATES]
    records += [org_record(spec) for spec in ORGANISATIONS]
    records.append({**{k: [] for k in KEYS}, **THE_WEST, "ambiguous": ambiguity(THE_WEST["ambiguous"])})
    records.sort(key=lambda r: r["id"])
    check(records)
    return records


def render(records: list[dict]) -> str:
    return "".join(
        json.dumps({k: rec[k] for k in KEYS}, ensure_ascii=False, sort_keys=True) + "\n" for rec in records
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the data file is stale")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    text = render(build())
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(
                f"{args.out} is out of date; run scripts/make_actors.py",
                file=sys.stderr,
            )
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({text.count(chr(10))} actors)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
