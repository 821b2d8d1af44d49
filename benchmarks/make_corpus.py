#!/usr/bin/env python3
"""Write a deterministic corpus of synthetic wire-service diplomatic news, for speed benchmarks.

    python benchmarks/make_corpus.py N OUT_DIR [--seed 1] [--jsonl] [--force]

writes N articles into OUT_DIR in the seed format, 1,000 files a folder
(OUT_DIR/0000/a000000.txt ... OUT_DIR/0009/a009999.txt): the first line starts with
` date YYYY-MM-DD ` (2017-2025) followed by the text, and further paragraphs follow on
new lines. With --jsonl the same articles go into OUT_DIR/0000.jsonl, OUT_DIR/0001.jsonl ...,
1,000 a file, one {"id", "date", "text"} object a line, with the ids, dates and texts of the
.txt files: both formats build the same graph.

Articles average about 4 KB (10,000 are about 40 MB) in 4 to 8 paragraphs. Each one is built
around a crisis between two states, their allies and some bystanders, from well over a
hundred sentence, quotation and attribution templates: support, solidarity, allies and
partners, aid and weapons deliveries, doubts, warnings and threats, condemnations,
sanctions, accusations, summoned ambassadors, negated stances ("declined to condemn") and
neutral sentences (economy, talks, the weather of diplomacy), so that only part of the text
carries stances. Speakers are real office-holders in office on the article's date where the
script knows them, and otherwise invented officials with a title ("Brazilian Foreign
Minister Ana Costa"), the same invented person for an office for a few years of a run.

Only the standard library and `random.Random` are used: article i is drawn from its own
Random seeded with (seed, i), so the same N and seed give byte-identical files, and the first
200 articles of a run of 10,000 are the articles of a run of 200.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from random import Random

PER_FOLDER = 1000
FIRST_DAY = date(2017, 1, 1)
LAST_DAY = date(2025, 12, 31)
MIN_CHARS, MAX_CHARS = 2600, 5400  # the target size of an article's text (mean about 4,000)

# --------------------------------------------------------------------------------------------
# Actors: id, names (the first is the usual one), capitals, adjective, metonyms, name pool,
# kind ("state"; "org" with officials of its own; "bloc" with none). The names are those of
# the stancegraph knowledge base, so that every form is a mention of its actor.

ACTOR_ROWS = """
russia|Russia;the Russian Federation|Moscow|Russian|the Kremlin|slavic|state
united-states|the United States;the US;America|Washington|US|the White House;the State Department|west|state
china|China;the People's Republic of China|Beijing|Chinese||cn|state
nato|NATO;the North Atlantic Alliance||NATO||west|org
european-union|the EU;the European Union;the European Commission|Brussels|EU||west|org
united-nations|the UN;the United Nations;the UN Security Council||UN||west|org
the-west|the West;Western countries;Western capitals||Western||west|bloc
india|India|New Delhi|Indian|South Block|sasia|state
iran|Iran;the Islamic Republic of Iran|Tehran|Iranian||iranian|state
israel|Israel|Jerusalem|Israeli||hebrew|state
turkey|Turkey;Turkiye|Ankara|Turkish||turkic|state
japan|Japan|Tokyo|Japanese||jp|state
germany|Germany|Berlin|German|the Chancellery|west|state
france|France|Paris|French|the Elysee;the Quai d'Orsay|west|state
united-kingdom|Britain;the United Kingdom;the UK|London|British|Downing Street;the Foreign Office|west|state
ukraine|Ukraine|Kyiv|Ukrainian||slavic|state
brazil|Brazil|Brasilia|Brazilian|Itamaraty|latin|state
south-africa|South Africa|Pretoria|South African||africa|state
saudi-arabia|Saudi Arabia|Riyadh|Saudi||arabic|state
qatar|Qatar|Doha|Qatari||arabic|state
egypt|Egypt|Cairo|Egyptian||arabic|state
pakistan|Pakistan|Islamabad|Pakistani||sasia|state
south-korea|South Korea|Seoul|South Korean||kr|state
north-korea|North Korea|Pyongyang|North Korean||kr|state
serbia|Serbia|Belgrade|Serbian||slavic|state
kosovo|Kosovo|Pristina|Kosovar||balkan|state
armenia|Armenia|Yerevan|Armenian||armenian|state
azerbaijan|Azerbaijan|Baku|Azerbaijani||azeri|state
ethiopia|Ethiopia||Ethiopian||africa|state
nigeria|Nigeria|Abuja|Nigerian||africa|state
venezuela|Venezuela|Caracas|Venezuelan|Miraflores|latin|state
cuba|Cuba|Havana|Cuban||latin|state
belarus|Belarus|Minsk|Belarusian||slavic|state
poland|Poland|Warsaw|Polish||slavic|state
hungary|Hungary|Budapest|Hungarian||west|state
italy|Italy|Rome|Italian|Palazzo Chigi|west|state
spain|Spain|Madrid|Spanish|La Moncloa|latin|state
canada|Canada|Ottawa|Canadian||west|state
australia|Australia|Canberra|Australian||west|state
mexico|Mexico|Mexico City|Mexican||latin|state
argentina|Argentina|Buenos Aires|Argentine||latin|state
colombia|Colombia|Bogota|Colombian||latin|state
indonesia|Indonesia||Indonesian||sea|state
vietnam|Vietnam|Hanoi|Vietnamese||sea|state
philippines|the Philippines|Manila|Philippine||sea|state
taiwan|Taiwan|Taipei|Taiwanese||cn|state
syria|Syria|Damascus|Syrian||arabic|state
iraq|Iraq|Baghdad|Iraqi||arabic|state
lebanon|Lebanon|Beirut|Lebanese||arabic|state
jordan|Jordan|Amman|Jordanian||arabic|state
united-arab-emirates|the United Arab Emirates;the UAE|Abu Dhabi|Emirati||arabic|state
algeria|Algeria|Algiers|Algerian||arabic|state
morocco|Morocco|Rabat|Moroccan||arabic|state
kenya|Kenya|Nairobi|Kenyan||africa|state
sudan|Sudan|Khartoum|Sudanese||arabic|state
niger|Niger|Niamey|Nigerien||africa|state
mali|Mali|Bamako|Malian||africa|state
burkina-faso|Burkina Faso|Ouagadougou|Burkinabe||africa|state
senegal|Senegal|Dakar|Senegalese||africa|state
moldova|Moldova|Chisinau|Moldovan||slavic|state
romania|Romania|Bucharest|Romanian||west|state
kazakhstan|Kazakhstan|Astana|Kazakh||turkic|state
sweden|Sweden|Stockholm|Swedish||west|state
finland|Finland|Helsinki|Finnish||west|state
lithuania|Lithuania|Vilnius|Lithuanian||west|state
latvia|Latvia|Riga|Latvian||west|state
estonia|Estonia|Tallinn|Estonian||west|state
greece|Greece|Athens|Greek||west|state
cyprus|Cyprus|Nicosia|Cypriot||west|state
norway|Norway|Oslo|Norwegian||west|state
netherlands|the Netherlands|Amsterdam|Dutch||west|state
albania|Albania|Tirana|Albanian||balkan|state
rwanda|Rwanda|Kigali|Rwandan||africa|state
dr-congo|the Democratic Republic of the Congo;DR Congo|Kinshasa|Congolese||africa|state
uganda|Uganda|Kampala|Ugandan||africa|state
somalia|Somalia|Mogadishu|Somali||africa|state
eritrea|Eritrea|Asmara|Eritrean||africa|state
djibouti|Djibouti||Djiboutian||africa|state
guyana|Guyana||Guyanese||west|state
nicaragua|Nicaragua|Managua|Nicaraguan||latin|state
oman|Oman|Muscat|Omani||arabic|state
kuwait|Kuwait||Kuwaiti||arabic|state
bahrain|Bahrain|Manama|Bahraini||arabic|state
yemen|Yemen|Sanaa|Yemeni||arabic|state
palestine|the Palestinian Authority;Palestine|Ramallah|Palestinian||arabic|state
ireland|Ireland|Dublin|Irish||west|state
singapore|Singapore||Singaporean||sea|state
malaysia|Malaysia|Kuala Lumpur|Malaysian||sea|state
cambodia|Cambodia|Phnom Penh|Cambodian||sea|state
bangladesh|Bangladesh|Dhaka|Bangladeshi||sasia|state
nepal|Nepal|Kathmandu|Nepalese||sasia|state
african-union|the African Union||African Union||africa|org
asean|ASEAN;the Association of Southeast Asian Nations||ASEAN||sea|org
arab-league|the Arab League||Arab League||arabic|org
ecowas|ECOWAS;the Economic Community of West African States||ECOWAS||africa|org
osce|the OSCE||OSCE||west|org
iaea|the IAEA;the International Atomic Energy Agency||IAEA||latin|org
oic|the Organisation of Islamic Cooperation;the OIC||OIC||arabic|org
oas|the Organization of American States;the OAS||OAS||latin|org
gcc|the Gulf Cooperation Council;the GCC||GCC||arabic|org
g7|the G7;the Group of Seven||G7||west|bloc
brics|BRICS||BRICS||west|bloc
sco|the Shanghai Cooperation Organisation;the SCO||SCO||west|bloc
"""


class Actor:
    def __init__(self, row: str) -> None:
        key, names, capitals, adj, metonyms, pool, kind = row.split("|")
        self.key, self.adj, self.pool, self.kind = key, adj, pool, kind
        self.names = names.split(";")
        self.capitals = [c for c in capitals.split(";") if c]
        self.metonyms = [m for m in metonyms.split(";") if m]
        # mention forms with weights: the usual name most often, then the capital
        self.forms = [self.names[0]] * 6 + self.names[1:] + self.capitals * 3 + self.metonyms
        self.name = self.names[0]
        self.capital = self.capitals[0] if self.capitals else self.name

    def __repr__(self) -> str:
        return self.key


ACTORS = {a.key: a for a in (Actor(row) for row in ACTOR_ROWS.strip().splitlines())}
STATES = [k for k, a in ACTORS.items() if a.kind == "state"]
# actors that deliver weapons and aid, besides states
DONORS = {"european-union", "nato"}
# organisations that impose sanctions, besides states
SANCTIONERS = {"european-union", "united-nations", "ecowas", "african-union", "arab-league", "g7"}

# --------------------------------------------------------------------------------------------
# Office-holders: actor | title before the name ("!" = used as is, otherwise after the
# adjective) | name | gender | start | end | the short name when it is not the last word.

ROSTER_ROWS = """
russia|President|Vladimir Putin|m|2012-05-07||
russia|Foreign Minister|Sergei Lavrov|m|2004-03-09||
russia|foreign ministry spokeswoman|Maria Zakharova|f|2015-08-10||
russia|!Kremlin spokesman|Dmitry Peskov|m|2012-05-22||
russia|Defence Minister|Sergei Shoigu|m|2012-11-06|2024-05-12|
russia|Defence Minister|Andrei Belousov|m|2024-05-14||
russia|Deputy Foreign Minister|Sergei Ryabkov|m|2008-08-19||
russia|UN Ambassador|Vassily Nebenzia|m|2017-07-27||
united-states|President|Donald Trump|m|2017-01-20|2021-01-20|
united-states|President|Joe Biden|m|2021-01-20|2025-01-20|
united-states|President|Donald Trump|m|2025-01-20||
united-states|Secretary of State|Rex Tillerson|m|2017-02-01|2018-03-31|
united-states|Secretary of State|Mike Pompeo|m|2018-04-26|2021-01-20|
united-states|Secretary of State|Antony Blinken|m|2021-01-26|2025-01-20|
united-states|Secretary of State|Marco Rubio|m|2025-01-21||
united-states|State Department spokesman|Ned Price|m|2021-01-20|2023-03-31|
united-states|State Department spokesman|Matthew Miller|m|2023-05-01|2025-01-20|
united-states|UN Ambassador|Nikki Haley|f|2017-01-27|2018-12-31|
united-states|UN Ambassador|Linda Thomas-Greenfield|f|2021-02-25|2025-01-20|
china|President|Xi Jinping|m|2013-03-14||Xi
china|Foreign Minister|Wang Yi|m|2017-01-01|2022-12-30|Wang
china|Foreign Minister|Qin Gang|m|2022-12-30|2023-07-25|Qin
china|Foreign Minister|Wang Yi|m|2023-07-25||Wang
china|foreign ministry spokesman|Geng Shuang|m|2016-09-26|2020-06-05|Geng
china|foreign ministry spokeswoman|Hua Chunying|f|2017-01-01|2024-05-27|Hua
china|foreign ministry spokesman|Zhao Lijian|m|2020-02-24|2023-01-09|Zhao
china|foreign ministry spokesman|Wang Wenbin|m|2020-07-20|2024-07-01|Wang
china|foreign ministry spokeswoman|Mao Ning|f|2022-09-05||Mao
china|foreign ministry spokesman|Lin Jian|m|2024-03-18||Lin
china|foreign ministry spokesman|Guo Jiakun|m|2025-01-06||Guo
nato|Secretary-General|Jens Stoltenberg|m|2014-10-01|2024-10-01|
nato|Secretary-General|Mark Rutte|m|2024-10-01||
united-nations|Secretary-General|Antonio Guterres|m|2017-01-01||
european-union|foreign policy chief|Federica Mogherini|f|2014-11-01|2019-11-30|
european-union|foreign policy chief|Josep Borrell|m|2019-12-01|2024-11-30|
european-union|foreign policy chief|Kaja Kallas|f|2024-12-01||
european-union|!European Commission President|Ursula von der Leyen|f|2019-12-01||von der Leyen
france|President|Emmanuel Macron|m|2017-05-14||
france|Foreign Minister|Jean-Yves Le Drian|m|2017-05-17|2022-05-20|Le Drian
france|Foreign Minister|Catherine Colonna|f|2022-05-20|2024-01-11|
france|Foreign Minister|Stephane Sejourne|m|2024-01-11|2024-09-21|
france|Foreign Minister|Jean-Noel Barrot|m|2024-09-21||
germany|Chancellor|Angela Merkel|f|2005-11-22|2021-12-08|
germany|Chancellor|Olaf Scholz|m|2021-12-08|2025-05-06|
germany|Chancellor|Friedrich Merz|m|2025-05-06||
germany|Foreign Minister|Sigmar Gabriel|m|2017-01-27|2018-03-14|
germany|Foreign Minister|Heiko Maas|m|2018-03-14|2021-12-08|
germany|Foreign Minister|Annalena Baerbock|f|2021-12-08|2025-05-06|
germany|Foreign Minister|Johann Wadephul|m|2025-05-06||
united-kingdom|Prime Minister|Theresa May|f|2016-07-13|2019-07-24|
united-kingdom|Prime Minister|Boris Johnson|m|2019-07-24|2022-09-06|
united-kingdom|Prime Minister|Rishi Sunak|m|2022-10-25|2024-07-05|
united-kingdom|Prime Minister|Keir Starmer|m|2024-07-05||
united-kingdom|Foreign Secretary|Jeremy Hunt|m|2018-07-09|2019-07-24|
united-kingdom|Foreign Secretary|Dominic Raab|m|2019-07-24|2021-09-15|
united-kingdom|Foreign Secretary|Liz Truss|f|2021-09-15|2022-09-06|
united-kingdom|Foreign Secretary|James Cleverly|m|2022-09-06|2023-11-13|
united-kingdom|Foreign Secretary|David Cameron|m|2023-11-13|2024-07-05|
united-kingdom|Foreign Secretary|David Lammy|m|2024-07-05|2025-09-05|
united-kingdom|Foreign Secretary|Yvette Cooper|f|2025-09-05||
ukraine|President|Petro Poroshenko|m|2014-06-07|2019-05-20|
ukraine|President|Volodymyr Zelensky|m|2019-05-20||
ukraine|Foreign Minister|Pavlo Klimkin|m|2014-06-19|2019-08-29|
ukraine|Foreign Minister|Dmytro Kuleba|m|2020-03-04|2024-09-05|
ukraine|Foreign Minister|Andrii Sybiha|m|2024-09-05||
india|Prime Minister|Narendra Modi|m|2014-05-26||
india|External Affairs Minister|Subrahmanyam Jaishankar|m|2019-05-30||Jaishankar
iran|President|Hassan Rouhani|m|2013-08-03|2021-08-03|
iran|President|Ebrahim Raisi|m|2021-08-03|2024-05-19|
iran|President|Masoud Pezeshkian|m|2024-07-28||
iran|Foreign Minister|Mohammad Javad Zarif|m|2013-08-15|2021-08-25|Zarif
iran|Foreign Minister|Hossein Amir-Abdollahian|m|2021-08-25|2024-05-19|
iran|Foreign Minister|Abbas Araghchi|m|2024-08-21||
israel|Prime Minister|Benjamin Netanyahu|m|2017-01-01|2021-06-13|
israel|Prime Minister|Naftali Bennett|m|2021-06-13|2022-06-30|
israel|Prime Minister|Benjamin Netanyahu|m|2022-12-29||
turkey|President|Recep Tayyip Erdogan|m|2014-08-28||
turkey|Foreign Minister|Mevlut Cavusoglu|m|2015-11-24|2023-06-04|
turkey|Foreign Minister|Hakan Fidan|m|2023-06-04||
japan|Prime Minister|Shinzo Abe|m|2012-12-26|2020-09-16|
japan|Prime Minister|Yoshihide Suga|m|2020-09-16|2021-10-04|
japan|Prime Minister|Fumio Kishida|m|2021-10-04|2024-10-01|
japan|Prime Minister|Shigeru Ishiba|m|2024-10-01|2025-10-21|
brazil|President|Jair Bolsonaro|m|2019-01-01|2022-12-31|
brazil|President|Luiz Inacio Lula da Silva|m|2023-01-01||Lula
brazil|Foreign Minister|Mauro Vieira|m|2023-01-01||
south-africa|President|Cyril Ramaphosa|m|2018-02-15||
south-africa|International Relations Minister|Naledi Pandor|f|2019-05-30|2024-06-30|
saudi-arabia|Foreign Minister|Prince Faisal bin Farhan|m|2019-10-23||Prince Faisal
qatar|Emir|Sheikh Tamim bin Hamad Al Thani|m|2013-06-25||Sheikh Tamim
egypt|President|Abdel Fattah el-Sisi|m|2014-06-08||Sisi
egypt|Foreign Minister|Sameh Shoukry|m|2014-06-17|2024-07-03|
egypt|Foreign Minister|Badr Abdelatty|m|2024-07-03||
south-korea|President|Moon Jae-in|m|2017-05-10|2022-05-10|Moon
south-korea|President|Yoon Suk Yeol|m|2022-05-10|2025-04-04|Yoon
north-korea|leader|Kim Jong Un|m|2011-12-17||Kim
serbia|President|Aleksandar Vucic|m|2017-05-31||
kosovo|Prime Minister|Albin Kurti|m|2021-03-22||
armenia|Prime Minister|Nikol Pashinyan|m|2018-05-08||
azerbaijan|President|Ilham Aliyev|m|2003-10-31||
azerbaijan|Foreign Minister|Jeyhun Bayramov|m|2020-07-16||
hungary|Prime Minister|Viktor Orban|m|2010-05-29||
hungary|Foreign Minister|Peter Szijjarto|m|2014-09-23||
poland|Foreign Minister|Radoslaw Sikorski|m|2023-12-13||
venezuela|President|Nicolas Maduro|m|2013-03-05||
belarus|President|Alexander Lukashenko|m|1994-07-20||
ethiopia|Prime Minister|Abiy Ahmed|m|2018-04-02||Abiy
nigeria|President|Bola Tinubu|m|2023-05-29||
canada|Prime Minister|Justin Trudeau|m|2015-11-04|2025-03-14|
australia|Foreign Minister|Penny Wong|f|2022-05-23||
italy|Prime Minister|Giorgia Meloni|f|2022-10-22||
taiwan|President|Tsai Ing-wen|f|2016-05-20|2024-05-20|Tsai
taiwan|President|Lai Ching-te|m|2024-05-20||Lai
philippines|President|Ferdinand Marcos Jr.|m|2022-06-30||Marcos
arab-league|Secretary-General|Ahmed Aboul Gheit|m|2016-07-01||Aboul Gheit
african-union|Commission Chairperson|Moussa Faki Mahamat|m|2017-03-14|2025-02-15|Faki
iaea|chief|Rafael Grossi|m|2019-12-03||
"""


class Official:
    """A person with a title: how they are introduced, referred to and pronounced."""

    def __init__(self, actor: Actor, title: str, name: str, gender: str, short: str = "") -> None:
        self.actor, self.name, self.gender = actor, name, gender
        self.collective = gender == "p"  # "G7 leaders", "Western officials"
        self.plain = title.startswith("!")  # a title used as is, without the adjective
        self.title = title.lstrip("!")
        self.title_before = self.title if self.plain else f"{actor.adj} {self.title}"
        self.short = short or name.split()[-1]
        self.pronoun = {"m": "he", "f": "she"}.get(gender, "they")
        self.head = self.title.split()[-1].lower() if self.title else ""  # "minister", "spokesman", ...

    def intro(self, rng: Random, end: bool) -> str:
        """The first mention: "French Foreign Minister Jean-Noel Barrot", "Sergei Lavrov, Russia's
        foreign minister," or "Mao Ning, the Chinese foreign ministry spokeswoman,"."""
        if self.collective:
            return self.name
        roll = rng.random()
        if roll < 0.7 or self.plain:
            return f"{self.title_before} {self.name}"
        title = lower_title(self.title)
        if roll < 0.88:
            text = f"{self.name}, {possessive(self.actor.name)} {title}"
        else:
            text = f"{self.name}, the {self.actor.adj} {title}"
        return text if end else text + ","

    def ref(self, rng: Random) -> str:
        """A later mention: the short name, now and then "the minister"."""
        if self.collective:
            return self.name
        if self.head in ("minister", "spokesman", "spokeswoman", "president") and rng.random() < 0.15:
            return f"the {self.head}"
        return self.short


