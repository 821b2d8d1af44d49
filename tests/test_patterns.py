"""One written sentence per news pattern of issue 4: attribution, targets, stances,
negation, modality. Each row gives the edges expected (or none)."""

from datetime import date

import pytest

from stancegraph.knowledge import load_knowledge
from stancegraph.model import Article
from stancegraph.pipeline import Extractor

DAY = date(2023, 3, 15)


@pytest.fixture(scope="module")
def extractor():
    return Extractor(load_knowledge())


def run(extractor, text):
    return extractor.extract(Article("t", DAY, text, "test"))


ATTRIBUTION = [
    # "...," X said
    ('"We fully back Ukraine," French President Emmanuel Macron said.', {("france", "supports", "ukraine")}),
    # "...," said X
    ('"We fully back Ukraine," said French President Emmanuel Macron.', {("france", "supports", "ukraine")}),
    # X said (that) ...
    ("Chinese Foreign Minister Qin Gang said that Beijing firmly supports Russia.", {("china", "supports", "russia")}),
    ("Chinese Foreign Minister Qin Gang said Beijing firmly supports Russia.", {("china", "supports", "russia")}),
    # according to X
    ("According to the Kremlin, Moscow supports Belarus.", {("russia", "supports", "belarus")}),
    # X told ABC
    ("The Iranian threat is real, Israeli Prime Minister Benjamin Netanyahu told CNN.", {("israel", "warns", "iran")}),
    # X: "..."
    ('Turkish President Recep Tayyip Erdogan said: "Sweden is not an ally of Turkey."', set()),  # negated
    ('Turkish President Recep Tayyip Erdogan said: "We condemn Israel."', {("turkey", "opposes", "israel")}),
    # echoed X
    ('"Iran is a threat to the region," echoed Saudi Foreign Minister Faisal bin Farhan.',
     {("saudi-arabia", "warns", "iran")}),
    # a quotation over several sentences, then "he added"
    ('"We stand with Armenia. We will not abandon it," French Foreign Minister Catherine Colonna said. '
     '"Azerbaijan must stop its aggression," she added.',
     {("france", "supports", "armenia"), ("france", "opposes", "azerbaijan")}),
    # a quotation over two paragraphs, attributed where it closes
    ('"We will never abandon our allies. We stand with Ukraine.\n'
     '"Russia must be held accountable for its aggression," French President Emmanuel Macron said.',
     {("france", "supports", "ukraine"), ("france", "warns", "russia")}),
    # a second speaker interrupting
    ('"We support Kosovo," U.S. Secretary of State Antony Blinken said. '
     '"Kosovo is a threat," Serbian President Aleksandar Vucic replied.',
     {("united-states", "supports", "kosovo"), ("serbia", "warns", "kosovo")}),
    # a quotation ended by a full stop is not attributed to the next sentence's subject
    ('Hours later Guterres told the Security Council: "I strongly condemn the attack by Iran on Israel." '
     "Iran fired 180 missiles at Israel on Tuesday, and its armed forces chief warned of more strikes.",
     {("united-nations", "opposes", "iran"), ("iran", "opposes", "israel"), ("iran", "warns", "israel")}),
    # "its drills": an event owned by the sentence's subject, referred to later
    ("China fired ballistic missiles into waters around Taiwan as it began its largest-ever military drills. "
     "Taiwan's defence ministry condemned the exercises as irrational.",
     {("china", "opposes", "taiwan"), ("taiwan", "opposes", "china")}),
    # a title before the actor in an apposition: "John Kirby, a spokesman for the White House"
    ("John Kirby, a spokesman for the White House National Security Council, said Beijing had chosen to overreact.",
     {("united-states", "opposes", "china")}),
    # an unknown speaker holds nothing
    ('"We condemn Israel," said Jane Doe, a student.', set()),
    # an apposition naming a former post speaks for nobody
    ("Christopher Hill, a former U.S. ambassador to Seoul, said he doubted Russia was ready.", set()),
    # "one NATO member" is a member, not NATO
    ("Greece said missile threats by one NATO member against another were unacceptable.", set()),
    # blocking or vetoing aid is no support
    ("Hungary, an EU member state, blocked aid to Ukraine.", set()),
    # a danger that belongs to the holder itself points at no one else
    ("China said it had signed a pact with Solomon Islands, a deal that Australia fears could bring a Chinese "
     "military presence.", {("china", "supports", "solomon-islands")}),
    # rebels and the opposition are not their state
    ("Syrian rebels condemned Turkey.", set()),
    ("Russian opposition leader Alexei Navalny criticised Ukraine.", set()),
    ("Turkish troops and allied Syrian rebels pressed their assault. Egypt condemned the operation.",
     {("egypt", "opposes", "turkey")}),
    # "a spokesperson for the Chinese embassy" speaks for China
    ("A spokesperson for the Chinese embassy in Manila said the Philippines had provoked the incident.",
     {("china", "opposes", "philippines")}),
    # "According to X, ...": X holds what the rest of the sentence says, and is not its target
    ("According to Pakistan's foreign office, India violated the ceasefire.", {("pakistan", "opposes", "india")}),
    ("According to Kenya, Somalia is a threat.", {("kenya", "warns", "somalia")}),
    # what a speaker says another actor is trying to do
    ("The Ethiopian prime minister's office said Egypt was trying to destabilise the region.",
     {("ethiopia", "opposes", "egypt")}),
    ('"We will not allow Ethiopia to dictate terms," Egypt\'s foreign minister told reporters.',
     {("egypt", "warns", "ethiopia")}),
    ("Venezuela's defence minister said the country would defend itself against Guyana.",
     {("venezuela", "warns", "guyana")}),
    # a former official holds nothing
    ('"We condemn Israel," said former Turkish Prime Minister Ahmet Davutoglu.', set()),
    # narrated stances and acts
    ("Caracas assured Moscow of its full support.", {("venezuela", "supports", "russia")}),
    ("Tanks delivered by Germany reached Ukraine.", {("germany", "supports", "ukraine")}),
    ("The United States, which tried to isolate Cuba, spoke.", {("united-states", "opposes", "cuba")}),
    # officials in a capital speak for its government
    ("Poland remains a strategic ally, officials in Washington said.", {("united-states", "supports", "poland")}),
    # a threat voiced by the speaker but held by the state it names
    ("Rwandan Foreign Minister Olivier Nduhungirehe said Rwanda would respond firmly to any provocation "
     "by Congo's army, citing Kinshasa.", {("rwanda", "warns", "dr-congo"), ("rwanda", "opposes", "dr-congo")}),
    # ", and Y warned": Y alone is the subject of "warned"
    ("France rallied behind Kinshasa, and Kigali warned of consequences for France.",
     {("france", "supports", "dr-congo"), ("rwanda", "warns", "france")}),
    # aid: "provide X with", "send six more air defence systems to X"
    ('"We will provide Ukraine with everything it needs," German Chancellor Olaf Scholz said.',
     {("germany", "supports", "ukraine")}),
    ("Germany would send six more air defence systems to Ukraine before the winter.",
     {("germany", "supports", "ukraine")}),
]

