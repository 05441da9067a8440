"""The extraction engine: one hand-written sentence per construction, the seed article, sources."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from quotecheck.extract import extract, load_gazetteer, resolve_source
from quotecheck.extract.split import split_interrupted
from quotecheck.model import Attribution

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
SEED = REPO / "seeds" / "north-korea-rejects-talks-with-japan.txt"

# (id, text, expected statements). Each expectation: the statement text as reported, and
# optionally speaker (canonical), mention (literal speaker span), source, kind, cue.
CASES: list[tuple[str, str, list[dict[str, Any]]]] = [
    (
        "speaker-before-a-venue",
        "Finance Minister Jane Doe at a press conference said the budget would balance.",
        [
            {
                "text": "the budget would balance",
                "speaker": "Jane Doe",
                "mention": "Finance Minister Jane Doe",
                "cue": "said",
            }
        ],
    ),
    (
        "inverted-speaker-before-a-venue",
        '"This is the most important housing decision in a generation," said Mayor Jane Doe'
        " at a press conference.",
        [
            {
                "text": "This is the most important housing decision in a generation",
                "speaker": "Jane Doe",
                "role": "Mayor",
                "mention": "Mayor Jane Doe",
                "source": "press conference",
            }
        ],
    ),
    (
        "who-antecedent-stops-at-the-sentence-start",
        "The mayor spoke at a press conference. Councillor Tom Baker, who voted against the"
        ' plan, said the council had "ignored residents".',
        [
            {"text": "the plan", "speaker": "Tom Baker", "role": "Councillor", "mention": "who"},
            {
                "text": 'the council had "ignored residents"',
                "speaker": "Tom Baker",
                "role": "Councillor",
            },
        ],
    ),
    (
        "dateline-is-no-speaker",
        "BERLIN, June 3 - Health Minister Karl Weber on Wednesday defended the pace of the"
        ' campaign, saying the government had "done everything humanly possible".',
        [
            {"text": "the pace of the campaign", "speaker": "Karl Weber", "cue": "defended"},
            {
                "text": 'the government had "done everything humanly possible"',
                "speaker": "Karl Weber",
                "role": "Health Minister",
                "mention": "Health Minister Karl Weber",
                "cue": "saying",
            },
        ],
    ),
    (
        "dateline-with-agency",
        "MACAU (Reuters) – Sheldon Adelson said on Friday he may wait.",
        [{"text": "he may wait", "speaker": "Sheldon Adelson", "mention": "Sheldon Adelson"}],
    ),
    (
        "according-to-role-then-name",
        "The plan will be reviewed again next year, according to the council's chief planner,"
        " Maria Santos.",
        [
            {
                "text": "The plan will be reviewed again next year",
                "speaker": "Maria Santos",
                "role": "the council's chief planner",
                "mention": "the council's chief planner, Maria Santos",
                "cue": "according to",
            }
        ],
    ),
    (
        "according-to-then-clause-resumes",
        "The next day, according to Roffman, Trump made further demands.",
        [{"text": "The next day, according to Roffman, Trump made further demands"}],
    ),
    (
        "agency-quoted-person-as-saying",
        "KCNA quoted a foreign ministry spokesperson as saying that Japan's policy was"
        ' "a dangerous provocation".',
        [
            {
                "text": 'that Japan\'s policy was "a dangerous provocation"',
                "mention": "a foreign ministry spokesperson",
                "source": "KCNA",
                "cue": "quoted",
                "kind": "mixed",
            }
        ],
    ),
    (
        "hyphenated-title-is-the-role",
        "UN Secretary-General Antonio Guterres said the talks would resume. Antonio Guterres"
        " said later that he was hopeful.",
        [
            {
                "text": "the talks would resume",
                "speaker": "Antonio Guterres",
                "role": "UN Secretary-General",
            },
            {"text": "that he was hopeful", "speaker": "Antonio Guterres"},
        ],
    ),
    (
        "body-name-without-its-article",
        "According to the Office for Budget Responsibility, the deficit will reach 4.2 percent"
        " of GDP this year. The Republican National Committee said it would appeal.",
        [
            {
                "text": "the deficit will reach 4.2 percent of GDP this year",
                "speaker": "Office for Budget Responsibility",
                "role": None,
                "mention": "the Office for Budget Responsibility",
            },
            {"text": "it would appeal", "speaker": "Republican National Committee", "role": None},
        ],
    ),
    (
        "pronoun-resolves-to-a-name-with-inner-capitals",
        "Martin O’Malley arrived late. He said the vote would fail.",
        [{"text": "the vote would fail", "speaker": "Martin O’Malley", "mention": "He"}],
    ),
    (
        "statement-carried-by-an-agency",
        'Choe Son Hui said in a statement carried by KCNA that Pyongyang had "no interest" in'
        " talks.",
        [
            {
                "text": 'that Pyongyang had "no interest" in talks',
                "speaker": "Choe Son Hui",
                "source": "KCNA",
                "cue": "said in a statement",
            }
        ],
    ),
    (
        "report-published-by-an-agency",
        "The ministry said in a report released by the official KCNA news agency on Monday that"
        " the talks failed.",
        [{"text": "that the talks failed", "source": "KCNA"}],
    ),
    # direct quotes
    (
        "direct-after",
        "“We will win,” Smith said.",
        [{"text": "We will win", "speaker": "Smith", "kind": "direct", "cue": "said"}],
    ),
    (
        "direct-colon",
        "John Smith said: “We will win this election.”",
        [{"text": "We will win this election.", "speaker": "John Smith", "kind": "direct"}],
    ),
    (
        "direct-straight-marks",
        'The mayor said, "Schools reopen on Monday."',
        [{"text": "Schools reopen on Monday.", "speaker": "The mayor", "kind": "direct"}],
    ),
    (
        "direct-guillemets",
        "«Nous gagnerons», said the French minister.",
        [{"text": "Nous gagnerons", "mention": "the French minister", "kind": "direct"}],
    ),
    (
        "direct-doubled-apostrophes",
        "''It has been a very successful strategy,'' said Warren Gunnels.",
        [{"text": "It has been a very successful strategy", "speaker": "Warren Gunnels"}],
    ),
    (
        "direct-split-by-attribution",
        "“We will win,” said John Smith, the party chairman. “Nobody can stop us.”",
        [
            {
                "text": "We will win,” said John Smith, the party chairman. “Nobody can stop us.",
                "speaker": "John Smith",
                "mention": "John Smith, the party chairman",
                "kind": "direct",
            }
        ],
    ),
    (
        "multi-paragraph",
        "“The first paragraph goes on,\n\n“and the second one too,” the mayor said.",
        [{"text": "The first paragraph goes on,\n\n“and the second one too", "kind": "direct"}],
    ),
    (
        "nested",
        "Smith said: “He told me ‘never again’ and left.”",
        [{"text": "He told me ‘never again’ and left.", "speaker": "Smith", "kind": "direct"}],
    ),
    (
        "odd-number-of-marks",
        "He said “this is odd and never closed.\n\nNext paragraph.",
        [{"text": "this is odd and never closed", "mention": "He", "kind": "direct"}],
    ),
    (
        "mixed",
        "Kishida said he wanted talks “without any preconditions” with the North.",
        [
            {
                "text": "he wanted talks “without any preconditions” with the North",
                "speaker": "Kishida",
                "kind": "mixed",
            }
        ],
    ),
    # indirect speech
    (
        "indirect-said-that",
        "The senator said that the bill would pass next week.",
        [
            {
                "text": "that the bill would pass next week",
                "mention": "The senator",
                "kind": "indirect",
                "cue": "said",
            }
        ],
    ),
    (
        "indirect-said-bare",
        "The senator said the bill would pass next week.",
        [{"text": "the bill would pass next week", "mention": "The senator"}],
    ),
    (
        "indirect-content-first",
        "The bill will pass next week, the senator said.",
        [{"text": "The bill will pass next week", "mention": "the senator", "cue": "said"}],
    ),
    (
        "indirect-inverted",
        "The bill will pass next week, said Senator Jane Doe.",
        [{"text": "The bill will pass next week", "speaker": "Jane Doe"}],
    ),
    (
        "according-to-after",
        "Turnout was the highest in decades, according to election officials.",
        [
            {
                "text": "Turnout was the highest in decades",
                "mention": "election officials",
                "cue": "according to",
            }
        ],
    ),
    (
        "according-to-before",
        "According to the ministry, three ships were seized.",
        [{"text": "three ships were seized", "mention": "the ministry"}],
    ),
    (
        "told-reporters",
        "Prime Minister Rishi Sunak told reporters that the plan was working.",
        [
            {
                "text": "that the plan was working",
                "speaker": "Rishi Sunak",
                "mention": "Prime Minister Rishi Sunak",
                "cue": "told",
            }
        ],
    ),
    (
        "quoting-x-y-stated",
        "Quoting Foreign Minister Choe Son Hui, KCNA stated that talks were off.",
        [
            {
                "text": "that talks were off",
                "speaker": "Choe Son Hui",
                "source": "KCNA",
                "cue": "stated",
            }
        ],
    ),
    (
        "headline-colon",
        "Kishida: “We must not waste any moment.”",
        [{"text": "We must not waste any moment.", "speaker": "Kishida", "cue": ":"}],
    ),
    (
        "added",
        "Taxes will rise, the minister added.",
        [{"text": "Taxes will rise", "mention": "the minister", "cue": "added"}],
    ),
    (
        "has-announced",
        "North Korea has announced that it will launch a satellite.",
        [{"text": "that it will launch a satellite", "speaker": "North Korea", "role": "state"}],
    ),
    # speaker forms
    (
        "possessive-role-appositive",
        "North Korea’s ambassador to China, Ri Ryong Nam, added that talks were impossible.",
        [
            {
                "text": "that talks were impossible",
                "speaker": "Ri Ryong Nam",
                "mention": "North Korea’s ambassador to China, Ri Ryong Nam",
                "role": "North Korea’s ambassador to China",
            }
        ],
    ),
    (
        "title-and-role",
        "Japanese prime minister Fumio Kishida said he wanted talks.",
        [
            {
                "text": "he wanted talks",
                "speaker": "Fumio Kishida",
                "role": "Japanese prime minister",
            }
        ],
    ),
    (
        "appositive-after-name",
        "Kim Yo Jong, sister of the leader, said that a visit was possible.",
        [
            {
                "text": "that a visit was possible",
                "speaker": "Kim Yo Jong",
                "role": "sister of the leader",
            }
        ],
    ),
    (
        "surname-back-reference",
        "Fumio Kishida visited Seoul. Kishida said the visit was useful.",
        [{"text": "the visit was useful", "speaker": "Fumio Kishida", "mention": "Kishida"}],
    ),
    (
        "hyphen-space-variants",
        "Kim Jong-un arrived on Monday. Kim Jong Un said the test was a success.",
        [{"text": "the test was a success", "speaker": "Kim Jong-un", "mention": "Kim Jong Un"}],
    ),
    (
        "pronoun",
        "Maria Lopez spoke first. She said the vote was rigged.",
        [{"text": "the vote was rigged", "speaker": "Maria Lopez", "mention": "She"}],
    ),
    (
        "pronoun-after-quote",
        "“We will win,” John Smith said. He added that taxes would fall.",
        [
            {"text": "We will win", "speaker": "John Smith"},
            {"text": "that taxes would fall", "speaker": "John Smith", "mention": "He"},
        ],
    ),
    (
        "relative-who",
        "The crowd cheered Donald Trump, who said the polls were rigged.",
        [{"text": "the polls were rigged", "speaker": "Donald Trump", "mention": "who"}],
    ),
    (
        "inverted-speaker-with-appositives",
        "“We are happy,” said Rosa Delmar, executive director of Harbor Nurses Guild, "
        "a union that backed the mayor.",
        [
            {
                "text": "We are happy",
                "speaker": "Rosa Delmar",
                "mention": "Rosa Delmar, executive director of Harbor Nurses Guild, "
                "a union that backed the mayor",
            }
        ],
    ),
    (
        "coordinated-speakers",
        "Council hopefuls Ann Ford and Leo Park say Hale has not been tested.",
        [
            {
                "text": "Hale has not been tested",
                "mention": "Council hopefuls Ann Ford and Leo Park",
            }
        ],
    ),
    (
        "share-of-voters",
        "About four in 10 voters say that the harbor matters most.",
        [{"text": "that the harbor matters most", "mention": "About four in 10 voters"}],
    ),
    (
        "percent-of-voters",
        "Still, 52 percent of registered voters say they would vote for her.",
        [{"text": "they would vote for her", "mention": "52 percent of registered voters"}],
    ),
    (
        "slash-in-name",
        "The latest Tribune/Harbor poll showed that Hale was leading.",
        [{"text": "that Hale was leading", "mention": "The latest Tribune/Harbor poll"}],
    ),
    (
        "country-as-speaker",
        "Japan warned that it would respond to any launch.",
        [{"text": "that it would respond to any launch", "speaker": "Japan", "cue": "warned"}],
    ),
    (
        "pronoun-prefers-subject-of-previous-sentence",
        "“The budget is balanced,” Mayor Ellen Varga said. Councillor Tom Brandauer voted "
        "against it. “We are punishing drivers,” he told reporters.",
        [
            {"text": "The budget is balanced", "speaker": "Ellen Varga"},
            {"text": "We are punishing drivers", "speaker": "Tom Brandauer", "mention": "he"},
        ],
    ),
    (
        "who-clause-is-not-a-role",
        "Mayor Ellen Varga, who has championed the plan since her election, said the vote "
        "was fair.",
        [{"text": "the vote was fair", "speaker": "Ellen Varga", "role": "Mayor"}],
    ),
    (
        "role-of-organisation-appositive",
        "The chairman of Harbor United, Dario King, said the club would move.",
        [
            {
                "text": "the club would move",
                "speaker": "Dario King",
                "role": "chairman of Harbor United",
            }
        ],
    ),
    (
        "headline-without-clause",
        "Minister defends budget cuts\n\nThe minister said on Monday that the cuts were needed.",
        [{"text": "that the cuts were needed", "mention": "The minister"}],
    ),
    # sources
    (
        "source-in-a-report",
        "Kim Yo Jong said in a KCNA report that the visit was possible.",
        [{"text": "that the visit was possible", "speaker": "Kim Yo Jong", "source": "KCNA"}],
    ),
    (
        "source-agency-as-subject",
        "The state’s official news agency KCNA said that the launch had failed.",
        [{"text": "that the launch had failed", "source": "KCNA"}],
    ),
    (
        "source-speech-at-unga",
        "Kishida said in a speech at the UNGA that he wanted peace.",
        [{"text": "that he wanted peace", "speaker": "Kishida", "source": "UNGA"}],
    ),
    (
        "source-legislature-alias",
        "Speaking in the Japanese Parliament, Kishida said that relations mattered.",
        [{"text": "that relations mattered", "source": "the Diet"}],
    ),
    (
        "source-quoted-in-next-sentence",
        "Ri Ryong Nam said that talks were impossible. This was quoted in another KCNA report.",
        [{"text": "that talks were impossible", "speaker": "Ri Ryong Nam", "source": "KCNA"}],
    ),
    (
        "source-press-conference",
        "The governor said at a press conference that schools would reopen.",
        [{"text": "that schools would reopen", "source": "press conference"}],
    ),
    (
        "source-interview",
        "Maria Lopez said in an interview that she would run again.",
        [{"text": "that she would run again", "source": "interview"}],
    ),
    (
        "source-social-media",
        "Trump said in a post on Truth Social that the trial was rigged.",
        [{"text": "that the trial was rigged", "source": "Truth Social"}],
    ),
    (
        "source-trailing-agency-reported",
        "Kim Jong Un warned that the North would never give up its arsenal, KCNA reported.",
        [
            {
                "text": "that the North would never give up its arsenal",
                "speaker": "Kim Jong Un",
                "source": "KCNA",
            }
        ],
    ),
    (
        "agency-alias-as-speaker",
        "According to the Korean Central News Agency, the leader oversaw the drill.",
        [{"text": "the leader oversaw the drill", "speaker": "KCNA", "cue": "According to"}],
    ),
    (
        "dateline-is-not-a-source",
        "TOKYO (AP) — Prime Minister Fumio Kishida said that talks were possible.",
        [{"text": "that talks were possible", "speaker": "Fumio Kishida", "source": None}],
    ),
    (
        "participle-is-not-a-role",
        "Defense Minister Minoru Kihara, speaking at a news conference, said the missile fell.",
        [
            {
                "text": "the missile fell",
                "speaker": "Minoru Kihara",
                "role": "Defense Minister",
                "source": "press conference",
            }
        ],
    ),
    (
        "declined-to",
        "A Port Authority spokeswoman declined to comment on the case.",
        [
            {
                "text": "to comment on the case",
                "mention": "A Port Authority spokeswoman",
                "cue": "declined",
            }
        ],
    ),
    (
        "relative-clause-ends-at-comma",
        "Ford, who announced a plan on Monday, plans to focus on jobs.",
        [{"text": "a plan on Monday", "speaker": "Ford", "mention": "who"}],
    ),
    (
        "adverb-after-cue",
        "He noted repeatedly that he had won a state.",
        [{"text": "that he had won a state", "cue": "noted"}],
    ),
    (
        "adverb-in-cue-group",
        "She has since said that she attended the wedding.",
        [{"text": "that she attended the wedding", "cue": "has since said"}],
    ),
    (
        "clause-ends-before-but",
        "Ford says the memos were personal, but her rivals disagree.",
        [{"text": "the memos were personal", "speaker": "Ford"}],
    ),
    (
        "dash-pair-stays-in-clause",
        "Hale said the plan — a total ban — would pass.",
        [{"text": "the plan — a total ban — would pass"}],
    ),
    (
        "channel-phrase-after-cue",
        "The party had won a victory, she said in a video message to the convention.",
        [{"text": "The party had won a victory", "mention": "she"}],
    ),
    (
        "participle-after-quote",
        "“He stands for the middle class,” Novak said, adding that Hale is trustworthy.",
        [
            {"text": "He stands for the middle class", "speaker": "Novak", "cue": "said"},
            {"text": "that Hale is trustworthy", "speaker": "Novak", "cue": "adding"},
        ],
    ),
    (
        "object-cue-short-object",
        "On Tuesday, Gov. Rita Lang endorsed her.",
        [{"text": "her", "speaker": "Rita Lang", "cue": "endorsed"}],
    ),
    (
        "object-cue-phrase",
        "Hale railed against the landlord lobby in Ohio.",
        [{"text": "the landlord lobby in Ohio", "speaker": "Hale", "cue": "railed against"}],
    ),
    (
        "relative-clause-attribution",
        "He urged the judge to give a fair sentence, which I said was not a prison sentence.",
        [
            {"text": "the judge to give a fair sentence", "mention": "He", "cue": "urged"},
            {"text": "which I said was not a prison sentence", "mention": "I", "cue": "said"},
        ],
    ),
    (
        "parenthetical-attribution",
        "Instead, Hale told WXYZ, his policy would be to go after them.",
        [
            {
                "text": "Instead, Hale told WXYZ, his policy would be to go after them",
                "speaker": "Hale",
                "cue": "told",
            }
        ],
    ),
    (
        "plural-noun-subject",
        "More than 40 percent of the money arrived in February, new fundraising reports show.",
        [
            {
                "text": "More than 40 percent of the money arrived in February",
                "mention": "new fundraising reports",
                "cue": "show",
            }
        ],
    ),
    (
        "subordinate-clause-ends-at-comma",
        "While Ortiz said that reporters cannot take sides, he appears uneasy.",
        [{"text": "that reporters cannot take sides", "speaker": "Ortiz"}],
    ),
    (
        "bracketed-sentence",
        "(A campaign spokeswoman disputed their account.)",
        [{"text": "their account", "mention": "A campaign spokeswoman", "cue": "disputed"}],
    ),
    (
        "according-to-with-appositive",
        "Turnout rose by a third, according to Omar Field, an analyst at Harbor Research.",
        [
            {
                "text": "Turnout rose by a third",
                "speaker": "Omar Field",
                "cue": "according to",
            }
        ],
    ),
    (
        "adverb-between-subject-and-cue",
        "Moreau however said he would welcome Canada’s participation.",
        [{"text": "he would welcome Canada’s participation", "speaker": "Moreau"}],
    ),
    (
        "urged-not-to",
        "Police urged people not to spread rumors.",
        [{"text": "people not to spread rumors", "mention": "Police", "cue": "urged"}],
    ),
    (
        "boasted-of",
        "Hale has boasted of his willingness to spend his own fortune.",
        [
            {
                "text": "his willingness to spend his own fortune",
                "speaker": "Hale",
                "cue": "has boasted of",
            }
        ],
    ),
    (
        "relative-clause-inside-content",
        "People briefed on the situation say that the governor, who must decide, has revealed "
        "nothing.",
        [{"text": "that the governor, who must decide, has revealed nothing"}],
    ),
    (
        "nominal-claim",
        "Lang blamed the press for Victor Hale’s claim that Ford founded the club.",
        [
            {
                "text": "the press for Victor Hale’s claim that Ford founded the club",
                "cue": "blamed",
            },
        ],
    ),
    (
        "nominal-promise",
        "Hale's past statements, including his promise to be neutral, caused concern.",
        [{"text": "to be neutral", "mention": "his", "cue": "promise"}],
    ),
    (
        "headline-poll",
        "Poll: Ford Takes First Citywide Lead\n\nThe survey was taken in May.",
        [{"text": "Ford Takes First Citywide Lead", "mention": "Poll", "cue": ":"}],
    ),
    (
        "name-ending-in-ly",
        "“Turnout matters,” Kelly said. “Look at the numbers.”",
        [
            {
                "text": "Turnout matters,” Kelly said. “Look at the numbers.",
                "speaker": "Kelly",
                "kind": "direct",
            }
        ],
    ),
    (
        "subject-with-several-asides",
        "Tenants — and some landlords — say that Hale’s rhetoric outweighs any gains.",
        [
            {
                "text": "that Hale’s rhetoric outweighs any gains",
                "mention": "Tenants — and some landlords",
            }
        ],
    ),
    (
        "said-of-x-colon",
        "Ford said of Lang's latest request: “The board resolved all of this.”",
        [{"text": "The board resolved all of this.", "speaker": "Ford", "kind": "direct"}],
    ),
    (
        "adverbials-with-commas-before-that",
        "Sen. Tom Hale said Sunday in Dayton, Ohio, that he hoped for a large turnout.",
        [{"text": "that he hoped for a large turnout", "speaker": "Tom Hale"}],
    ),
    (
        "participle-after-main-verb",
        "Hale hit back, saying at a campaign event that Ford was not qualified.",
        [{"text": "that Ford was not qualified", "mention": "Hale", "cue": "saying"}],
    ),
    (
        "content-keeps-head-before-next-statement",
        "Hale asserted that the city had lost its soul: “Dayton is no longer Dayton,” he claimed.",
        [
            {"text": "that the city had lost its soul", "cue": "asserted"},
            {"text": "Dayton is no longer Dayton", "cue": "claimed"},
        ],
    ),
    (
        "purpose-clause-cue",
        "Lou Danner appeared on “Morning Desk” to defend her.",
        [{"text": "her", "speaker": "Lou Danner", "cue": "to defend"}],
    ),
    (
        "long-bracketed-aside",
        "Sen. Carl Brandt (a councillor so young he was taken for an intern) says he was "
        "unfocused.",
        [{"text": "he was unfocused", "speaker": "Carl Brandt"}],
    ),
    (
        "object-ends-before-date",
        "Gov. Rita Lang endorsed Ford on Tuesday.",
        [{"text": "Ford", "speaker": "Rita Lang", "cue": "endorsed"}],
    ),
    (
        "object-ends-before-second-verb-phrase",
        "Hale criticized Omar Field and questioned why his wife had not spoken.",
        [
            {"text": "Omar Field", "speaker": "Hale", "cue": "criticized"},
            {"text": "why his wife had not spoken", "speaker": "Hale", "cue": "questioned"},
        ],
    ),
    (
        "asked-about",
        "Hale was asked about the endorsement by a reporter.",
        [],
    ),
    (
        "colon-introduces-quote",
        "Lang resisted: “Governors do not have the power to cancel the vote.”",
        [
            {
                "text": "Governors do not have the power to cancel the vote.",
                "speaker": "Lang",
                "cue": "resisted:",
                "kind": "direct",
            }
        ],
    ),
    (
        "abbreviation-before-quote-ends-sentence",
        "“They'd be wrong,” Mia Brooks said in Fresno, Calif. “It goes on.”",
        [{"text": "They'd be wrong,” Mia Brooks said in Fresno, Calif. “It goes on."}],
    ),
    (
        "quote-then-any-verb",
        "“What made him change his mind?” Novak questioned.",
        [
            {
                "text": "What made him change his mind?",
                "speaker": "Novak",
                "cue": "questioned",
                "kind": "direct",
            }
        ],
    ),
    (
        "aside-between-cue-and-that",
        "She also said, without evidence, that the tapes existed.",
        [{"text": "that the tapes existed", "mention": "She", "cue": "also said"}],
    ),
    (
        "explained-why",
        "The singer explained why the label is a backhanded compliment.",
        [{"text": "why the label is a backhanded compliment", "cue": "explained"}],
    ),
    (
        "appositive-including",
        "Six newspapers in Ohio, including the Dayton Ledger, said he is unfit.",
        [
            {
                "text": "he is unfit",
                "mention": "Six newspapers in Ohio, including the Dayton Ledger",
            }
        ],
    ),
    (
        "list-of-names",
        "Ford, Lang and Brandt said that the speeches were a duty.",
        [{"text": "that the speeches were a duty", "mention": "Ford, Lang and Brandt"}],
    ),
    (
        "in-a-poll-leading",
        "In exit polls, voters in both parties were unhappy with the council.",
        [
            {
                "text": "voters in both parties were unhappy with the council",
                "mention": "exit polls",
                "cue": "In",
            }
        ],
    ),
    (
        "in-a-poll-trailing",
        "Lang was at 25 percent support in the most recent Ledger poll.",
        [
            {
                "text": "Lang was at 25 percent support",
                "mention": "the most recent Ledger poll",
                "cue": "in",
            }
        ],
    ),
    (
        "abbreviation-v",
        "Hale said he would appoint judges who would overturn Smith v. Jones.",
        [{"text": "he would appoint judges who would overturn Smith v. Jones"}],
    ),
    (
        "but-that-coordinated",
        "Ford said the U.S. must fund the port, but that she would not support new tolls.",
        [
            {
                "text": "the U.S. must fund the port, but that she would not support new tolls",
                "speaker": "Ford",
            }
        ],
    ),
    (
        "title-colon-with-lowercase-words",
        "Ford camp: Hale’s rhetoric threatens public safety\n\nThe race goes on.",
        [
            {
                "text": "Hale’s rhetoric threatens public safety",
                "mention": "Ford camp",
                "cue": ":",
            }
        ],
    ),
    (
        "one-word-answer",
        "Asked if he was ever bullied, the candidate said no.",
        [
            {"text": "if he was ever bullied", "cue": "Asked"},
            {"text": "no", "mention": "the candidate", "cue": "said"},
        ],
    ),
    (
        "verb-chain-cue",
        "Hale continued to insist that he could win.",
        [{"text": "that he could win", "speaker": "Hale", "cue": "continued to insist"}],
    ),
    (
        "said-to-reporters-that",
        "Hale said to reporters that he could win.",
        [{"text": "that he could win", "speaker": "Hale", "cue": "said"}],
    ),
    (
        "aside-after-subject",
        "Tom Hale, by contrast, wrote that the council should act.",
        [{"text": "that the council should act", "mention": "Tom Hale"}],
    ),
    (
        "according-to-long-source",
        "According to early results of exit polls conducted for The Dayton Ledger and "
        "local radio stations, nearly half of the voters were renters.",
        [
            {
                "text": "nearly half of the voters were renters",
                "mention": "early results of exit polls conducted for The Dayton Ledger and "
                "local radio stations",
            }
        ],
    ),
    (
        "told-recipient-then-that",
        "Carl Brandt told delegates at the State Party Convention that the loan "
        "should disqualify her.",
        [{"text": "that the loan should disqualify her", "speaker": "Carl Brandt"}],
    ),
    (
        "told-recipient-then-contraction",
        "Joyce told The Dayton Ledger he’s not planning an appeal.",
        [{"text": "he’s not planning an appeal", "speaker": "Joyce", "cue": "told"}],
    ),
    (
        "abbreviation-ends-sentence",
        "Cox says Hale is soft on crime in the U.S. He says voters need facts.",
        [
            {"text": "Hale is soft on crime in the U.S", "speaker": "Cox"},
            {"text": "voters need facts", "speaker": "Cox", "mention": "He"},
        ],
    ),
    (
        "relative-whom-described",
        "He compared the other candidate, whom he described as “volatile,” with Ford.",
        [{"text": "whom he described as “volatile,”", "mention": "he", "cue": "described"}],
    ),
    (
        "clause-ends-at-participle-after-quote",
        "Hale said that Lang was a “faker,” questioning his tax returns.",
        [
            {"text": "that Lang was a “faker,”", "speaker": "Hale"},
            {"text": "his tax returns", "speaker": "Hale", "cue": "questioning"},
        ],
    ),
    # not speech
    ("refusal", "He has refused to engage with the administration.", []),
    ("noun-attacks", "Paris attacks test the strategy of the campaign.", []),
    ("intention-off-by-default", "The campaign plans to focus on jobs.", []),
    ("participle-adjective", "That would set the stage for a contested convention in July.", []),
    ("plural-noun-states", "The ad will air in nine states: Ohio, Florida and Iowa.", []),
    ("scare-quotes", "The so-called “peace process” has stalled again.", []),
    ("scare-quotes-2", "The “reforms” were never implemented.", []),
    ("title-in-quotes", "He starred in “The Long Goodbye” in 1973.", []),
    ("nickname", "Joe “The Plumber” Wurzelbacher attended the rally.", []),
    ("possessive-wish", "If Kishida’s wish is ever realised, it will be the first summit.", []),
    ("noun-state", "The state’s budget passed, and the United States agreed.", []),
    ("passive", "News of their whereabouts has never been revealed by Pyongyang.", []),
    ("belief-off-by-default", "The minister believes that prices will fall.", []),
    # PolNeAR train error classes, second round (docs/extraction.md, "What was tried")
    (
        "inverted-after-clause-with-commas",
        "Even as the race moves to New York, a state she hoped to carry, the race will be "
        "tight, said Dan Gerstein, an analyst in New York City.",
        [
            {
                "text": "Even as the race moves to New York, a state she hoped to carry, the race "
                "will be tight",
                "speaker": "Dan Gerstein",
                "mention": "Dan Gerstein, an analyst in New York City",
                "cue": "said",
            }
        ],
    ),
    (
        "inverted-not-before-a-modal",
        "Mr. Manafort, citing ''the unique magic of Trump,'' said the candidate could be "
        "competitive in Pennsylvania.",
        [],
    ),
    (
        "closing-attribution-beats-inner-cue",
        "Holan is worried. Social media has added another link to the misinformation chain, "
        "she noted.",
        [
            {
                "text": "Social media has added another link to the misinformation chain",
                "mention": "she",
                "cue": "noted",
            }
        ],
    ),
    (
        "participle-after-dash",
        "Marco Rubio flipped his choice on the spot – saying he was rooting for Peyton Manning.",
        [
            {
                "text": "he was rooting for Peyton Manning",
                "speaker": "Marco Rubio",
                "cue": "saying",
            }
        ],
    ),
    (
        "participle-after-upon",
        "Silverman incurred a wave of boos upon saying, “Hillary heard the passion of the people.”",
        [
            {
                "text": "Hillary heard the passion of the people.",
                "speaker": "Silverman",
                "cue": "saying",
                "kind": "direct",
            }
        ],
    ),
    (
        "coordinated-and-said",
        "Ann Ford stressed that the plan was sound and said it would create jobs in the state.",
        [
            {"text": "that the plan was sound", "speaker": "Ann Ford", "cue": "stressed"},
            {"text": "it would create jobs in the state", "speaker": "Ann Ford", "cue": "said"},
        ],
    ),
    (
        "inverted-speaker-then-who-said",
        "“The candidates just don’t understand the military,” said Army Capt. Christian Pardo, "
        "who said he would not vote for either candidate.",
        [
            {
                "text": "The candidates just don’t understand the military",
                "mention": "Army Capt. Christian Pardo",
                "kind": "direct",
            },
            {"text": "he would not vote for either candidate", "mention": "who", "cue": "said"},
        ],
    ),
    (
        "appositive-subject-is-no-inversion",
        "Ivanka Trump, his eldest daughter, noted the rule in an interview last week.",
        [],
    ),
    (
        "quoted-title-in-leading-phrase",
        "Sunday on Fox News channel’s “Sunday Morning Futures,” Rep. Darrell Issa said "
        "Hillary Clinton’s judgment is in question.",
        [
            {
                "text": "Hillary Clinton’s judgment is in question",
                "speaker": "Darrell Issa",
                "cue": "said",
            }
        ],
    ),
    (
        "quoted-title-in-interview-phrase",
        'In an interview with "Fox and Friends," Donald Trump pointed to China as the enforcer.',
        [{"text": "China as the enforcer", "speaker": "Donald Trump", "cue": "pointed to"}],
    ),
    (
        "adverb-before-another-adverbial",
        "Sheldon Adelson said earlier on Friday during a news conference that he may wait.",
        [{"text": "that he may wait", "speaker": "Sheldon Adelson", "cue": "said"}],
    ),
    (
        "inverted-speaker-then-participle",
        "“It’s an enormous moment,” said Tad Devine, suggesting that the contests will be close.",
        [
            {"text": "It’s an enormous moment", "mention": "Tad Devine", "kind": "direct"},
            {
                "text": "that the contests will be close",
                "mention": "Tad Devine",
                "cue": "suggesting",
            },
        ],
    ),
    (
        "inverted-speaker-keeps-including",
        "“We are ready,” said several candidates, including Ann Ford.",
        [{"text": "We are ready", "mention": "several candidates, including Ann Ford"}],
    ),
    (
        "pronoun-contraction-goes-to-cue",
        "Ann Ford spoke first. “It’s not about me,” she’s said at every stop.",
        [
            {
                "text": "It’s not about me",
                "speaker": "Ann Ford",
                "mention": "she",
                "cue": "’s said",
                "kind": "direct",
            }
        ],
    ),
    (
        "subject-name-age-appositive",
        "Jillian Chase, 27, a Tinder user in New York, said she would vote for Clinton.",
        [
            {
                "text": "she would vote for Clinton",
                "speaker": "Jillian Chase",
                "mention": "Jillian Chase, 27, a Tinder user in New York",
            }
        ],
    ),
    (
        "cue-opens-the-sentence",
        'The bill passed on Monday. Said Lena Ortiz, who chairs the committee, "We finally'
        ' listened to the tenants." Added Tom Hale: "It will not happen again."',
        [
            {
                "text": "We finally listened to the tenants.",
                "speaker": "Lena Ortiz",
                "mention": "Lena Ortiz, who chairs the committee",
                "cue": "Said",
                "kind": "direct",
            },
            {"text": "It will not happen again.", "mention": "Tom Hale", "cue": "Added"},
        ],
    ),
    (
        "curly-quotation-nested-in-its-own-kind",
        "Lena Ortiz wrote, “Voters notice when “our side” breaks the rules. Otherwise we would"
        " not be here.” The post was shared widely.",
        [
            {
                "text": "Voters notice when “our side” breaks the rules. Otherwise we would not be"
                " here.",
                "speaker": "Lena Ortiz",
                "cue": "wrote",
                "kind": "direct",
            }
        ],
    ),
    (
        "quotation-then-any-verb-then-name",
        "Delegates cheered. “This is fantastic!” beamed Donald Hartley, a delegate from Alabama."
        " “Lock her up,” read one sign. The musical “Hamilton” starred Lin-Manuel Miranda.",
        [
            {
                "text": "This is fantastic!",
                "speaker": "Donald Hartley",
                "mention": "Donald Hartley, a delegate from Alabama",
                "cue": "beamed",
                "kind": "direct",
            },
            {"text": "Lock her up", "mention": "one sign", "cue": "read", "kind": "direct"},
        ],
    ),
    (
        "relative-that-before-a-quotation",
        "Lena Ortiz spoke first. By noon the page was replaced by a message that said, “Sorry,"
        " this item is no longer available.” Later she said the site would return.",
        [
            {
                "text": "Sorry, this item is no longer available.",
                "speaker": "a message",
                "mention": "that",
                "cue": "said",
                "kind": "direct",
            },
            {"text": "the site would return", "speaker": "Lena Ortiz", "mention": "she"},
        ],
    ),
    (
        "speaker-and-cue-sentence-then-quotation",
        "The vote was close. Councillor Lena Ortiz agreed. “The plan is dead. We start again in"
        " May.” The council adjourned. Tom Hale agreed. “It is over,” Ed Brandt said.",
        [
            {
                "text": "The plan is dead. We start again in May.",
                "speaker": "Lena Ortiz",
                "mention": "Councillor Lena Ortiz",
                "cue": "agreed",
                "kind": "direct",
            },
            {"text": "It is over", "speaker": "Ed Brandt", "cue": "said"},
        ],
    ),
    (
        "first-name-that-is-a-modal",
        "“The model is expensive,” said Will Doyle, a professor at Reed College. “It will not"
        " last,” Ann May said. In May Tom Hale said the fees would rise.",
        [
            {
                "text": "The model is expensive",
                "speaker": "Will Doyle",
                "mention": "Will Doyle, a professor at Reed College",
                "kind": "direct",
            },
            {"text": "It will not last", "speaker": "Ann May", "mention": "Ann May"},
            {"text": "the fees would rise", "speaker": "Tom Hale", "mention": "Tom Hale"},
        ],
    ),
    (
        "surname-of-a-first-name-that-is-a-modal",
        "Will Doyle teaches at Reed College. Doyle said fees would rise.",
        [{"text": "fees would rise", "speaker": "Will Doyle", "mention": "Doyle"}],
    ),
    (
        "modal-in-a-title-case-headline-is-no-name",
        "Ortiz: I’m Optimistic Voters Will Say No to Fees.\n\nOn Sunday the mayor spoke.",
        [{"text": "I’m Optimistic Voters Will Say No to Fees", "mention": "Ortiz", "cue": ":"}],
    ),
    (
        "and-speech-verb-that-starts-a-second-statement",
        "Prime Minister Theresa May said this week that the country would leave by March and"
        " suggested that it would quit the single market.",
        [
            {
                "text": "that the country would leave by March",
                "speaker": "Theresa May",
                "mention": "Prime Minister Theresa May",
                "cue": "said",
            },
            {"text": "that it would quit the single market", "cue": "suggested"},
        ],
    ),
    (
        "hometown-state-is-no-speaker",
        "“This is fantastic!” said Donald Hartley of Madison, Alabama, who came with his wife."
        " Rachel Berg, a nurse from Monsey, New York, said the speech went well. Stacy Baker"
        " of Columbia, South Carolina says Cruz can win.",
        [
            {
                "text": "This is fantastic!",
                "speaker": "Donald Hartley",
                "role": "of Madison, Alabama",
                "kind": "direct",
            },
            {
                "text": "the speech went well",
                "speaker": "Rachel Berg",
                "mention": "Rachel Berg, a nurse from Monsey, New York",
            },
            {
                "text": "Cruz can win",
                "speaker": "Stacy Baker",
                "mention": "Stacy Baker of Columbia, South Carolina",
            },
        ],
    ),
    (
        "gerund-after-a-possessive-is-no-cue",
        "Another source familiar with Hale’s thinking said, “He will not drop out.” If Hale’s"
        " plan rejected single mothers, families would suffer.",
        [
            {
                "text": "He will not drop out.",
                "mention": "Another source familiar with Hale’s thinking",
                "cue": "said",
                "kind": "direct",
            }
        ],
    ),
    (
        "cue-opening-a-sentence-is-no-part-of-the-name",
        "Roger Stone spoke on the radio on Monday. “We are done,” Stone said.\n\nContinued"
        " Stone: “It is over.”\n\nStated Stone:\n\n“The stakes are high.”",
        [
            {"text": "We are done", "speaker": "Roger Stone", "mention": "Stone"},
            {
                "text": "It is over.",
                "speaker": "Roger Stone",
                "mention": "Stone",
                "cue": "Continued",
            },
            {
                "text": "The stakes are high.",
                "speaker": "Roger Stone",
                "mention": "Stone",
                "cue": "Stated",
                "kind": "direct",
            },
        ],
    ),
    (
        "accented-name-is-one-name",
        "The envoy, Inès Ðorđević, said talks had stalled. “We will try again,” she said."
        " Later Ðorđević said the door was open.",
        [
            {"text": "talks had stalled", "speaker": "Inès Ðorđević"},
            {"text": "We will try again", "speaker": "Inès Ðorđević", "mention": "she"},
            {"text": "the door was open", "speaker": "Inès Ðorđević", "mention": "Ðorđević"},
        ],
    ),
    (
        "sentence-opening-with-an-accented-capital",
        "Ana Ruiz spoke first. Émile Roux said the vote was close.",
        [{"text": "the vote was close", "speaker": "Émile Roux", "mention": "Émile Roux"}],
    ),
    (
        "long-role-then-name",
        "The independent expert on water rights in Bolivia, Tomás Quispe, said on Tuesday"
        " that the wells were dry.",
        [
            {
                "text": "that the wells were dry",
                "speaker": "Tomás Quispe",
                "role": "independent expert on water rights in Bolivia",
            }
        ],
    ),
    (
        "was-quoted-by-agency-as-saying",
        "Pak Il, the country's trade minister, was quoted by Yonhap as saying that exports"
        " would double.",
        [
            {
                "text": "that exports would double",
                "speaker": "Pak Il",
                "role": "the country's trade minister",
                "source": "Yonhap",
                "cue": "was quoted",
            }
        ],
    ),
    (
        "was-quoted-as-saying",
        "The general was quoted as saying the drills were over.",
        [{"text": "the drills were over", "mention": "The general", "source": None}],
    ),
    (
        "source-in-the-attribution-between-two-quoted-parts",
        "Tokyo has no plan yet.\n“We are ready,” Ishiba told the House of Representatives"
        " budget committee. “Japan will wait.”",
        [
            {
                "text": "We are ready,” Ishiba told the House of Representatives budget"
                " committee. “Japan will wait.",
                "source": "the Diet",
            }
        ],
    ),
    (
        "source-carried-to-the-speakers-next-paragraph",
        "Mayor Ann Lee said at a press conference on Monday that taxes would fall."
        "\nShe added that the budget was balanced.\nThe vote is next week."
        "\nA planner, Tom Roe, said the plan was late.\nLee said she disagreed.",
        [
            {"text": "that taxes would fall", "speaker": "Ann Lee", "source": "press conference"},
            {
                "text": "that the budget was balanced",
                "speaker": "Ann Lee",
                "source": "press conference",
            },
            {"text": "the plan was late", "speaker": "Tom Roe", "source": None},
            {"text": "she disagreed", "speaker": "Ann Lee", "source": None},
        ],
    ),
    (
        "assembly-carried-to-the-speakers-next-paragraph",
        "Ann Lee told the UN General Assembly that peace was near.\nShe added that talks"
        " would start.\nLee said the date was not set.\n\nPark said she was wrong.\nLee"
        " said she was right.",
        [
            {"text": "that peace was near", "speaker": "Ann Lee", "source": "UNGA"},
            {"text": "that talks would start", "speaker": "Ann Lee", "source": "UNGA"},
            {"text": "the date was not set", "speaker": "Ann Lee", "source": "UNGA"},
            {"text": "she was wrong", "speaker": "Park", "source": None},
            {"text": "she was right", "speaker": "Ann Lee", "source": None},
        ],
    ),
    (
        "pronoun-after-a-sentence-naming-the-channel",
        "Kim Yo Jong issued a separate statement carried by KCNA. She said the drills were"
        " reckless.\n“We will respond,” she said in the statement.",
        [
            {"text": "the drills were reckless", "mention": "She", "source": "KCNA"},
            {"text": "We will respond", "mention": "she", "source": "KCNA"},
        ],
    ),
    (
        "an-address-referred-back-to-is-given-at-the-assembly",
        "Leaders met at the UN General Assembly on Tuesday.\nSecretary-General Ana Ruiz, in"
        " her opening address, said the world was adrift.",
        [{"text": "the world was adrift", "speaker": "Ana Ruiz", "source": "UNGA"}],
    ),
    (
        "agency-quoting-the-next-speaker-is-no-source-of-the-one-before",
        "The ministry said it was the fourth launch. Pak Il was quoted by KCNA as saying that"
        " tests would go on.",
        [
            {"text": "it was the fourth launch", "source": None},
            {"text": "that tests would go on", "speaker": "Pak Il", "source": "KCNA"},
        ],
    ),
    (
        "white-house-is-no-house-and-a-title-no-chamber",
        "Jo Park, who worked in the Bush White House, said the plan would fail.\nThe Senate"
        " minority leader said the bill was dead.",
        [
            {"text": "the plan would fail", "speaker": "Jo Park", "source": None},
            {"text": "the bill was dead", "source": None},
        ],
    ),
    (
        "rebuttal-of-a-bare-definite-noun-phrase-is-no-statement",
        "The embassy rejected the report. Rui Diaz dismissed the accusations, saying that"
        " they were false.",
        [{"text": "that they were false", "speaker": "Rui Diaz", "cue": "saying"}],
    ),
    (
        "asking-not-to-be-named-is-no-statement",
        "“It will fail,” one diplomat said privately, asking not to be named.",
        [{"text": "It will fail", "mention": "one diplomat"}],
    ),
    (
        "a-question-has-no-source",
        "Ana Ruiz spoke at a press conference on Monday.\nAsked about reports that Chile had"
        " cut aid, she said the UN Security Council should act.",
        [
            {"text": "about reports that Chile had cut aid", "speaker": None, "source": None},
            {"text": "the UN Security Council should act", "speaker": "Ana Ruiz"},
        ],
    ),
    (
        "an-age-is-no-role",
        "Rosa Vidal, 87, whose son was taken in 1978, said she was tired.",
        [{"text": "she was tired", "speaker": "Rosa Vidal", "role": None}],
    ),
    (
        "a-common-noun-title-opening-a-sentence-is-lower-case",
        "Leader Kim Jong Un said the tests were a success.",
        [{"text": "the tests were a success", "speaker": "Kim Jong Un", "role": "leader"}],
    ),
    (
        "a-statement-from-a-body-named-before",
        "The Cuban mission in Vienna left the talks. “We were insulted,” a statement from the"
        " mission said.",
        [
            {
                "text": "We were insulted",
                "speaker": "Cuban mission in Vienna",
                "mention": "a statement from the mission",
                "source": "statement",
            }
        ],
    ),
    # A refused or negated speech act: what was not said is no statement of the speaker's.
    (
        "declined-to-say-whether",
        "The spokesperson declined to say whether Beijing had been informed of the launch.",
        [],
    ),
    ("refused-to-confirm-if", "Police refused to confirm if the man had been arrested.", []),
    ("would-not-say-whether", "The ministry would not say whether talks had resumed.", []),
    ("has-never-said", "Lang has never said she would raise taxes.", []),
    ("has-not-called-for", "Lang has not called for him to resign.", []),
    (
        "declined-to-elaborate-on-how",
        "The envoy declined to elaborate on how the deal was reached.",
        [],
    ),
    (
        "did-not-reveal-what-he-would-say",
        "Lang did not reveal what he would say on Thursday.",
        [],
    ),
    (
        "declined-to-give-details",
        "A spokeswoman declined to give details.",
        [{"text": "to give details", "mention": "A spokeswoman", "cue": "declined"}],
    ),
    (
        "declined-then-said",
        "Tanaka declined to say whether he would resign, but said the party needed new leaders.",
        [{"text": "the party needed new leaders", "speaker": "Tanaka", "cue": "said"}],
    ),
    (
        "did-not-mention-a-topic",
        "Lang did not mention her rival by name.",
        [{"text": "her rival by name", "speaker": "Lang", "cue": "did not mention"}],
    ),
    # A mixed quote ends with its quoted words when the reporter's clause follows.
    (
        "mixed-quote-then-as-new-subject",
        'Lang told the council that she would meet the union "at any time," as critics accused'
        " her of stalling.",
        [{"text": 'that she would meet the union "at any time,"', "speaker": "Lang"}],
    ),
    (
        "mixed-quote-then-while",
        'The mayor said the talks were "useful and frank," while the union called them a stunt.',
        [
            {"text": 'the talks were "useful and frank,"', "speaker": "The mayor"},
            {"text": "them a stunt", "mention": "the union", "cue": "called"},
        ],
    ),
    (
        "mixed-quote-then-even-as",
        'Lang said the fares would stay "for now," even as costs rose.',
        [{"text": 'the fares would stay "for now,"', "speaker": "Lang"}],
    ),
    (
        "mixed-quote-then-amid",
        'Lang said the plan was "a step forward," amid protests outside.',
        [{"text": 'the plan was "a step forward,"', "speaker": "Lang"}],
    ),
    (
        "mixed-quote-while-more-quoted-words",
        'Lang said the east "is doing well," while the west "needs help."',
        [{"text": 'the east "is doing well," while the west "needs help."', "speaker": "Lang"}],
    ),
    # Interview transcripts: the answers are the interviewee's, the questions nobody's.
    (
        "interview-q-and-a",
        "Ann Lang, the former mayor of Dover, spoke to the Herald about the port.\n\n"
        "Q: Did Mayor Tom Baker say the port would close?\n\n"
        "A: He did not. Tom Baker has said that the port will stay open.\n\n"
        "Q: What would you tell Baker now?\n\n"
        "A: Keep the port open.",
        [
            {
                "text": "He did not. Tom Baker has said that the port will stay open",
                "speaker": "Ann Lang",
                "mention": "Ann Lang",
                "cue": "A:",
                "kind": "direct",
            },
            {"text": "Keep the port open", "speaker": "Ann Lang", "cue": "A:"},
        ],
    ),
    (
        "interview-question-answer-words",
        "The Herald spoke to Mayor Ann Lang.\n\nQUESTION: Will taxes rise?\n\n"
        "ANSWER: No, we will cut spending.\n\nTom Baker said he would vote no.",
        [
            {"text": "No, we will cut spending", "speaker": "Ann Lang", "cue": "ANSWER:"},
            {"text": "he would vote no", "speaker": "Tom Baker"},
        ],
    ),
    (
        "interview-names-in-capitals",
        "Ann Lang spoke to Tom Baker of the Herald.\n\nBAKER: What would you tell Kim?\n\n"
        "LANG: I think talks are possible. Kim has said that he wants a deal.\n\n"
        "BAKER: And Seoul?\n\nLANG: Seoul will follow.",
        [
            {"text": "What would you tell Kim", "speaker": "Tom Baker", "mention": "BAKER"},
            {
                "text": "I think talks are possible. Kim has said that he wants a deal",
                "speaker": "Ann Lang",
            },
            {"text": "And Seoul", "speaker": "Tom Baker"},
            {"text": "Seoul will follow", "speaker": "Ann Lang"},
        ],
    ),
    (
        "dateline-with-two-places",
        "OSLO/BERGEN, May 2 (Reuters) - The port will reopen on Monday, Mayor Ann Lang said.",
        [{"text": "The port will reopen on Monday", "speaker": "Ann Lang"}],
    ),
    (
        # "official" and "state-run" say what an agency is: no role
        "agency-adjectives-no-role",
        "The official Korean Central News Agency (KCNA) said the test was a success. "
        "The state-run Yonhap News Agency said the launch failed.",
        [
            {
                "text": "the test was a success",
                "speaker": "Korean Central News Agency",
                "role": None,
            },
            {"text": "the launch failed", "speaker": "Yonhap News Agency", "role": None},
        ],
    ),
]


def _check(text: str, found: list[Attribution], expected: list[dict[str, Any]]) -> None:
    assert [a.text for a in found] == [e["text"] for e in expected]
    for a, e in zip(found, expected, strict=True):
        assert text[a.start : a.end] == a.text
        if "speaker" in e:
            assert a.speaker == e["speaker"]
        if "mention" in e:
            assert a.speaker_span is not None
            assert text[a.speaker_span[0] : a.speaker_span[1]] == e["mention"]
        if "role" in e:
            assert a.speaker_role == e["role"]
        if "source" in e:
            assert a.source == e["source"]
        if "kind" in e:
            assert a.kind == e["kind"]
        if "cue" in e:
            assert a.cue == e["cue"]
            assert a.cue_span is not None
            assert text[a.cue_span[0] : a.cue_span[1]] == e["cue"]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_construction(text: str, expected: list[dict[str, Any]]) -> None:
    _check(text, extract(text), expected)


# Constructions reported only with include_beliefs=True (thoughts, wishes, intentions).
BELIEF_CASES: list[tuple[str, str, list[dict[str, Any]]]] = [
    (
        "belief-that",
        "The minister believes that prices will fall.",
        [{"text": "that prices will fall", "cue": "believes"}],
    ),
    (
        "intention-to",
        "The campaign plans to focus on jobs.",
        [{"text": "to focus on jobs", "mention": "The campaign", "cue": "plans"}],
    ),
    (
        "seems",
        "After a year of campaigning, Ford still seems not to have found her voice.",
        [
            {
                "text": "Ford still seems not to have found her voice",
                "speaker": None,
                "cue": "seems",
            }
        ],
    ),
    (
        "is-expected-to",
        "The bakery is expected to cut 70 workers this week.",
        [{"text": "The bakery is expected to cut 70 workers this week", "cue": "is expected"}],
    ),
    ("seems-needs-someone", "The bid to normalise relations seemed to have worked.", []),
    (
        "want-to",
        "Hale wants to break up the utilities.",
        [{"text": "to break up the utilities", "speaker": "Hale", "cue": "wants"}],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in BELIEF_CASES], ids=[c[0] for c in BELIEF_CASES]
)
def test_belief_construction(text: str, expected: list[dict[str, Any]]) -> None:
    _check(text, extract(text, include_beliefs=True), expected)


def test_beliefs_are_opt_in() -> None:
    text = "The minister believes that prices will fall."
    assert extract(text) == []
    (a,) = extract(text, include_beliefs=True)
    assert a.text == "that prices will fall"
    assert a.cue == "believes"


# The seed article's answer key, written out by hand (start, end, speaker, source, kind).
SEED_GOLD = [
    (31, 94, "North Korea", "KCNA", "indirect"),
    (200, 254, "Choe Son Hui", "KCNA", "indirect"),
    (316, 374, "Ri Ryong Nam", "KCNA", "indirect"),
    (496, 584, "Fumio Kishida", "UNGA", "mixed"),
    (807, 880, "Fumio Kishida", "the Diet", "direct"),
    (920, 941, "Fumio Kishida", "the Diet", "direct"),
    (1201, 1332, "Kim Yo Jong", "KCNA", "indirect"),
]


def test_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = extract(text)
    assert len(found) == len(SEED_GOLD), [a.text for a in found]
    for a, (start, end, speaker, source, kind) in zip(found, SEED_GOLD, strict=True):
        overlap = max(0, min(end, a.end) - max(start, a.start)) / (end - start)
        assert overlap >= 0.8, (a.text, text[start:end])
        assert a.speaker == speaker
        assert a.source == source
        assert a.kind == kind
    roles = {a.speaker: a.speaker_role for a in found if a.speaker_role}
    assert roles["Fumio Kishida"] == "Japanese prime minister"
    assert roles["Ri Ryong Nam"] == "North Korea’s ambassador to China"


def test_seed_article_with_beliefs() -> None:
    """The seed holds no thoughts or impressions: beliefs on, the same seven statements."""
    text = SEED.read_text(encoding="utf-8")
    assert [(a.start, a.end) for a in extract(text, include_beliefs=True)] == [
        (a.start, a.end) for a in extract(text)
    ]


def test_seed_not_quotes() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = extract(text)
    for phrase in ("News of their whereabouts", "refused to engage", "Kishida’s wish"):
        assert not any(phrase in a.text for a in found)


def test_seed_matches_shared_gold() -> None:
    gold_path = SHARED / "data" / "seed_gold.json"
    if not gold_path.exists():
        pytest.skip(f"evaluation data not found at {gold_path}")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert gold["text"] + "\n" == SEED.read_text(encoding="utf-8")
    found = extract(gold["text"])
    assert len(found) == len(gold["quotes"])
    for a, q in zip(found, gold["quotes"], strict=True):
        s, e = q["start"], q["end"]
        assert max(0, min(e, a.end) - max(s, a.start)) / (e - s) >= 0.8
        assert a.speaker == q["speaker"]
        assert a.source == q["source"]
        assert a.kind == q["kind"]


def test_results_sorted_and_disjoint() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = extract(text)
    assert found == sorted(found, key=lambda a: a.start)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start


def test_to_json_format() -> None:
    (a,) = extract("“We will win,” Smith said.")
    record = a.to_json()
    assert record["speaker_span"] == [15, 20]
    assert record["cue_span"] == [21, 25]
    assert record["kind"] == "direct"
    json.dumps(record)


# gazetteer
@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("the Japanese Parliament", ("the Diet", "legislature")),
        ("National Diet", ("the Diet", "legislature")),
        ("in a KCNA report", ("KCNA", "news agency")),
        ("Korean Central News Agency", ("KCNA", "news agency")),
        ("the state’s official news agency KCNA", ("KCNA", "news agency")),
        ("a speech at the UNGA", ("UNGA", "assembly")),
        ("United Nations General Assembly", ("UNGA", "assembly")),
        ("the UN Security Council", ("UN Security Council", "assembly")),
        ("Yonhap news agency", ("Yonhap", "news agency")),
        ("the Bundestag", ("Bundestag", "legislature")),
        ("at a news conference", ("press conference", "press conference")),
        ("in an interview", ("interview", "interview")),
        ("no source here", None),
    ],
)
def test_resolve_source(mention: str, expected: tuple[str, str] | None) -> None:
    assert resolve_source(mention) == expected


def test_user_gazetteer(tmp_path: Path) -> None:
    extra = tmp_path / "mine.json"
    extra.write_text(
        json.dumps(
            {"sources": [{"name": "Radio Free Asia", "kind": "broadcaster", "aliases": ["RFA"]}]}
        ),
        encoding="utf-8",
    )
    gaz = load_gazetteer(extra)
    assert gaz.resolve("an RFA report") == ("Radio Free Asia", "broadcaster")
    assert gaz.resolve("the Japanese Parliament") == ("the Diet", "legislature")
    (a,) = extract("The ministry said in an RFA report that talks failed.", gazetteer=gaz)
    assert a.source == "Radio Free Asia"
    # the default gazetteer is untouched: it only knows the channel kind
    assert resolve_source("an RFA report") == ("report", "report")


def test_user_gazetteer_rejects_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"sources": [{"kind": "x"}]}), encoding="utf-8")
    with pytest.raises(ValueError, match="name"):
        load_gazetteer(bad)


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Ana Ruiz said on Friday that the port would reopen.", "on Friday"),
        ("“We are ready,” Ruiz said Tuesday.", "Tuesday"),
        ("Ana Ruiz on Monday said the port would reopen.", "on Monday"),
        ("Yesterday, Ana Ruiz said the port would reopen.", "Yesterday"),
        ("Ana Ruiz told CBS This Morning on Monday that it would reopen.", "on Monday"),
        ("Ana Ruiz said the port would reopen on Friday.", None),  # when it reopens
    ],
)
def test_said_when(text: str, when: str | None) -> None:
    (a,) = extract(text)
    assert a.said_when == when


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_split_interrupted_skips_an_apostrophe(apostrophe: str) -> None:
    # "the mayor's office" holds no quotation mark: the second part opens at the real one
    text = (
        f'"The plan is rushed," Baker told reporters at the mayor{apostrophe}s office.'
        ' "We will fight it."'
    )
    found = split_interrupted(text, extract(text))
    assert [a.text for a in found] == ["The plan is rushed", "We will fight it."]