ROSTER: dict[str, list[tuple[date, date, str, str, str, str]]] = {}
for _row in ROSTER_ROWS.strip().splitlines():
    _actor, _title, _name, _gender, _start, _end, _short = _row.split("|")
    ROSTER.setdefault(_actor, []).append(
        (date.fromisoformat(_start), date.fromisoformat(_end) if _end else date.max, _title, _name, _gender, _short))

# invented officials: titles by kind, and names by pool
TITLES_OF = {  # states whose offices have other names
    "united-states": ["Deputy Secretary of State", "Defense Secretary", "State Department spokesman",
                      "national security adviser", "UN Ambassador"],
    "united-kingdom": ["Foreign Secretary", "Defence Secretary", "Foreign Office minister", "national security adviser",
                       "UN ambassador"],
}
SAME_OFFICE = {"external affairs minister": "foreign minister", "foreign secretary": "foreign minister",
               "secretary of state": "foreign minister", "foreign ministry spokeswoman": "foreign ministry spokesman",
               "state department spokeswoman": "state department spokesman"}
STATE_TITLES = ["Foreign Minister", "Foreign Minister", "Deputy Foreign Minister", "Defence Minister",
                "foreign ministry spokesman", "foreign ministry spokesman", "national security adviser",
                "UN ambassador", "Deputy Prime Minister"]
