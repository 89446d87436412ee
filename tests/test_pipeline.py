"""The spaCy side: the fast attribute table gives the ruler's annotations; long texts in pieces."""

from __future__ import annotations

import spacy
from conftest import assert_offsets
from hypothesis import given
from hypothesis import strategies as st

from factx.fastpipe import AttributeTable, LemmaTable
from factx.pipeline import BATCH_CHARS, BATCH_SIZE, PIECE_CHARS, load_nlp, model_name, parse, parse_batches
from factx.sentences import add_to

TEXTS = [
    "Gonna be fine, y'all said. It isn't over: I'm sure they'd have done it if we hadn't.",
    "There are 300 people who didn't vote, but that is what it is. Let's go.",
    "“We will win,” she said.\n\nThe senator, who has\tlong opposed it, told reporters that it was dead.",
]


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_table_components_match_the_attribute_ruler_and_lemmatizer(seed_text):
    reference = spacy.load(model_name())
    add_to(reference)  # the layout's sentence starts, as in load_nlp: only the two tables differ
    fast = load_nlp(model_name())
    assert "attribute_ruler" in fast.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), AttributeTable)
    assert isinstance(fast.get_pipe("lemmatizer"), LemmaTable)
    assert not isinstance(reference.get_pipe("attribute_ruler"), AttributeTable)
    for text in [seed_text, *TEXTS]:
        assert _annotations(fast(text)) == _annotations(reference(text))


def test_long_input_is_parsed_in_pieces_with_global_offsets(extractor, seed_text):
    paragraphs = []
    while sum(len(p) + 2 for p in paragraphs) < 2.5 * PIECE_CHARS:
        paragraphs.append(seed_text)
    text = "\n\n".join(paragraphs)
    article = extractor.extract_text(text)
    assert_offsets(article, text)
    zak = [p for p in article.people if p.name == "Maria Zakharova"]
    assert len(zak) == 1, "mentions from every piece are merged into one entity"
    assert len(zak[0].mentions) == 3 * len(paragraphs)
    tolls = [f for f in article.figures if f.text == "1,311"]
    assert len(tolls) == len(paragraphs)
    sentences = [f.sentence for f in tolls]
    assert sentences == sorted(set(sentences)), "sentence indices run on across pieces"
    assert article.sentences > 10 * len(paragraphs)
    assert len({f.id for f in article.figures}) == len(article.figures)


@given(st.lists(st.integers(min_value=0, max_value=3 * BATCH_CHARS), max_size=40))
def test_parse_batches_are_bounded_in_texts_and_characters(lengths):
    items = [("x" * n, i) for i, n in enumerate(lengths)]
    batches = list(parse_batches(items))
    assert [item for b in batches for item in b] == items, "every item once, in order"
    for b in batches:
        assert 1 <= len(b) <= BATCH_SIZE
        assert len(b) == 1 or sum(len(t) for t, _ in b) <= BATCH_CHARS


def test_parse_gives_what_nlp_pipe_gives(seed_text):
    nlp = load_nlp(model_name())
    long_piece = (seed_text + "\n\n") * (BATCH_CHARS // len(seed_text))
    texts = [TEXTS[0], long_piece, TEXTS[1], long_piece, TEXTS[2]]
    ours = list(parse(nlp, ((t, i) for i, t in enumerate(texts))))
    assert [i for _, i in ours] == list(range(len(texts)))
    for (doc, _), ref in zip(ours, nlp.pipe(texts), strict=True):
        assert _annotations(doc) == _annotations(ref)
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == \
            [(e.start_char, e.end_char, e.label_) for e in ref.ents]
