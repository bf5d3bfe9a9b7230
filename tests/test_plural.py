"""`generator.plural`: the plural a page uses for "all of them" ("Access Policies can be
imported ..."), and the sentences of both docs families that use it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.model.nodes import DocsFamily, Product
from generator.plural import plural, plural_word
from generator.render.docs_view import docs_page
from tests.pipeline.test_azurerm_docs_page import _resource


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Job", "Jobs"),
        ("Policy", "Policies"),
        ("Access", "Accesses"),
        ("Entry", "Entries"),
        ("Box", "Boxes"),
        ("Batch", "Batches"),
        ("Mesh", "Meshes"),
        ("Gateway", "Gateways"),
        ("Key", "Keys"),
        ("Analysis", "Analyses"),
        ("Status", "Statuses"),
        ("Alias", "Aliases"),
        ("Child", "Children"),
        ("API", "APIs"),
        ("policy", "policies"),
        # Plural already: unchanged.
        ("Settings", "Settings"),
        ("Credentials", "Credentials"),
        ("Kubernetes", "Kubernetes"),
        ("Data", "Data"),
        ("DNS", "DNS"),
    ],
)
def test_plural_word(word: str, expected: str) -> None:
    assert plural_word(word) == expected


def test_only_the_last_word_of_a_phrase_changes() -> None:
    assert (
        plural("Access Context Manager Access Policy") == "Access Context Manager Access Policies"
    )
    assert plural("Batch AI Job") == "Batch AI Jobs"
    assert plural("container_registry") == "container_registries"
    assert plural("") == "" and plural("2024") == "2024"


@given(st.from_regex(r"([A-Za-z]{1,10} ){0,3}[A-Za-z]{1,12}", fullmatch=True))
def test_plural_changes_only_the_end_of_the_last_word(phrase: str) -> None:
    out = plural(phrase)
    head, _, last = phrase.rpartition(" ")
    assert out[: len(head)] == head
    new_last = out[len(head) :].lstrip()
    # A stem of the word is kept (policy -> polic+ies, analysis -> analys+es), then 0-3 letters.
    keep = max(len(last) - 2, 0)
    assert new_last[:keep].lower() == last[:keep].lower()
    assert len(last) - 1 <= len(new_last) <= len(last) + 3


@given(st.from_regex(r"[a-z]{2,12}", fullmatch=True).filter(lambda w: w[-1] not in "iu"))
def test_a_plural_stays_a_plural(word: str) -> None:
    # Words in -i/-u are left out: "taxis" and "menus" look like "analysis" and "status".
    once = plural_word(word)
    assert plural_word(once) == once


@pytest.mark.parametrize(
    ("name", "human"),
    [("access_policy", "Access Policies"), ("dns_entry", "Dns Entries"), ("access", "Accesses")],
)
@pytest.mark.parametrize("family", [DocsFamily.AZURERM, DocsFamily.GOOGLE])
def test_import_sentences_use_the_plural(name: str, human: str, family: DocsFamily) -> None:
    product, res = _resource()
    res = replace(res, name=name, terraform_name=f"acme_{name}")
    product = Product("widgets", "Widgets", "acme", product.versions, product.params)
    page = docs_page(product, res, family)
    said = page.import_text + " ".join(e.text for e in page.import_examples)
    assert f"{human} can be imported" in said
    for wrong in ("Policys", "Entrys", "Accesss"):
        assert wrong not in said
