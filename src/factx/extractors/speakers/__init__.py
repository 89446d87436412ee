"""Speakers: each quote's speaker mention resolved to a person or organization, as a careful reader would.

Two steps, because entities are clustered over the whole input while the
parse exists only per piece (a package of named passes: ``hints`` reads the
parse; ``resolve`` dispatches each mention by its form to ``pronouns``,
``descriptions``, ``documents`` and ``organizations``, over the indexes of
``index``; ``words`` holds the closed word classes and the noun lexicons):

* ``speaker_hints`` (per parsed piece, beside the extractors) keeps what the
  parse says and the entities do not: the subjects of clauses, the nouns the
  article uses to describe a name ("Toyota, the carmaker", "the carmaker
  Toyota", "Toyota is a carmaker"), and the form of each speaker mention
  (pronoun; relative pronoun and the noun it attaches to; description, its
  head noun and whether it has an article or a possessive).
* ``resolve_speakers`` (per input, once entities are built) applies the
  rules in text order, so a speaker resolved early helps the later ones:

  1. a speaker mention that is a name, or holds one as its head ("the
     statistics agency Destatis"), in an apposition ("another diplomat, the
     veteran envoy Kurt Volker") or as the agent of a thing ("figures by the
     Boston Fed"), is that entity; a place name is the place ("The US");
  2. a relative pronoun ("X, who ..., said") is what it attaches to;
  3. he / she: the most recent person of compatible gender that is the
     subject or speaker of a clause in the last few sentences, before any
     nearer person merely mentioned; failing that the nearest compatible
     person (gender from honorifics, first names and pronouns resolved so far);
  4. it / they: the organization that is the subject or speaker of the
     preceding sentences ("The bank rejected the report. In a statement, it
     said ...");
  5. a description: the person holding that title (the last one named
     before, or the only one in the article: "The prime minister said ...
     Prime Minister Jan Novak told"); else the entity the article described
     with that noun ("One of Cuba's best authors, Jose Puig ... The author
     said"); else the organization whose name ends with it ("Commerce
     Department" for "the department"); else the last organization of the
     kind the noun names (``data/speaker_nouns.txt``: "the company",
     "the daily"); else a name it holds that is not its head ("a Toyota
     spokesman": Toyota).  Finer rules for descriptions:

     * a document ("the report said", ``data/document_nouns.txt``) is its
       issuer: a name or description inside it, else the issuer of the last
       document with the same noun outside a quotation (a name inside it, or
       the definite subject of the clause that issued it: "X issued a
       statement", "X said in a statement"); a plural never is;
     * an organization noun whose modifier is in an organization's name
       ("the production company": "Starlight Productions");
     * a role noun (``data/person_nouns.txt``) with "the" is the person the
       last sentences are about, as a pronoun; with "a" and nothing before,
       the person named as the next speaker with an affiliation;
     * a plural description is never one person;
     * "the company", "the agency" (``data/main_org_nouns.txt``) with none
       named as one: the organization the article is about, or an untagged name that spoke when the model
       tagged no organization at all.

  6. an organization named by its short form ("Vesta", "Commerce") is the one
     with the full name ("Vesta SA", "Commerce Department") when the article
     gives exactly one (``data/name_tails.txt``).

  When no rule is credible the name stays null, except for a bare
  description written as a name ("says war monitor"), which names itself.
"""

from .hints import SpeakerForm, SpeakerHints, speaker_hints
from .resolve import resolve_speakers

__all__ = ["SpeakerForm", "SpeakerHints", "resolve_speakers", "speaker_hints"]