TARGETS = [
    # in the quote
    ('"Russia is a threat," Polish President Andrzej Duda said.', {("poland", "warns", "russia")}),
    # a list gives two edges
    ("Turkey backed Sweden and Finland.", {("turkey", "supports", "sweden"), ("turkey", "supports", "finland")}),
    ("Russia warned Sweden, Finland and Norway.",
     {("russia", "warns", "sweden"), ("russia", "warns", "finland"), ("russia", "warns", "norway")}),
    # the topic of the quotation when the sentence names none
    ('"China is a partner," Brazilian President Luiz Inacio Lula da Silva said. "We value this friendship."',
     {("brazil", "supports", "china")}),
    # several holders
    ("Westerners and Kyiv said they doubt Russia.",
     {("the-west", "doubts", "russia"), ("ukraine", "doubts", "russia")}),
    # never a self-edge
    ("Russia said Russia would defend Russia.", set()),
    # people stand for their state
    ("Germany praised President Volodymyr Zelensky.", {("germany", "supports", "ukraine")}),
    # "the country" is the last other state named: in its sentence, else the subject of the one before
    ("Iran seized a tanker near Oman. Britain condemned the country.", {("united-kingdom", "opposes", "iran")}),
    ("Protests spread across Venezuela. The United States warned the country against a crackdown.",
     {("united-states", "warns", "venezuela")}),
    # "the junta/regime" too; an ultimatum is a warning
    ("Soldiers seized power in Niger. The African Union has given the junta 15 days to hand back power.",
     {("african-union", "warns", "niger")}),
    # "similar" sanctions are on the same target
    ("The European Union imposed sanctions on China. Britain and Canada announced similar sanctions.",
     {("european-union", "opposes", "china"), ("united-kingdom", "opposes", "china"), ("canada", "opposes", "china")}),
    # a quote dismissed as lies doubts the actor its sentence names, not an earlier accuser
    ("Britain imposed sanctions on China. The EU's decision, \"based on lies\", is wrong, the Chinese foreign "
     "ministry said.", {("united-kingdom", "opposes", "china"), ("china", "doubts", "european-union")}),
    # rejecting "the charges" doubts everyone who made them
    ("Saudi Arabia and Bahrain accused Qatar of backing terrorism. Doha rejected the charges as baseless.",
     {("saudi-arabia", "opposes", "qatar"), ("bahrain", "opposes", "qatar"),
      ("qatar", "doubts", "saudi-arabia"), ("qatar", "doubts", "bahrain")}),
]