ORG_TITLES = {
    "nato": ["spokesman", "deputy secretary-general"],
    "european-union": ["spokesman", "special envoy"],
    "united-nations": ["spokesman", "special envoy", "humanitarian chief"],
    "african-union": ["special envoy", "spokesman"],
    "asean": ["Secretary-General", "special envoy"],
    "arab-league": ["envoy", "spokesman"],
    "ecowas": ["Commission President", "special envoy"],
    "osce": ["Secretary General", "special representative"],
    "iaea": ["spokesman"],
    "oic": ["Secretary-General"],
    "oas": ["Secretary General"],
    "gcc": ["Secretary-General"],
}
FIRST = {
    "slavic": ("Igor Dmitri Pavel Oleksandr Bogdan Andrei Nikolai Yuri Taras Milan",
               "Irina Olena Natalia Svetlana Yulia Oksana Daria Tatiana"),
    "west": ("Thomas Lukas Pierre Jan Henrik Matteo Daniel James Peter Michael Stefan Erik",
             "Anna Sophie Claire Ingrid Elena Sarah Laura Katrin Marie Helen"),
    "latin": ("Carlos Jorge Luis Andres Rafael Diego Martin Eduardo Fernando",
              "Ana Maria Lucia Carmen Julia Paula Isabel Gabriela"),
    "arabic": ("Khalid Omar Youssef Tariq Hassan Samir Karim Walid Nabil Adel",
               "Layla Nadia Rania Salma Huda Mona Dalia"),
    "africa": ("Kwame Emeka Tendai Abebe Moussa Sipho Joseph Samuel Ibrahim Yaw",
               "Amina Ngozi Thandiwe Fatou Grace Halima Aisha Esther"),
    "sasia": ("Rajesh Arjun Imran Farhan Vikram Anil Bilal Suresh", "Priya Ayesha Sana Meera Kavita"),
    "iranian": ("Reza Farid Mehdi Hamid Kazem Ali", "Maryam Zahra Leila Fatemeh"),
    "turkic": ("Murat Emre Serkan Yusuf Bulent Nurlan", "Zeynep Elif Aylin Gulnara"),
    "armenian": ("Tigran Arman Davit Hovhannes Gevorg", "Anahit Narine Lilit Gayane"),
    "azeri": ("Elnur Rashad Anar Farid Elchin", "Leyla Gunel Aynur Sevinj"),
    "balkan": ("Dritan Arben Besnik Luan Petrit", "Vjosa Arta Blerta Teuta"),
    "hebrew": ("Yossi Avi Eitan Amir Noam", "Tamar Yael Michal Noa"),
    "sea": ("Nguyen Van Minh|Tran Duc Long|Bambang Sutrisno|Rizal Santos|Ahmad Faizal|Somchai Rattana",
            "Nguyen Thi Lan|Siti Rahmawati|Maria Reyes|Dewi Lestari"),
    "cn": ("Zhang Wei|Liu Yang|Chen Ming|Zhao Hui|Sun Tao|Huang Jun", "Li Na|Zhou Ying|Xu Lan"),
    "kr": ("Park Ji-hoon|Choi Min-ho|Jung Sung-min|Han Dong-soo", "Kang Eun-ji|Yoo Hye-jin"),
    "jp": ("Kenji Sato|Hiroshi Tanaka|Takeshi Yamamoto|Daisuke Mori", "Yuko Nakamura|Keiko Ito"),
}
LAST = {
    "slavic": "Petrenko Kovalenko Sokolov Morozov Lebedev Volkov Melnyk Bondar Markovic Novikov",
    "west": "Berger Lambert Jansen Lindqvist Moreau Rossi Fischer Walsh Keller Dubois Andersen Hartmann",
    "latin": "Costa Mendes Ramirez Herrera Duarte Salazar Pereira Rojas Castillo Moreira Fuentes",
    "arabic": "Haddad Nasser al-Qasimi Khoury Saleh Farouk Abdelrahman El-Sayed Hamdan al-Harbi",
    "africa": "Mensah Okafor Diallo Ndlovu Tesfaye Kamara Osei Abubakar Nkosi Traore Mwangi",
    "sasia": "Sharma Mehta Qureshi Chaudhry Iyer Malik Rahman Kapoor",
    "iranian": "Karimi Hosseini Rahimi Tehrani Moradi Sadeghi",
    "turkic": "Yilmaz Demir Kaya Ozturk Aydin Sultanov",
    "armenian": "Hakobyan Grigoryan Avetisyan Harutyunyan Petrosyan",
    "azeri": "Mammadli Huseynli Guliyev Rzayev Ismayilzada",
    "balkan": "Krasniqi Berisha Hoxha Gashi Shala",
    "hebrew": "Cohen Levi Mizrahi Peretz Friedman",
}


