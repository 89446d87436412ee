"""Extractors: each a function from a parsed spaCy ``Doc`` to typed records.

``figures``, ``entities`` and ``quotes`` each read a ``Doc`` (plus what an
earlier extractor found, passed in explicitly) and return records whose
offsets are global: a ``Context`` says where the ``Doc`` sits in the whole
input, so a long input parsed in pieces still yields offsets into the input.
"""