STANCES = [
    # passives: the "by" agent holds the stance; the participle alone is no cue
    ("Somalia was slammed by Kenya for the move.", {("kenya", "opposes", "somalia")}),
    ("Ukraine was invaded by Russia in 2022.", {("russia", "opposes", "ukraine")}),
    ("Iran was warned by the United States not to retaliate.", {("united-states", "warns", "iran")}),
    ("Somalia was accused of harbouring militants.", set()),
    ("Ukraine was attacked by drones.", set()),
    # a document's stance is not the stance of who abstained on it; voting for it is
    ("South Africa abstained in the vote condemning Russia.", set()),
    ("Germany co-sponsored the draft resolution condemning Russia's invasion.", {("germany", "opposes", "russia")}),
    # blocking a bid, regret over a decision, a commitment to a defence, storming an embassy
    ("Turkey blocked Sweden's bid to join NATO.", {("turkey", "opposes", "sweden")}),
    ("Seoul expressed deep regret over Tokyo's decision.", {("south-korea", "opposes", "japan")}),
    ("The United States is committed to the defence of the Philippines.",
     {("united-states", "supports", "philippines")}),
    ("Ecuadorian police stormed Mexico's embassy in Quito.", {("ecuador", "opposes", "mexico")}),
    # rejecting another's claims or figures doubts them
    ("Moscow denied Kyiv's accusations.", {("russia", "doubts", "ukraine")}),
    ("Russia disputed Ukraine's figures.", {("russia", "doubts", "ukraine")}),
    # defending against an actor, insulting one
    ("Somalia vowed to defend its territory against Ethiopia.", {("somalia", "warns", "ethiopia")}),
    ("Argentina's president insulted Spain's prime minister.", {("argentina", "opposes", "spain")}),
    # calling an actor's conduct dangerous warns about it
    ("Russia's behaviour is dangerous, Poland said.", {("poland", "warns", "russia")}),
    # reciprocals: each holder opposes the others
    ("Armenia and Azerbaijan accused each other of violating the ceasefire.",
     {("armenia", "opposes", "azerbaijan"), ("azerbaijan", "opposes", "armenia")}),
    ("Tajik and Kyrgyz forces exchanged fire along the border.",
     {("tajikistan", "opposes", "kyrgyzstan"), ("kyrgyzstan", "opposes", "tajikistan")}),
    # rejecting a wrong is opposing its author, not a negation; rejecting claims doubts them
    ('"We reject the interference of Washington," Venezuela\'s foreign minister said.',
     {("venezuela", "opposes", "united-states")}),
    ("Russia rejected the accusations by Ukraine.", {("russia", "doubts", "ukraine")}),
    ("Russia rejected accusations of aggression against Ukraine.", set()),
    # an aside between subject and verb; a condemnation of a "militarisation" both opposes and warns
    ("The Turkish foreign ministry, in a statement, condemned Greece's militarisation of the islands.",
     {("turkey", "opposes", "greece"), ("turkey", "warns", "greece")}),
    # "A and B pledged to deepen cooperation": with each other, not with the next actor named
    ("The Philippines and Vietnam pledged to deepen cooperation, in a rebuke to China.",
     {("philippines", "supports", "vietnam"), ("vietnam", "supports", "philippines"),
      ("philippines", "opposes", "china"), ("vietnam", "opposes", "china")}),
    # ", adding that ...": the speaker is the subject, not the object before the verb;
    # what is done "rather than" something else is not done
    ("Chinese foreign ministry spokesperson Wang Wenbin said the pact was not aimed at anyone. He accused Australia "
     "of exaggerating tensions, adding that they should respect Fiji rather than interfere in its affairs.",
     {("china", "opposes", "australia"), ("china", "doubts", "australia")}),
    # expelling an envoy opposes the state; the deadline to leave is no ultimatum to it
    ("Peru declared Mexico's ambassador persona non grata and gave him 72 hours to leave the country.",
     {("peru", "opposes", "mexico")}),
    # idioms of criticism and concern
    ("Kenya lashed out at Somalia on Tuesday.", {("kenya", "opposes", "somalia")}),
    ("Indonesia expressed deep concern over China's activities at sea.", {("indonesia", "warns", "china")}),
    # urging "the country's authorities" to stop opposes that country
    ("Rohingya Muslims in Myanmar faced a catastrophe, and the United Nations urged the country's authorities "
     "to suspend military action.", {("united-nations", "opposes", "myanmar")}),
    # "with help from X": X supports whoever was helped
    ("Israel said the drones had been intercepted with help from Britain and France.",
     {("united-kingdom", "supports", "israel"), ("france", "supports", "israel")}),
    ("Britain will stand with Ukraine.", {("united-kingdom", "supports", "ukraine")}),
    ('"This is a stab in the back," Russian President Vladimir Putin said of Turkey.',
     {("russia", "opposes", "turkey")}),
    ('"We will not sit idly by," Israeli Prime Minister Benjamin Netanyahu said of Iran.',
     {("israel", "warns", "iran")}),
    ("China called the U.S. accusations groundless.", {("china", "doubts", "united-states")}),
    ("Russia dismissed the NATO warnings as hysteria.", {("russia", "doubts", "nato")}),
    ("Washington called the North Korean statement bluster.", {("united-states", "doubts", "north-korea")}),
    ("China warned the United States not to cross a red line on Taiwan.", {("china", "warns", "united-states")}),
    ("India declined to condemn Russia.", set()),
    ("Germany said it would not send weapons to Ukraine.", set()),
    ("Russia denies it plans to invade Ukraine.", set()),
    ("Japan did not express support for China.", set()),
    ("Poland never recognized Belarus's election.", {("poland", "opposes", "belarus")}),
    # "it is not true that ...", and a gerund argued against, are not the holder's stance
    ("It is not true that Germany backs Hungary.", set()),
    ("Turkey voted against condemning Russia.", set()),
    ("France cautioned against isolating China.", set()),
    ("The United States warned Israel against attacking Iran.", {("united-states", "warns", "israel")}),
]


