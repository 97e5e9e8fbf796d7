"""CAMEO code tables: labels, PLOVER types, QuadClass, Goldstein, symmetric codes."""

from __future__ import annotations

import pytest

from diplograph.coding.ontology import describe, is_known, is_symmetric


@pytest.mark.parametrize(
    ("code", "plover", "quad", "goldstein"),
    [
        ("040", "CONSULT", 1, 1.0),
        ("057", "SUPPORT", 1, 8.0),
        ("0311", "AGREE", 1, 5.2),
        ("061", "COOPERATE", 2, 6.4),
        ("112", "ACCUSE", 3, -2.0),
        ("163", "COERCE", 4, -8.0),
        ("190", "ASSAULT", 4, -10.0),
        ("020", "REQUEST", 1, 3.0),
    ],
)
def test_ontology_describe_known_codes(code, plover, quad, goldstein):
    info = describe(code)
    assert (info.code, info.plover, info.quad_class, info.goldstein, info.root) == (
        code,
        plover,
        quad,
        goldstein,
        code[:2],
    )
    assert info.label


def test_ontology_labels_come_from_the_codebook():
    assert describe("042").label == "Make a visit"
    assert describe("043").label == "Host a visit"


def test_ontology_unknown_refinement_falls_back_to_parent():
    info = describe("0429")
    assert info.plover == "CONSULT" and info.goldstein == describe("042").goldstein


def test_ontology_rejects_non_codes():
    with pytest.raises(KeyError):
        describe("99")
    assert not is_known("999") and is_known("195")


@pytest.mark.parametrize(("code", "mutual"), [("040", True), ("046", True), ("057", True), ("190", True)])
def test_ontology_symmetric_codes(code, mutual):
    assert is_symmetric(code) is mutual


@pytest.mark.parametrize("code", ["042", "043", "051", "112", "163", "173"])
def test_ontology_directed_codes_are_not_symmetric(code):
    assert not is_symmetric(code)
