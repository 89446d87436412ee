"""Words joined across a line break read as the word they spell, by the tagger, parser and lemmatizer.

``layout.reading_form`` writes a word hyphenated across a wrap break with soft
hyphens where the hyphen and the line break were ("gov\\xad\\xadernment",
"well-\\xadknown"), so that the text keeps its length and the tokenizer keeps
the word in one token.  The model reads a token by its norm, prefix, suffix
and shape, all lexical attributes: a component before the model gives the
spelling with soft hyphens the attributes of the word it spells, and one after
the lemmatizer its lemma.  A soft hyphen the input itself holds is read the
same way.  ``Token.text`` keeps the soft hyphens (it must quote the parse
form); ``layout.joined`` drops them.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from .layout import SOFT, joined

COMPONENT = "factx_joined_words"

# Orth ids (string hashes, the same in every vocabulary) of the token spellings seen in this
# process, and of those holding a soft hyphen: a parsed text is checked by its new spellings only.
_seen: set[int] = set()
_soft: set[int] = set()


def _soft_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens holding a soft hyphen (one array copy and set lookups per text)."""
    orths = doc.to_array([ORTH])
    if not len(orths):
        return []
    kinds = set(orths.tolist())
    new = kinds - _seen
    if new:
        strings = doc.vocab.strings
        _soft.update(o for o in new if SOFT in strings[o])
        _seen.update(new)
    if not _soft or kinds.isdisjoint(_soft):
        return []
    return [i for i, o in enumerate(orths.tolist()) if o in _soft]


_LEX_ATTRS = ("norm_", "lower_", "shape_", "prefix_", "suffix_", "is_alpha", "is_ascii", "is_digit", "is_lower",
              "is_upper", "is_title", "is_punct", "is_stop", "like_num")


@Language.component(COMPONENT)
def set_joined_words(doc: Doc) -> Doc:
    """Give a word joined across a line break ("gov\\xad\\xadernment") the lexical attributes of the
    word it spells ("government"): norm, lower case, shape, prefix, suffix and flags are what the
    tagger, parser and entity recogniser read, so they see the word, not its pieces.  The lexeme is
    only ever this spelling with soft hyphens in it, so setting it is safe for every later text."""
    vocab = doc.vocab
    for i in _soft_tokens(doc):
        text = doc[i].text
        word = joined(text)
        lex = vocab[text]
        if not word or lex.lower_ == word.lower():
            continue
        ref = vocab[word]
        for attr in _LEX_ATTRS:
            setattr(lex, attr, getattr(ref, attr))
    return doc


LEMMAS_COMPONENT = "factx_joined_lemmas"


@Language.factory(LEMMAS_COMPONENT)
def _make_joined_lemmas(nlp: Language, name: str) -> JoinedLemmas:
    return JoinedLemmas(nlp)


class JoinedLemmas:
    """The lemma of a joined word is that of the word it spells ("an\\xad\\xadnounced" -> "announce"):
    the lemmatizer reads the token's spelling, so it is asked about the word itself."""

    def __init__(self, nlp: Language):
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        soft = _soft_tokens(doc)
        if not soft:
            return doc
        component = self.nlp.get_pipe("lemmatizer")
        lemmatizer = getattr(component, "lemmatizer", component)  # fastpipe.LemmaTable wraps spaCy's
        for i in soft:
            tok = doc[i]
            if not joined(tok.text):  # a soft hyphen alone
                continue
            word = Doc(doc.vocab, words=[joined(tok.text)])[0]
            word.pos, word.tag, word.morph = tok.pos, tok.tag, tok.morph
            try:
                tok.lemma_ = lemmatizer.lemmatize(word)[0]
            except (AttributeError, KeyError, ValueError, IndexError):
                tok.lemma_ = word.lower_
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


def add_to(nlp: Language) -> None:
    """Put the joined-word component first (before the tagger's embedding) and the lemma fix after the
    lemmatizer."""
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, first=True)
    if "lemmatizer" in nlp.pipe_names and LEMMAS_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(LEMMAS_COMPONENT, after="lemmatizer")