@pytest.mark.parametrize("text,expected", ATTRIBUTION + TARGETS + STANCES,
                         ids=[row[0][:60] for row in ATTRIBUTION + TARGETS + STANCES])
def test_patterns_edges(extractor, text, expected):
    assert {a.edge for a in run(extractor, text)} == expected


@pytest.mark.parametrize("text,modality", [
    ("Russia threatened Ukraine with severe consequences.", "threat"),
    ("Poland is worried about the threat from Russia.", "forecast"),
    ("Russia may attack Ukraine, NATO warned.", "forecast"),
    ('"Would China ever support Russia?" asked NATO chief Jens Stoltenberg, who warned Beijing.', "asserted"),
])
def test_patterns_modality(extractor, text, modality):
    assert modality in {a.modality for a in run(extractor, text)}


def test_patterns_conditional_is_recorded(extractor):
    (a,) = run(extractor, '"If it attacks, we would condemn Russia," French President Emmanuel Macron said.')
    assert a.edge == ("france", "opposes", "russia")
    assert a.modality == "conditional"


def test_patterns_question_is_recorded(extractor):
    found = run(extractor, '"Is Russia a threat to Europe?" Polish President Andrzej Duda asked.')
    assert [a.modality for a in found] == ["question"]


def test_patterns_confidence_lower_for_weaker_evidence(extractor):
    named, carried = run(extractor, '"We condemn Russia," French President Emmanuel Macron said. '
                                    '"We condemn Russia for this war."')
    assert carried.rule == "quote-carried"
    assert named.confidence > carried.confidence


def test_patterns_quote_without_target_takes_what_the_sentence_before_spoke_of(extractor):
    """Not who spoke there: Trump's doubt is about Pyongyang, not about Tokyo."""
    text = ("Japanese Prime Minister Shinzo Abe welcomed the talks but said Tokyo would watch closely whether "
            "Pyongyang took concrete action. U.S. President Donald Trump wrote on Twitter that \"good things are "
            "happening, but only time will tell!\"")
    found = extractor.extract(Article("t", date(2018, 4, 27), text, "test"))
    assert {a.edge for a in found} == {("japan", "doubts", "north-korea"), ("united-states", "doubts", "north-korea")}