PROPER_IN_TITLES = ("State Department", "Foreign Office", "European Commission", "Commission", "Kremlin")


def lower_title(title: str) -> str:
    """A title in running text: "Foreign Minister" -> "foreign minister", but "State Department
    spokesman" -> "State Department spokesman" and "UN Ambassador" -> "UN ambassador"."""
    for phrase in PROPER_IN_TITLES:
        if phrase in title:
            head, _, tail = title.partition(phrase)
            return lower_title(head) + phrase + lower_title(tail) if head or tail else phrase
    return " ".join(w if w.isupper() else w.lower() for w in title.split(" "))


def possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


_INVENTED: dict[tuple, Official] = {}


def invented(seed: int, actor: Actor, title: str, day: date) -> Official:
    """The invented holder of an office, the same for three years of a run."""
    key = (seed, actor.key, title, (day.year - 2017) // 3)
    if key not in _INVENTED:
        rng = Random(f"{seed}/{actor.key}/{title}/{key[3]}")
        gender = "f" if rng.random() < 0.35 else "m"
        men, women = FIRST.get(actor.pool, FIRST["west"])
        given = (women if gender == "f" else men)
        if "|" in given:  # full names
            name = rng.choice(given.split("|"))
            short = name.split()[0] if actor.pool in ("cn", "kr") else ""  # family name first
        else:
            name = f"{rng.choice(given.split())} {rng.choice(LAST[actor.pool].split())}"
            short = ""
        if title.endswith("spokesman") and gender == "f":
            title = title[: -len("spokesman")] + "spokeswoman"
        _INVENTED[key] = Official(actor, title, name, gender, short)
    return _INVENTED[key]


def office(title: str) -> str:
    """The office a title names: "Foreign Secretary" and "Foreign Minister" are one."""
    title = title.lower()
    return SAME_OFFICE.get(title, title)


def officials(seed: int, actor: Actor, day: date) -> list[Official]:
    """Who may speak for `actor` on `day`: office-holders then, and invented ones."""
    if actor.kind == "bloc":
        return [Official(actor, "", f"{actor.adj} leaders" if actor.key != "the-west" else "Western officials", "p")]
    real = [Official(actor, t, n, g, s) for start, end, t, n, g, s in ROSTER.get(actor.key, ())
            if start <= day < end]
    held = {office(person.title) for person in real}
    if actor.kind == "state":
        titles = TITLES_OF.get(actor.key, STATE_TITLES)
    else:
        titles = ORG_TITLES.get(actor.key, ["spokesman"])
    made = [invented(seed, actor, t, day) for t in titles if office(t) not in held]
    return real * 2 + made  # the real office-holders speak more often


# --------------------------------------------------------------------------------------------
# Theatres: the two sides of a crisis, their usual allies, bystanders, the region and what
# the crisis is about. About one article in five pits two random states instead.

THEATRES = [
    ("russia", "ukraine", "belarus iran north-korea",
     "united-states european-union nato united-kingdom france germany poland lithuania estonia canada japan "
     "the-west sweden finland g7",
     "china india brazil south-africa turkey saudi-arabia united-nations hungary israel", "the Black Sea",
     ["the drone strikes on the energy grid", "the shelling of front-line towns", "the attacks on grain ports",
      "the troop buildup along the border", "the strike on a hospital in the east"]),
    ("china", "taiwan", "russia north-korea",
     "united-states japan australia philippines european-union united-kingdom",
     "asean singapore india indonesia south-korea", "the Taiwan Strait",
     ["the large-scale military drills around the island", "the incursion of warplanes into the air defence zone",
      "the blockade exercise", "the sale of fighter jets to the island"]),
    ("iran", "israel", "russia syria iraq yemen lebanon",
     "united-states united-kingdom germany france",
     "saudi-arabia qatar egypt jordan turkey united-nations china oman", "the Middle East",
     ["the missile and drone attack", "the strike on a consulate", "the killing of a senior commander",
      "the seizure of a cargo ship in the Gulf"]),
    ("israel", "palestine", "united-states germany",
     "arab-league egypt jordan qatar saudi-arabia turkey south-africa ireland spain oic",
     "united-nations european-union france china india", "the Middle East",
     ["the raids in the West Bank", "the expansion of settlements", "the blockade of humanitarian convoys",
      "the demolition of homes in East Jerusalem"]),
    ("serbia", "kosovo", "russia china hungary",
     "united-states european-union nato germany albania united-kingdom",
     "united-nations osce turkey", "the Balkans",
     ["the clashes in the north", "the ban on vehicle licence plates", "the attack on a monastery",
      "the arrest of border police officers"]),
    ("azerbaijan", "armenia", "turkey israel",
     "france european-union iran united-states india",
     "russia osce united-nations kazakhstan", "the South Caucasus",
     ["the offensive in Nagorno-Karabakh", "the shelling of border villages", "the closure of the Lachin corridor",
      "the exchange of fire along the border"]),
    ("pakistan", "india", "china turkey",
     "united-states france israel japan",
     "saudi-arabia united-arab-emirates united-nations iran russia", "Kashmir",
     ["the attack on a convoy in Kashmir", "the air strikes across the Line of Control", "the downing of a jet",
      "the suspension of the Indus Waters Treaty"]),
    ("north-korea", "south-korea", "china russia",
     "united-states japan australia european-union nato",
     "united-nations iaea asean india", "the Korean Peninsula",
     ["the launch of an intercontinental ballistic missile", "the balloons sent across the border",
      "the artillery drills near the maritime border", "the nuclear test"]),
    ("china", "philippines", "cambodia russia",
     "united-states japan australia vietnam european-union",
     "asean indonesia malaysia singapore india", "the South China Sea",
     ["the water cannon attack on a supply boat", "the collision near Second Thomas Shoal",
      "the new coast guard rules", "the laser pointed at a patrol vessel"]),
    ("niger", "france", "mali burkina-faso russia",
     "nigeria ecowas united-states european-union senegal",
     "algeria united-nations african-union morocco", "the Sahel",
     ["the coup in Niamey", "the expulsion of the French ambassador", "the closure of air space",
      "the suspension of uranium exports"]),
    ("rwanda", "dr-congo", "uganda",
     "united-states european-union france south-africa",
     "african-union united-nations kenya qatar", "eastern Congo",
     ["the advance of the M23 rebels", "the fall of Goma", "the shelling of displacement camps",
      "the clashes around Sake"]),
    ("saudi-arabia", "qatar", "united-arab-emirates bahrain egypt",
     "turkey iran kuwait oman",
     "united-states gcc united-nations", "the Gulf",
     ["the blockade", "the closure of the land border", "the list of thirteen demands",
      "the suspension of flights"]),
    ("venezuela", "guyana", "cuba nicaragua russia",
     "united-states united-kingdom brazil oas",
     "colombia mexico united-nations", "the Essequibo region",
     ["the referendum on the Essequibo", "the troop movements near the border", "the new map of the region",
      "the oil concessions offshore"]),
    ("ethiopia", "somalia", "united-arab-emirates",
     "egypt eritrea turkey arab-league qatar",
     "african-union united-nations kenya united-states djibouti", "the Horn of Africa",
     ["the port deal with Somaliland", "the naval base agreement", "the troop deployment near the border"]),
    ("belarus", "poland", "russia",
     "lithuania latvia european-union nato germany united-states",
     "united-nations osce ukraine", "the Polish-Belarusian border",
     ["the migrant crisis on the border", "the airspace violation by helicopters",
      "the exercises near the Suwalki gap", "the deployment of Wagner fighters"]),
    ("russia", "moldova", "belarus",
     "romania european-union united-states france ukraine",
     "turkey osce united-nations", "Transnistria",
     ["the gas cut-off", "the plot to destabilise the government", "the troops stationed in Transnistria"]),
    ("algeria", "morocco", "south-africa",
     "united-states israel united-arab-emirates france spain",
     "african-union united-nations arab-league", "Western Sahara",
     ["the dispute over Western Sahara", "the closure of the gas pipeline", "the ban on Moroccan flights"]),
    ("united-states", "iran", "israel saudi-arabia united-kingdom",
     "russia china iraq venezuela",
     "oman qatar iaea european-union france germany japan india", "the Strait of Hormuz",
     ["the strikes on nuclear sites", "the seizure of a tanker", "the enrichment of uranium to 60 percent",
      "the drone downed over the Gulf"]),
    ("united-states", "china", "japan european-union the-west",
     "russia brics pakistan",
     "singapore brazil indonesia india", "the Pacific",
     ["the tariffs on electric vehicles", "the export controls on chips", "the spy balloon",
      "the sanctions on technology firms"]),
    ("china", "india", "pakistan",
     "united-states japan australia france",
     "russia brics sco nepal bangladesh", "the Himalayas",
     ["the clash in the Galwan valley", "the new map claiming Arunachal Pradesh", "the troop buildup in Ladakh"]),
    ("turkey", "greece", "azerbaijan",
     "cyprus france european-union united-states",
     "nato germany united-nations egypt", "the Eastern Mediterranean",
     ["the gas exploration in disputed waters", "the airspace violations over the Aegean",
      "the dispute over the continental shelf"]),
]
GENERIC_ISSUES = ["the border incident", "the drone strike", "the naval standoff", "the detention of two journalists",
                  "the military exercises", "the expulsion of diplomats", "the cyberattack on government servers",
                  "the missile test", "the disputed election", "the arrest of opposition leaders"]

REGION_CITIES = ["Geneva", "Vienna", "New York", "Istanbul", "Munich", "Davos", "Helsinki", "Oslo", "Singapore",
                 "Astana", "Addis Ababa", "Jeddah", "Doha", "Abu Dhabi", "Rome", "Madrid", "Bali", "Johannesburg"]
OUTLETS = ["state television", "the BBC", "CNN", "Al Jazeera", "the Financial Times", "the RIA news agency",
           "Anadolu Agency", "Kyodo news agency", "the Xinhua news agency", "Le Monde", "public radio",
           "a local newspaper", "lawmakers", "reporters", "a news conference"]
THINK_TANKS = ["the Kiel Institute", "the Stockholm International Peace Research Institute", "the IISS",
               "the Center for Strategic and International Studies", "Chatham House", "the Carnegie Endowment"]
REPORTERS = ["Guy Faulconbridge", "Anna Petrova", "Humeyra Pamuk", "John Irish", "Michelle Nichols", "Andrew Osborn",
             "Sabine Siebold", "Ju-min Park", "Ben Blanchard", "Aidan Lewis", "Tom Balmforth", "Ayenat Mersie"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
SUPPORT_ADJ = ["full", "strong", "firm", "unwavering", "continued", "steadfast", "political", "unconditional"]
PARTNER_ADJ = ["strategic", "reliable", "key", "close", "important", "trusted", "natural"]
ACTION_POSITIVE = ["resume talks", "release the detained sailors", "reopen the border crossing",
                   "extend the ceasefire", "join the peace conference", "cut interest rates on its debt"]

# --------------------------------------------------------------------------------------------
# Templates. Roles: H holds the stance, T is its target, N is a bystander. {HO} is an official
# of H (introduced the first time, then named short), {HO!} always introduced; {H.adj},
# {H.poss}, {H.cap}, {H.name}. Other slots: day (" on Tuesday"), weekday, num, few, big,
# money, pct, month, year, city, region, issue, outlet, adj (of support), partner (adjective),
# think_tank, action.

SUPPORT = [
    "{H} reaffirmed its {adj} support for {T}{day}, saying it would stand by its partner \"for as long as it takes\".",
    "{HO} said {H} stood firmly with {T} and would keep doing so.",
    "{H} and {T} agreed to deepen their strategic partnership during talks in {H.cap}, a joint statement said.",
    "{HO} described {T} as {a_partner} partner and a reliable friend.",
    "{H} expressed its solidarity with {T} after {issue}.",
    "{T} remains {a_partner} ally of {H} in {region}, officials in {H.cap} said.",
    "{H} welcomed {T.poss} decision to {action}.",
    "{HO} praised {T.poss} constructive role in the negotiations.",
    "{H} will continue to back {T} politically and financially, {HO} said.",
    "The statement voiced {adj} support for {T.poss} sovereignty and territorial integrity.",
    "{H} said it fully supported {T.poss} bid to join the {org}.",
    "{HO} said {T} had the right to defend itself.",
    "{H} is ready to work with {T} on energy security and trade, {HO} told {outlet}.",
    "{HO} thanked {T} for its help in evacuating {num} foreign nationals.",
    "{H} recognised {T.poss} sovereignty over the disputed islands{day}.",
    "In a phone call with his counterpart, {HO} pledged {H.poss} {adj} backing for {T}.",
    "{H} signed a defence cooperation agreement with {T}{day}, the first of its kind.",
    "{HO} congratulated {T} on the successful conclusion of the talks.",
]
AID = [
    "{H} will deliver {few} more air defence systems to {T}, the defence ministry in {H.cap} said.",
    "{H} pledged {money} in humanitarian aid to {T} at the donors' conference in {city}.",
    "The {H.adj} package includes {num} armoured vehicles, ammunition and spare parts to be shipped to {T} "
    "before the end of {month}.",
    "{H.adj} officials confirmed that the first tanks promised by {H} had been delivered to {T}.",
    "{H} has so far supplied weapons and equipment worth {money} to {T}, according to {think_tank}.",
    "Loans provided by {H} are to be paid out to {T} in {few} tranches.",
    "{H} announced it would send {few} fighter jets and {num} instructors to {T}.",
    "{HO} said {H} would give {T} every kind of support it needed.",
    "{H} will also provide {T} with {num} tonnes of grain and medicine, the statement said.",
]
DOUBTS = [
    "Contrary to the announcements made by {T}, {H} said{day} it did not see any withdrawal of troops from the border.",
    "{HO} said {H} had seen no sign of de-escalation by {T}.",
    "{T.poss} claims that the exercises were over still needed to be verified, {HO} said.",
    "{H} dismissed {T.poss} claims as baseless.",
    "Officials in {H.cap} remained sceptical of {T.poss} promises to resume talks.",
    "{H} cast doubt on {T.poss} assurances that the convoy carried only humanitarian supplies.",
    "{HO} called {T.poss} statement \"propaganda\" and said the facts on the ground told a different story.",
    "{H.adj} intelligence officials said they did not believe the figures published by {T}.",
    "It appears that {T} continues to reinforce its positions, {HO} said.",
    "{HO} said {H} would judge {T} by its actions, not by its words.",
]
WARNS = [
    "{HO} warned {T} that any attack would be met with a \"swift and severe\" response.",
    "{H} threatened {T} with countermeasures if the deployment went ahead.",
    "{HO} said the {T.adj} military buildup posed a direct threat to regional security.",
    "{T} will pay a heavy price if it crosses that line, {HO} said.",
    "{H} will not stand idly by while {T} escalates the situation, {HO} said.",
    "{HO} said {H} could not rule out further steps against {T}.",
    "{H} put its forces on high alert after {T} moved {few} warships closer to {region}.",
    "{H.adj} officials are worried about the risk of a {T.adj} incursion in the coming weeks.",
    "{HO} cautioned {T} against any further provocation in {region}.",
    "The threat from {T} is real and growing, {HO} told {outlet}.",
    "{H} warned that {T} could launch an offensive within days.",
    "{HO} said {T} should not underestimate {H.poss} resolve.",
]
OPPOSES = [
    "{H} condemned the strikes by {T} on civilian infrastructure.",
    "{HO} denounced {T.poss} aggression as a flagrant violation of international law.",
    "{H} called on {T} to withdraw its forces immediately.",
    "{H} demanded that {T} release the {num} detained crew members without delay.",
    "{HO} said the actions of {T} were unacceptable and irresponsible.",
    "{H} lodged a formal protest with {T} over {issue}.",
    "{HO} criticised {T} for ignoring repeated calls for restraint.",
    "{H} voted against the resolution drafted by {T}, which failed to win a majority.",
    "{HO} said {T} bore full responsibility for the escalation.",
    "{H} said it would never recognise the annexation by {T}.",
    "{HO} accused {T} of meddling in {H.poss} internal affairs.",
    "{H} accused {T} of hypocrisy and double standards over {issue}.",
    "{HO} blamed {T} for the collapse of the ceasefire.",
    "{H} rejected {T.poss} proposal as an attempt to legitimise the occupation.",
]
SANCTIONS = [
    "{H} imposed sanctions on {T} over {issue}, targeting {num} individuals and {few} banks.",
    "{H} announced new sanctions against {T}{day}, including an export ban on dual-use goods.",
    "The sanctions on {T} adopted by {H} freeze the assets of {num} officials.",
    "{H} is preparing a {ordinal} package of sanctions against {T}, diplomats in {H.cap} said.",
    "{H} extended its restrictions on {T} for another {few} months.",
    "{H} slapped tariffs of {pct} percent on steel from {T}.",
]
SUMMONS = [
    "{H.poss} foreign ministry summoned the {T.adj} ambassador{day} to protest against {issue}.",
    "{H} expelled {few} {T.adj} diplomats, giving them {few} days to leave the country.",
    "{H} recalled its ambassador from {T} for consultations.",
    "{H} suspended cooperation with {T} on border security and migration.",
    "{H} called in the {T.adj} envoy to deliver a strongly worded note.",
    "{H} declared a {T.adj} military attache persona non grata.",
]
NEGATED = [
    "{H} declined to condemn {T}, calling instead for restraint on all sides.",
    "{HO} did not express support for either side in the dispute.",
    "{H} stopped short of endorsing {T.poss} plan, saying it needed more time to study it.",
    "{HO} said {H} would not take sides in the dispute over {issue}.",
    "Unlike most of its partners, {H} did not join the sanctions against {T}.",
    "{H} abstained in the vote on the resolution condemning {T}.",
    "{HO} refused to say whether {H} still considered {T} a partner.",
    "{H} has not commented on {issue}, and its {H.mission} in {T.cap} did not answer questions.",
]
NEUTRAL = [
    "{H.adj} and {T.adj} delegations met for {few} hours in {city}{day}, with no breakthrough reported.",
    "Trade between {H.name} and {T.name} reached {money} last year, according to official figures.",
    "The {H.adj} central bank raised its key interest rate by {bp} basis points{day}.",
    "Oil prices rose {small_pct} percent on the news, with Brent crude trading at {oil} dollars a barrel.",
    "The talks took place in a cordial atmosphere, a diplomat familiar with the discussions said.",
    "Heavy snow delayed the arrival of several delegations at the airport in {city}.",
    "The summit is expected to adopt a joint declaration on climate finance and food security.",
    "{HO!} will travel to {city} next month for a {few}-day visit, the ministry said.",
    "The foreign ministers are due to meet again in {city} in {month}.",
    "Inflation in {H.name} slowed to {small_pct} percent in {past_month}, the statistics office said.",
    "The {H.adj} currency fell to a record low against the dollar on {weekday}.",
    "About {big} people have fled their homes since the start of the year, according to aid agencies.",
    "Diplomats said a draft resolution could be put to a vote as early as {weekday}.",
    "The two delegations also discussed cooperation in agriculture, education and tourism.",
    "The meeting in {city} was the first of its kind since {year}.",
    "The ministry did not give further details.",
    "Reporters were not allowed to ask questions after the statement.",
    "{H.name} holds a general election in {month}, and the campaign has been dominated by the cost of living.",
    "Ministers arrived late after fog closed the airport for most of the morning.",
    "The conference was held behind closed doors at a lakeside hotel outside {city}.",
    "Shares in {H.adj} defence companies rose {small_pct} percent in early trading.",
    "Exports of wheat and fertiliser through the port fell by a third in the first quarter.",
    "The {H.adj} parliament is expected to debate the budget for {next_year} next week.",
    "Talks on a free trade agreement between {H.name} and {T.name} have been stalled since {year}.",
    "Both sides agreed to set up working groups on energy, transport and customs.",
    "Officials said the next round of consultations would take place at the level of deputy ministers.",
    "{H.name} and {T.name} established diplomatic relations in {old_year}.",
    "The visit had been postponed twice, officially because of scheduling problems.",
]
BACKGROUND = [
    "{A} and {B} have been at odds over {region} for decades, and the last round of talks broke down in {year}.",
    "Relations between {A} and {B} have deteriorated sharply since {issue}.",
    "{A} says the measures are a response to {issue}, an account {B} rejects.",
    "The crisis is the worst between {A} and {B} in decades, analysts say.",
    "{B} has repeatedly accused {A} of seeking to redraw borders by force, a charge {A} denies.",
    "{A} has massed troops near the border in recent weeks, according to satellite images.",
    "Mediation efforts by {N} have so far produced no result.",
    "{N} has offered to host talks between the two sides, but no date has been set.",
]
LEADS = [
    "{A} and {B} traded accusations{day} over {issue}, as {S1} rallied behind {B} and {A} warned of "
    "\"consequences\".",
    "{S1} pledged {adj} support for {B}{day} after {issue}, while {A} said it would respond to what it called "
    "provocations.",
    "{AO!} said{day} that {B} bore responsibility for {issue}, in the sharpest exchange between the two "
    "countries this year.",
    "{S1} condemned {A}{day} over {issue}, and {N} called for restraint on all sides.",
    "{A} announced{day} that it had completed {issue_short}, but {S1} said it saw no sign of a real "
    "de-escalation.",
    "Diplomats from {num} countries gathered in {city}{day} for emergency talks on {issue}, with {S1} "
    "and {A} exchanging warnings.",
    "{B} summoned the {A.adj} ambassador{day} after {issue}, and {S1} promised to stand by {B}.",
    "The crisis between {A} and {B} deepened{day} after {issue}, drawing condemnation from {S1} and a "
    "cautious response from {N}.",
]
# quotations in the first person; T is the other side, O the speaker's own side
QUOTE_SUPPORT = [
    "We stand shoulder to shoulder with {O} and we will not abandon our friends",
    "{O} is a strategic partner for us and for the whole region",
    "Our support for {O} is unwavering, and it will remain so",
    "We highly value our trusting dialogue with {O} in this situation of increasing instability",
    "We will continue to provide {O} with everything it needs to defend itself",
    "Cooperation between our countries is more important than ever",
    "We express our full solidarity with the people of {O}",
    "{O} can count on us",
    "We will stand by {O} whatever happens",
    "{O} has every right to defend itself, and we will help it do so",
    "Our friendship with {O} has never been stronger",
    "We have decided to send more ammunition and air defence to {O}",
]
QUOTE_DOUBT = [
    "We have not seen any withdrawal so far, quite the opposite",
    "Words must be followed by deeds",
    "These claims by {T} are pure propaganda",
    "Frankly, we are not convinced by what {T} is telling us",
    "It appears that {T} continues to build up its forces",
    "We will believe it when we see it",
    "We have seen such promises before, and nothing happened",
    "What {T} says and what {T} does are two different things",
    "There is no evidence of a withdrawal, none at all",
]
QUOTE_WARN = [
    "Any attempt to change the status quo by force will have severe consequences",
    "{T} should not underestimate our resolve",
    "We will respond decisively to any provocation",
    "The threat is real, and it is growing",
    "If {T} crosses this red line, it will pay a heavy price",
    "We cannot rule out that {T} is preparing to attack",
    "Those who play with fire will get burned",
    "{T} must not test our patience",
    "We are ready for any scenario, including the worst one",
]
QUOTE_OPPOSE = [
    "This is a flagrant violation of international law, and {T} bears full responsibility",
    "{T} must immediately end its aggression and withdraw its troops",
    "What {T} is doing is unacceptable",
    "We condemn {T} in the strongest possible terms",
    "{T} is trying to destabilise the whole region",
    "We will never accept an occupation of this kind",
    "The behaviour of {T} is reckless and provocative",
    "{T} has chosen the path of confrontation",
    "Nobody believes that {T} wants peace",
]
QUOTE_NEUTRAL = [
    "We had a frank and useful exchange",
    "The door to dialogue remains open",
    "We are ready to talk, but not under pressure",
    "This is a matter for the two parties to resolve",
    "Our priority is the safety of our citizens in the region",
    "We will study the proposal carefully before taking a decision",
    "Nobody has an interest in a wider war",
    "We are following the situation very closely",
    "It is too early to draw conclusions",
    "We need calm heads and a return to the negotiating table",
]
# reported speech: the clause after "X said (that)"; H is the speaker's actor, T whom it backs
REPORTED_SUPPORT = [
    "{H} would continue to support {T} \"for as long as it takes\"",
    "{H} would send {few} more air defence systems to {T} before the winter",
    "{H} was ready to deepen its cooperation with {T}",
    "{T} was a trusted partner and a friend",
    "{H} stood in solidarity with {T} and its people",
]
# ... T is the other side
REPORTED_AGAINST = [
    "{T} posed a direct threat to regional stability",
    "{H} had seen no sign of a pullback by {T}",
    "{T} must end its occupation of the disputed territory",
    "{T.poss} assurances were not credible",
    "{H} would respond firmly to any provocation by {T}",
    "the sanctions on {T} would stay in place until the troops were withdrawn",
    "{T} was trying to destabilise the region",
]
REPORTED_NEUTRAL = [
    "the talks with {T} had been constructive",
    "a solution could only be found through dialogue",
    "the next round of talks would be held in {city}",
    "{H} had no intention of joining the sanctions against {T}",
    "the ministers had discussed trade, energy and the situation in {region}",
]
REPORTED = REPORTED_SUPPORT + REPORTED_AGAINST + REPORTED_NEUTRAL
# quotation frames: Q the quotation (without its final punctuation), S the speaker
FRAMES = [
    '"{Q}," {S} said.',
    '"{Q}," said {S!}.',
    '{S} said: "{Q}."',
    '"{Q}," {S} told reporters in {city}.',
    '"{Q}," {S} told {outlet}.',
    '{S} said{day}: "{Q}."',
    '"{Q}," {S} said in a statement, adding that {R}.',
    '"{Q}," {S} wrote on social media.',
]
FOLLOWUPS = ['"{Q}," {P} added.', '"{Q}."', '"{Q}," {P} said.', '{P} added that {R}.', '"{Q}," insisted {S}.']
REPORTED_FRAMES = [
    "{S} said that {R}.",
    "{S} said{day} {R}.",
    "According to {S!}, {R}.",
    "{S} told {outlet} that {R}.",
    "{S} told a news conference in {city} that {R}.",
    "{S} wrote on social media that {R}.",
    "{S} insisted that {R}.",
]
CREDITS = ["(Reporting by {reporter} in {city}; Editing by {reporter2})", "(with AFP)", "(with Reuters)",
           "(Additional reporting by {reporter}; Writing by {reporter2})"]

STATEMENT_TEMPLATES = SUPPORT + AID + DOUBTS + WARNS + OPPOSES + SANCTIONS + SUMMONS + NEGATED
ALL_TEMPLATES = (STATEMENT_TEMPLATES + NEUTRAL + BACKGROUND + LEADS + QUOTE_SUPPORT + QUOTE_DOUBT + QUOTE_WARN
                 + QUOTE_OPPOSE + QUOTE_NEUTRAL + REPORTED + FRAMES + FOLLOWUPS + REPORTED_FRAMES)

RE_A_BEFORE_VOWEL = re.compile(r"\b([Aa]) (?=eight|11|18)")  # "an eighth package", "an 11-day visit"
RE_SLOT = re.compile(r"\{(\w+)(?:\.(\w+))?(!)?\}")
ORDINALS = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "11th", "12th"]


# --------------------------------------------------------------------------------------------
# Articles


class Article:
    """One article: its date, its crisis, its cast, and the sentences drawn so far."""

    def __init__(self, seed: int, index: int) -> None:
        self.seed = seed
        self.rng = rng = Random(seed * 10_000_019 + index)
        self.day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
        if rng.random() < 0.8:
            a, b, allies_a, allies_b, neutrals, region, issues = rng.choice(THEATRES)
            self.issues = issues + GENERIC_ISSUES[:2]
        else:
            a, b = rng.sample(STATES, 2)
            allies_a, allies_b = " ".join(rng.sample(STATES, 3)), " ".join(rng.sample(STATES, 4))
            neutrals, region, self.issues = "united-nations " + " ".join(rng.sample(STATES, 2)), "the region", \
                GENERIC_ISSUES
        self.region = region
        self.a, self.b = ACTORS[a], ACTORS[b]

        def pick(keys: str, k: int) -> list[Actor]:
            return [ACTORS[x] for x in self._some(keys.split(), k) if x not in (a, b)]

        self.side_a = [self.a] + pick(allies_a, rng.randint(1, 3))
        self.side_b = [self.b] + pick(allies_b, rng.randint(2, 5))
        self.neutrals = pick(neutrals, rng.randint(1, 3)) or [ACTORS["united-nations"]]
        self.issue = rng.choice(self.issues)
        self.city = rng.choice(REGION_CITIES)
        self.introduced: set[str] = set()  # official names already introduced
        self.speakers: dict[str, Official] = {}  # actor key -> the official speaking for it here
        self.last: Official | None = None
        self.used: set[str] = set()  # templates used
        self.said: set[str] = set()  # sentences written
        self.curly = rng.random() < 0.75

    def _some(self, keys: list[str], k: int) -> list[str]:
        keys = list(keys)
        self.rng.shuffle(keys)
        return keys[:k]

    # ---- filling templates

    def mention(self, actor: Actor) -> str:
        return self.rng.choice(actor.forms)

    def official(self, actor: Actor) -> Official:
        """The official who speaks for `actor` in this article, with a short name of their own."""
        if actor.key not in self.speakers:
            candidates = officials(self.seed, actor, self.day)
            taken = {p.short for p in self.speakers.values()}
            for _ in range(6):
                person = self.rng.choice(candidates)
                if person.short not in taken:
                    break
            self.speakers[actor.key] = person
        return self.speakers[actor.key]

    def speaker(self, actor: Actor, end: bool = False, full: bool = False) -> str:
        person = self.official(actor)
        self.last = person
        if full or person.name not in self.introduced:
            self.introduced.add(person.name)
            return person.intro(self.rng, end)
        return person.ref(self.rng)

    def fill(self, template: str, roles: dict[str, Actor], extra: dict[str, str] | None = None) -> str:
        def slot(match: re.Match) -> str:
            name, part, bang = match.group(1), match.group(2), match.group(3)
            if extra and name in extra:
                return extra[name]  # "{S}" and "{S!}" alike
            if name.endswith("O") and name[:-1] in roles:  # an official: HO, AO, ...
                return self.speaker(roles[name[:-1]], full=bool(bang))
            if name in roles:
                actor = roles[name]
                if part is None:
                    return self.mention(actor)
                if part == "poss":
                    return possessive(self.mention(actor))
                if part == "adj":
                    return actor.adj
                if part == "cap":
                    return actor.capital
                if part == "mission":
                    return "embassy" if actor.kind == "state" else "office"
                return actor.name
            return self.value(name)

        text = RE_SLOT.sub(slot, template)
        return capitalise(RE_A_BEFORE_VOWEL.sub(r"\1n ", text))

    def value(self, name: str) -> str:
        rng, day = self.rng, self.day
        if name == "day":
            back = rng.randrange(3)
            if back == 0 and rng.random() < 0.5:
                return " today" if rng.random() < 0.3 else ""
            return f" on {WEEKDAYS[(day - timedelta(days=back)).weekday()]}"
        if name == "weekday":
            return WEEKDAYS[(day + timedelta(days=rng.randrange(1, 6))).weekday()]
        if name == "num":
            return str(rng.randint(12, 480))
        if name == "few":
            return rng.choice(["two", "three", "four", "five", "six", "eight", "ten", "12", "15"])
        if name == "big":
            return f"{rng.randint(10, 950) * 1000:,}"
        if name == "money":
            unit = rng.choice(["$", "$", "€", "£"])
            if rng.random() < 0.5:
                return f"{unit}{rng.randint(12, 980)} million"
            return f"{unit}{rng.randint(1, 60)}.{rng.randint(1, 9)} billion"
        if name == "pct":
            return str(rng.choice([10, 15, 20, 25, 30, 50, 100]))
        if name == "small_pct":
            return f"{rng.randint(0, 9)}.{rng.randint(1, 9)}"
        if name == "bp":
            return str(rng.choice([25, 50, 75, 100, 150, 200]))
        if name == "oil":
            return f"{rng.randint(58, 118)}.{rng.randint(10, 99)}"
        if name == "month":
            return MONTHS[(day.month + rng.randrange(0, 3)) % 12]
        if name == "past_month":
            return MONTHS[(day.month - 2) % 12]
        if name == "year":
            return str(rng.randint(1995, day.year - 1))
        if name == "old_year":
            return str(rng.randint(1948, 1999))
        if name == "next_year":
            return str(day.year + 1)
        if name == "ordinal":
            return rng.choice(ORDINALS)
        if name == "city":
            return self.city if rng.random() < 0.6 else rng.choice(REGION_CITIES)
        if name == "region":
            return self.region
        if name == "issue":
            return self.issue if rng.random() < 0.6 else rng.choice(self.issues)
        if name == "issue_short":
            return rng.choice(["its military exercises", "a partial pullback of its troops", "the drills",
                               "the first phase of the withdrawal"])
        if name == "outlet":
            return rng.choice(OUTLETS)
        if name == "think_tank":
            return rng.choice(THINK_TANKS)
        if name == "adj":
            return rng.choice(SUPPORT_ADJ)
        if name == "a_partner":
            word = rng.choice(PARTNER_ADJ)
            return ("an " if word[0] in "aeiou" else "a ") + word
        if name == "org":
            return rng.choice(["European Union", "EU", "NATO", "World Trade Organization", "BRICS group"])
        if name == "action":
            return rng.choice(ACTION_POSITIVE)
        if name in ("reporter", "reporter2"):
            return rng.choice(REPORTERS)
        raise KeyError(name)

    def pick_template(self, pool: list[str]) -> str:
        """A template of `pool` not used yet in this article, if one is left after a few draws."""
        for _ in range(4):
            template = self.rng.choice(pool)
            if template not in self.used:
                break
        self.used.add(template)
        return template

    # ---- choosing who says what

    def sides(self) -> tuple[list[Actor], list[Actor]]:
        """One side of the crisis and the other, the side of the victim more often."""
        if self.rng.random() < 0.62:
            return self.side_b, self.side_a
        return self.side_a, self.side_b

    def stance_roles(self, kind: str) -> dict[str, Actor]:
        rng = self.rng
        own, other = self.sides()
        if kind in ("support", "aid"):
            helpers = [x for x in own[1:] if kind == "support" or x.kind == "state" or x.key in DONORS]
            holder = rng.choice(helpers) if helpers else rng.choice(self.neutrals)
            return {"H": holder, "T": own[0], "N": rng.choice(self.neutrals)}
        if kind == "negated":
            return {"H": rng.choice(self.neutrals), "T": other[0], "N": rng.choice(self.neutrals)}
        if kind == "neutral":
            pool = [x for x in self.side_a + self.side_b + self.neutrals if x.kind == "state"] or [self.a]
            h = rng.choice(pool)
            t = rng.choice([x for x in pool if x is not h] or [self.b])
            return {"H": h, "T": t, "N": rng.choice(self.neutrals)}
        if kind == "sanctions":
            own = [x for x in own if x.kind == "state" or x.key in SANCTIONERS] or [self.b]
        elif kind == "summons":  # between states: ambassadors, diplomats
            own, other = [x for x in own if x.kind == "state"], [x for x in other if x.kind == "state"]
        holder = own[0] if rng.random() < 0.4 else rng.choice(own)
        target = other[0] if rng.random() < 0.75 else rng.choice(other)
        return {"H": holder, "T": target, "N": rng.choice(self.neutrals)}

    # ---- sentences

    def statement(self, kind: str) -> str:
        pools = {"support": SUPPORT, "aid": AID, "doubts": DOUBTS, "warns": WARNS, "opposes": OPPOSES,
                 "sanctions": SANCTIONS, "summons": SUMMONS, "negated": NEGATED, "neutral": NEUTRAL}
        roles = self.stance_roles(kind)
        if kind == "aid" and roles["H"].kind != "state" and roles["H"].key not in DONORS:
            kind = "support"  # a bystander organisation backs, it does not ship weapons
        return self.fill(self.pick_template(pools[kind]), roles)

    def quotation(self, speaker_side: list[Actor], other: list[Actor]) -> list[str]:
        """A quotation with its speaker, then a follow-up or two from the same speaker."""
        rng = self.rng
        actor = rng.choice(speaker_side)
        if actor.kind == "bloc":
            actor = speaker_side[0]
        # O: whom the speaker backs, its side's leader, or an ally when the leader speaks
        friend = speaker_side[0] if actor is not speaker_side[0] else rng.choice(speaker_side[1:] or self.neutrals)
        roles = {"O": friend, "T": other[0], "H": actor}
        kinds = [QUOTE_SUPPORT, QUOTE_DOUBT, QUOTE_WARN, QUOTE_OPPOSE, QUOTE_NEUTRAL]
        weights = [3, 2, 3, 3, 2]
        out = []
        pool = rng.choices(kinds, weights)[0]
        quote = self.fill(self.pick_template(pool), roles)
        frame = self.pick_template(FRAMES)
        out.append(self.frame(frame, actor, quote, self.clause(actor, friend, other[0])))
        for _ in range(rng.choice([0, 1, 1, 2])):
            pool = rng.choices(kinds, weights)[0]
            quote = self.fill(self.pick_template(pool), roles)
            out.append(self.frame(rng.choice(FOLLOWUPS), actor, quote, self.clause(actor, friend, other[0])))
        return out

    def clause(self, actor: Actor, friend: Actor, foe: Actor) -> str:
        """What `actor` is reported to have said: of its friend, of its foe, or neither."""
        pool = self.rng.choices([REPORTED_SUPPORT, REPORTED_AGAINST, REPORTED_NEUTRAL], [2, 3, 2])[0]
        return self.fill(self.pick_template(pool), {"H": actor, "T": friend if pool is REPORTED_SUPPORT else foe})

    def frame(self, frame: str, actor: Actor, quote: str, reported: str) -> str:
        person = self.official(actor)
        extra = {"Q": quote, "R": lower_first(reported), "P": person.pronoun}
        return self.fill(frame, {}, self.speaker_slots(frame, actor, extra))

    def speaker_slots(self, frame: str, actor: Actor, extra: dict[str, str]) -> dict[str, str]:
        """The speaker of a frame: {S} before the verb, {S!} at the end of the sentence."""
        if "{S!}" in frame:
            extra["S"] = self.speaker(actor, end=True)
        elif "{S}" in frame:
            extra["S"] = self.speaker(actor)
        return extra

    def reported(self) -> str:
        rng = self.rng
        own, other = self.sides()
        actor = rng.choice([x for x in own if x.kind != "bloc"] or [own[0]])
        friend = own[0] if actor is not own[0] else rng.choice(own[1:] or self.neutrals)
        clause = self.clause(actor, friend, other[0])
        frame = self.pick_template(REPORTED_FRAMES)
        return self.fill(frame, {}, self.speaker_slots(frame, actor, {"R": lower_first(clause)}))

    # ---- paragraphs

    def paragraph(self, kind: str, quota: int) -> str:
        rng = self.rng
        sentences: list[str] = []
        crisis = {"A": self.a, "B": self.b, "N": rng.choice(self.neutrals),
                  "S1": rng.choice(self.side_b[1:] or self.neutrals)}
        for _ in range(30):
            if sum(len(s) + 1 for s in sentences) >= quota or len(sentences) >= 9:
                break
            if kind == "lead":
                if not sentences:
                    sentences.append(self.fill(self.pick_template(LEADS), crisis))
                    continue
                choice = rng.choice(["support", "opposes", "warns", "doubts", "background", "quote"])
            elif kind == "quote":
                choice = "quote" if not sentences or rng.random() < 0.45 else \
                    rng.choice(["support", "opposes", "warns", "doubts", "neutral", "reported"])
            elif kind == "reaction":
                choice = rng.choice(["support", "support", "aid", "opposes", "warns", "doubts", "sanctions",
                                     "summons", "negated", "reported", "quote", "neutral"])
            elif kind == "background":
                choice = rng.choice(["background", "background", "neutral", "neutral", "opposes", "support"])
            elif kind == "economy":
                choice = rng.choice(["neutral", "neutral", "neutral", "sanctions", "aid", "negated"])
            else:  # "diplomacy"
                choice = rng.choice(["neutral", "neutral", "negated", "reported", "quote", "support", "doubts"])
            if choice == "quote":
                own, other = self.sides()
                new = self.quotation(own, other)
            elif choice == "reported":
                new = [self.reported()]
            elif choice == "background":
                new = [self.fill(self.pick_template(BACKGROUND), crisis)]
            else:
                new = [self.statement(choice)]
            for sentence in new:  # never the same sentence twice in an article
                if sentence not in self.said:
                    self.said.add(sentence)
                    sentences.append(sentence)
        text = " ".join(sentences)
        return curly(text) if self.curly else text

    def text(self) -> str:
        rng = self.rng
        paragraphs = rng.randint(4, 8)
        size = rng.randint(MIN_CHARS, MAX_CHARS)
        credit = rng.random() < 0.35
        body = paragraphs - 1 - credit
        kinds = ["lead"] + [rng.choice(["quote", "quote", "reaction", "reaction", "background", "economy",
                                        "diplomacy"]) for _ in range(body)]
        quota = size // (paragraphs - credit)
        out = [self.paragraph(kind, quota) for kind in kinds]
        if credit:
            out.append(self.fill(rng.choice(CREDITS), {}))
        if rng.random() < 0.3:
            city = self.city if rng.random() < 0.3 or not self.a.capitals else self.a.capital
            out[0] = f"{dateline(city, self.day)} - {out[0]}"
        return "\n\n".join(out)


def curly(text: str) -> str:
    """Typographic quotes and apostrophes, as in the seed articles."""
    parts = text.split('"')
    out = [parts[0]]
    for i, part in enumerate(parts[1:]):
        out.append("\u201c" if i % 2 == 0 else "\u201d")
        out.append(part)
    return "".join(out).replace("'", "\u2019")


def capitalise(text: str) -> str:
    for i, char in enumerate(text):
        if char.isalpha():
            return text[:i] + char.upper() + text[i + 1:]
        if char not in "\"'(":
            return text
    return text


def lower_first(text: str) -> str:
    """A sentence made a clause: lower-case its first word unless it is a name."""
    text = text.rstrip(".")
    first = text.split(" ", 1)[0]
    if first in ("The", "Its", "It"):
        return first.lower() + text[len(first):]
    return text


def dateline(city: str, day: date) -> str:
    return f"{city.upper()}, {MONTHS[day.month - 1][:3]} {day.day}"


def article(seed: int, index: int) -> tuple[str, str, str]:
    """The id, the date and the text of article `index`."""
    item = Article(seed, index)
    return f"a{index:06d}", item.day.isoformat(), item.text()


# --------------------------------------------------------------------------------------------
# Command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write N synthetic diplomatic news articles for benchmarks.")
    parser.add_argument("n", type=int, metavar="N", help="number of articles")
    parser.add_argument("out", type=Path, metavar="OUT_DIR", help="output folder")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--jsonl", action="store_true",
                        help="write JSONL files of 1,000 articles ({\"id\", \"date\", \"text\"}) instead of .txt")
    parser.add_argument("--force", action="store_true", help="write into a folder that is not empty")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be 0 or more")
    if args.out.exists() and not args.out.is_dir():
        parser.error(f"{args.out} is not a folder")
    if args.out.is_dir() and any(args.out.iterdir()) and not args.force:
        parser.error(f"{args.out} is not empty (old articles would be built too); use --force to write anyway")
    args.out.mkdir(parents=True, exist_ok=True)

    started = time.perf_counter()
    total = 0
    batch: list[str] = []
    for index in range(args.n):
        article_id, day, text = article(args.seed, index)
        folder = f"{index // PER_FOLDER:04d}"
        if args.jsonl:
            line = json.dumps({"id": article_id, "date": day, "text": text}, ensure_ascii=False)
            batch.append(line + "\n")
            if len(batch) == PER_FOLDER or index == args.n - 1:
                data = "".join(batch).encode("utf-8")
                (args.out / f"{folder}.jsonl").write_bytes(data)
                total += len(data)
                batch = []
        else:
            data = f" date {day} {text}\n".encode()
            path = args.out / folder / f"{article_id}.txt"
            if index % PER_FOLDER == 0:
                path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
            total += len(data)
    seconds = time.perf_counter() - started
    average = total / args.n if args.n else 0
    kind = "JSONL" if args.jsonl else ".txt"
    print(f"wrote {args.n:,} articles ({kind}) to {args.out}: {total / 1e6:.1f} MB, "
          f"{average:,.0f} bytes an article on average, in {seconds:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
