"""Stable identifiers: the same text, fact or entity always gets the same id."""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid

_NAMESPACE = uuid.UUID("5b0f7f4e-3a52-4c55-9a55-7d6c1b2f0e11")

_TRANSLIT = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    }
)  # fmt: skip


def normalize_text(text: str) -> str:
    """The form a document is hashed in: NFC, Unix newlines, no trailing white space at the end."""
    return unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").rstrip()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def document_id_for(content_hash_hex: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "document:" + content_hash_hex))


def fact_id_for(document_id: str, *parts: object) -> str:
    return str(uuid.uuid5(_NAMESPACE, "fact:" + document_id + ":" + "|".join(map(str, parts))))


def slugify(name: str) -> str:
    """Latin slug of a (Russian) name: "Виктор Горемыкин" -> "viktor-goremykin"."""
    latin = unicodedata.normalize("NFKD", name.lower().translate(_TRANSLIT))
    latin = latin.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-") or "x"


def entity_id_for(type_prefix: str, canonical_name: str) -> str:
    """`person:viktor-goremykin`; countries use their ISO code instead (`country:kp`)."""
    return f"{type_prefix}:{slugify(canonical_name)}"
