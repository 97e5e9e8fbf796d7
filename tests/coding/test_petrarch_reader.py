"""Reading PETRARCH verb dictionaries and compiling their patterns."""

from __future__ import annotations

import pytest

from diplograph.coding.patterns import _match_units, build_lexicon, compile_pattern
from diplograph.coding.petrarch import parse_code, parse_verb_lines

LINES = """
&TREATY
+TREATY
+AGREEMENT

---  SIGN   [---]  ---
SIGN
INK {INKS INKED}  [057]
+SIGN_UP [030]
- * &TREATY                     [057]         # SIGN
- * {PEACE &TREATY} (WITH +)    [057:057]     # SIGN
- + * ASSURANCES (FROM $)       [030]
""".splitlines()


@pytest.mark.parametrize(
    ("text", "code"), [("[057]", "057"), ("[042:043]", "042:043"), ("[---]", ""), ("[:173]", ""), ("x", "")]
)
def test_petrarch_parse_code(text, code):
    assert parse_code(text) == code


def test_petrarch_reads_verbs_synsets_and_patterns():
    vd = parse_verb_lines(LINES)
    assert vd.verbs["SIGN"] == ("SIGN", "")
    assert vd.verbs["INKED"] == ("SIGN", "057")
    assert vd.verbs["SIGN_UP"] == ("SIGN", "030")
    assert vd.synsets["&TREATY"] == ["TREATY", "AGREEMENT"]
    assert [code for _, code in vd.patterns["SIGN"]] == ["057", "057:057", "030"]


def test_petrarch_pattern_compiles_synsets_and_phrases():
    vd = parse_verb_lines(LINES)
    pattern = compile_pattern("* {PEACE &TREATY} ( WITH + )", "057:057", vd.synsets)
    assert pattern is not None
    assert pattern.coding.code == "057" and pattern.coding.reverse == "057"
    words = [("A", "A"), ("PEACE", "PEACE"), ("AGREEMENT", "AGREEMENT"), ("WITH", "WITH")]
    assert _match_units(pattern.post, words)
    assert not _match_units(pattern.post, [("PEACE", "PEACE"), ("WITH", "WITH")])


def test_petrarch_source_after_verb_swaps_roles():
    vd = parse_verb_lines(LINES)
    pattern = compile_pattern("+ * ASSURANCES ( FROM $ )", "030", vd.synsets)
    assert pattern is not None and pattern.coding.swap


def test_petrarch_lexicon_drops_non_words():
    vd = parse_verb_lines(LINES)
    vd.verbs[","] = ("SIGN", "057")
    assert "," not in build_lexicon(vd).verbs


def test_petrarch_phrasal_pattern_keeps_to_its_comment_verb():
    lines = [
        "---  DEMAND   [100]  ---",
        "DEMAND",
        "PRESS",
        "CAMPAIGN",
        "- * ON                 [190]         # PRESS",
        "- * RESPONSIBILITY     [015]         # PRESS",
    ]
    vd = parse_verb_lines(lines)
    assert vd.patterns["DEMAND"] == [("* ON @PRESS", "190"), ("* RESPONSIBILITY", "015")]
